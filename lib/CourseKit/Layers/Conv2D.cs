using CourseKit.Initialisers;

namespace CourseKit.Layers;

/// <summary>
/// A 2-D convolution (the lecture “Deep networks”, §5, "sieci konwolucyjne"): the same kernels slide over the whole image.
/// Input [batch, C, H, W], output [batch, C′, H′, W′] with H′ = (H + 2·padding − k)/stride + 1 (likewise W′),
/// y[n, o, i, j] = b[o] + Σ_{c, u, v} K[o, c, u, v] · x[n, c, i·stride + u − padding, j·stride + v − padding]
/// (zero outside the image; cross-correlation, as in every deep-learning library).
/// Computed by im2col: each output position's receptive field becomes a row of a matrix X̃ [batch·H′·W′, C·k·k],
/// so the convolution is the <see cref="Dense"/> product Y = X̃·Kᵀ + b with K viewed as [C′, C·k·k], and the
/// backward pass is Dense's: ∂L/∂K += (∂L/∂Y)ᵀ·X̃, ∂L/∂X̃ = ∂L/∂Y·K, scattered back (col2im) into ∂L/∂x.
/// </summary>
public sealed class Conv2D : Layer
{
    private Tensor? _columns;   // X̃ of the last Forward
    private int[]? _inputShape;
    private int[]? _patchSources;   // see PatchSources
    private (int N, int H, int W) _patchShape;

