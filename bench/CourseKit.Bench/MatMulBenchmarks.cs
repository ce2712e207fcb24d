using BenchmarkDotNet.Attributes;
using CourseKit;

namespace CourseKit.Bench;

/// <summary>
/// The matrix product C = op(A)·op(B) into a preallocated C (no allocation in the measured call), at the
/// MNIST-layer size 64×784·784×128 and at 512×512·512×512, in the three forms backprop uses.
/// The GFLOP/s column is 2·m·n·k / mean time.
/// </summary>
[Config(typeof(MatMulConfig))]
public class MatMulBenchmarks
{
    /// <summary>m×k×n of the product [m, k]·[k, n].</summary>
    [Params("64x784x128", "512x512x512")]
    public string Size { get; set; } = "512x512x512";

    /// <summary>A·B, Aᵀ·B (A stored [k, m]) or A·Bᵀ (B stored [n, k]).</summary>
    [Params("A·B", "Aᵀ·B", "A·Bᵀ")]
    public string Form { get; set; } = "A·B";

    private Tensor _a = null!, _b = null!, _c = null!;
    private bool _transposeA, _transposeB;

    [GlobalSetup]
    public void Setup()
    {
        var (m, k, n) = MatMulSize.Parse(Size);
        _transposeA = Form == "Aᵀ·B";
        _transposeB = Form == "A·Bᵀ";
        _a = _transposeA ? Tensor.Uniform(1, -1, 1, k, m) : Tensor.Uniform(1, -1, 1, m, k);
        _b = _transposeB ? Tensor.Uniform(2, -1, 1, n, k) : Tensor.Uniform(2, -1, 1, k, n);
        _c = Tensor.Zeros(m, n);
    }

    [Benchmark]
    public Tensor MatMul()
    {
        Tensor.MatMulInto(_c, _a, _b, _transposeA, _transposeB);
        return _c;
    }
}