    /// <summary>A convolution with <paramref name="outChannels"/> kernels of size k×k over <paramref name="inChannels"/>
    /// channels; K drawn by <paramref name="init"/> (default He normal, fan-in C·k·k, fan-out C′·k·k), b = 0.</summary>
    public Conv2D(int inChannels, int outChannels, int kernel, Random rng, int stride = 1, int padding = 0,
        Initialiser? init = null, string name = "conv")
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0)
            throw new ArgumentException(
                $"Conv2D needs channels ≥ 1, kernel ≥ 1, stride ≥ 1 and padding ≥ 0, got in {inChannels}, out {outChannels}, " +
                $"kernel {kernel}, stride {stride}, padding {padding}.");
        Kernel = kernel;
        Stride = stride;
        Padding = padding;
        var k = Tensor.Zeros(outChannels, inChannels, kernel, kernel);
        (init ?? new HeNormal()).Fill(k, inChannels * kernel * kernel, outChannels * kernel * kernel, rng);
        K = new Parameter(name + ".K", k);
        B = new Parameter(name + ".b", Tensor.Zeros(outChannels), decay: false);
    }

    /// <summary>As the constructor taking a <see cref="Random"/>, with <c>new Random(seed)</c>.</summary>
    public Conv2D(int inChannels, int outChannels, int kernel, int stride = 1, int padding = 0, int seed = 0,
        Initialiser? init = null, string name = "conv")
        : this(inChannels, outChannels, kernel, new Random(seed), stride, padding, init, name)
    {
    }

    /// <summary>The kernels K, shape [C′, C, k, k].</summary>
    public Parameter K { get; }

    /// <summary>b, one per output channel, shape [C′].</summary>
    public Parameter B { get; }

    /// <summary>C, the input channels.</summary>
    public int InChannels => K.Value.Shape[1];

    /// <summary>C′, the output channels.</summary>
    public int OutChannels => K.Value.Shape[0];

    /// <summary>k, the kernel's height and width.</summary>
    public int Kernel { get; }

    /// <summary>The step between neighbouring receptive fields.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on each side of the image.</summary>
    public int Padding { get; }

    /// <summary>H′ = (H + 2·padding − k)/stride + 1.</summary>
    public int OutputSize(int size) => (size + 2 * Padding - Kernel) / Stride + 1;

    /// <summary>The convolution of a batch [batch, C, H, W].</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 4 || x.Shape[1] != InChannels || x.Shape[2] + 2 * Padding < Kernel || x.Shape[3] + 2 * Padding < Kernel)
            throw new ArgumentException(
                $"{this} expects input [batch, {InChannels}, height, width] with height and width ≥ {Math.Max(1, Kernel - 2 * Padding)}, got {x.ShapeString}.",
                nameof(x));
        int n = x.Shape[0], c = InChannels, h = x.Shape[2], w = x.Shape[3], k = Kernel;
        int ho = OutputSize(h), wo = OutputSize(w), cols = c * k * k;
        var columns = Tensor.Zeros(n * ho * wo, cols);
        var xs = x.Span;
        var cs = columns.Span;
        var source = PatchSources(n, h, w);   // im2col: each entry of X̃ copies one input pixel (or is padding)
        for (int e = 0; e < source.Length; e++)
            if (source[e] >= 0) cs[e] = xs[source[e]];
        _columns = columns;
        _inputShape = [n, c, h, w];
        var flat = Tensor.MatMulNT(columns, KernelMatrix(K.Value)).AddInPlace(B.Value);   // [n·H′·W′, C′]
        return ToChannelsFirst(flat, n, ho, wo);
    }

    /// <summary>Backward of Y = X̃·Kᵀ + b, then col2im: each ∂L/∂X̃ entry is added to the input pixel it was copied from.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var columns = _columns ?? throw BackwardBeforeForward();
        int n = _inputShape![0], c = _inputShape[1], h = _inputShape[2], w = _inputShape[3], k = Kernel;
        int ho = OutputSize(h), wo = OutputSize(w), cols = c * k * k, co = OutChannels;
        if (dOut.Rank != 4 || dOut.Shape[0] != n || dOut.Shape[1] != co || dOut.Shape[2] != ho || dOut.Shape[3] != wo)
            throw new ArgumentException(
                $"{this}.Backward expects ∂L/∂output of shape [{n}, {co}, {ho}, {wo}] (the last output's shape), got {dOut.ShapeString}.",
                nameof(dOut));
        var dFlat = Tensor.Zeros(n * ho * wo, co);
        var df = dFlat.Span;
        var dy = dOut.Span;
        for (int b = 0; b < n; b++)
            for (int o = 0; o < co; o++)
                for (int p = 0; p < ho * wo; p++)
                    df[(b * ho * wo + p) * co + o] = dy[(b * co + o) * ho * wo + p];

        Tensor.MatMulInto(KernelMatrix(K.Grad), dFlat, columns, transposeA: true, accumulate: true);   // ∂L/∂K += (∂L/∂Y)ᵀ·X̃
        var db = B.Grad.Span;
        for (int r = 0; r < n * ho * wo; r++)
            for (int o = 0; o < co; o++) db[o] += df[r * co + o];
        var dColumns = Tensor.MatMul(dFlat, KernelMatrix(K.Value));                                      // ∂L/∂X̃ = ∂L/∂Y·K

        var dx = Tensor.Zeros(n, c, h, w);
        var dxs = dx.Span;
        var dc = dColumns.Span;
        var source = PatchSources(n, h, w);   // col2im: each entry of ∂L/∂X̃ goes back to the pixel it was copied from
        for (int e = 0; e < source.Length; e++)
            if (source[e] >= 0) dxs[source[e]] += dc[e];
        return dx;
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [K, B];

    /// <summary>E.g. <c>Conv2D(3 → 8, 3×3, stride 1, padding 1)</c>.</summary>
    public override string ToString() => $"Conv2D({InChannels} → {OutChannels}, {Kernel}×{Kernel}, stride {Stride}, padding {Padding})";

    /// <summary>
    /// For every entry of the im2col matrix X̃ [n·H′·W′, C·k·k], the flat index of the input pixel x[b, ch, i·s + u − p,
    /// j·s + v − p] it holds, or −1 where the kernel overhangs the padding. Forward copies along this map and Backward
    /// adds back along it; it is computed once per input shape.
    /// </summary>
    private int[] PatchSources(int n, int h, int w)
    {
        if (_patchSources is { } cached && _patchShape == (n, h, w)) return cached;
        int c = InChannels, k = Kernel, ho = OutputSize(h), wo = OutputSize(w), cols = c * k * k;
        var source = new int[n * ho * wo * cols];
        for (int b = 0; b < n; b++)
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++)
                {
                    int row = ((b * ho + i) * wo + j) * cols;
                    for (int ch = 0; ch < c; ch++)
                        for (int u = 0; u < k; u++)
                            for (int v = 0; v < k; v++)
                            {
                                int y = i * Stride + u - Padding, xx = j * Stride + v - Padding;
                                source[row + (ch * k + u) * k + v] =
                                    (uint)y < (uint)h && (uint)xx < (uint)w ? ((b * c + ch) * h + y) * w + xx : -1;
                            }
                }
        (_patchSources, _patchShape) = (source, (n, h, w));
        return source;
    }

    /// <summary>K [C′, C, k, k] viewed (no copy) as the matrix [C′, C·k·k].</summary>
    private Tensor KernelMatrix(Tensor kernels) => kernels.Reshape(OutChannels, -1);

    private static Tensor ToChannelsFirst(Tensor flat, int n, int ho, int wo)
    {
        int co = flat.Cols;
        var y = Tensor.Zeros(n, co, ho, wo);
        var ys = y.Span;
        var fs = flat.Span;
        for (int b = 0; b < n; b++)
            for (int p = 0; p < ho * wo; p++)
                for (int o = 0; o < co; o++)
                    ys[(b * co + o) * ho * wo + p] = fs[(b * ho * wo + p) * co + o];
        return y;
    }
}
