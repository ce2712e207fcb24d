using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Tensors;

/// <summary>A matrix seen through strides: element (i, j) is <c>Data[Offset + i·RowStride + j·ColStride]</c>.</summary>
/// <remarks>A row-major matrix has ColStride 1; its transpose is the same array with the strides swapped.</remarks>
internal readonly record struct StridedMatrix(double[] Data, int Offset, int RowStride, int ColStride)
{
    /// <summary>The sub-matrix whose element (0, 0) is this matrix's element (i, j).</summary>
    public StridedMatrix At(int i, int j) => this with { Offset = Offset + i * RowStride + j * ColStride };
}

/// <summary>The instruction set a micro-kernel is written for.</summary>
internal enum MatMulPath { Scalar, Avx2, Avx512 }

/// <summary>
/// C (+)= A·B for strided A [m, k] and B [k, n] into row-major C: the Goto/BLIS scheme.
/// </summary>
/// <remarks>
/// <para>Blocking. The loops, outermost first:</para>
/// <list type="number">
/// <item>jc: columns of C in blocks of <see cref="NC"/>;</item>
/// <item>pc: the inner dimension in blocks of <see cref="KC"/>; the KC×NC block of B is packed into
/// column panels NR wide (for each p, NR consecutive values) — it stays in L2/L3;</item>
/// <item>ic: rows in blocks of <see cref="MC"/>; the MC×KC block of A is packed into row panels MR tall
/// (for each p, MR consecutive values): 128·256·8 B = 256 KiB, resident in the 1 MiB L2;</item>
/// <item>jr, ir: one MR×NR tile of C per micro-kernel call. For fixed jr the KC×NR panel of B
/// (256·16·8 B = 32 KiB) is reused by every ir, so it lives in the 48 KiB L1 while A panels stream from L2.</item>
/// </list>
/// <para>The micro-kernel keeps the MR×NR tile of C in registers (AVX-512: 8×16 doubles = 16 zmm
/// accumulators; AVX2: 4×8 = 8 ymm) and per step p does one rank-1 update: load NR values of B, broadcast
/// each of the MR values of A, and fuse-multiply-add. Packing makes every load contiguous and pads edge
/// panels with zeros, so one kernel serves A·B, Aᵀ·B and A·Bᵀ: a transposed operand differs only in how
/// it is packed. Edge tiles are computed into a scratch tile and the valid part copied out.</para>
/// <para>Products above <see cref="DefaultParallelThreshold"/> multiply-adds are split into one block of C
/// per core (row strips, column strips or a grid, whichever packs least); each block runs the serial
/// scheme with its own buffers, so the cores never wait for each other inside a product.</para>
/// </remarks>
internal static class MatMulKernel
{
    /// <summary>Block of the inner dimension (rows of the B panel held in L1).</summary>
    public const int KC = 256;

    /// <summary>Block of rows of A packed at once (the L2-resident block).</summary>
    public const int MC = 128;

    /// <summary>Block of columns of B packed at once.</summary>
    public const int NC = 2048;

    /// <summary>Products with fewer multiply-adds than this (m·n·k) stay on one thread.</summary>
    public const long DefaultParallelThreshold = 1L << 20;

    /// <summary>The fastest micro-kernel this CPU runs.</summary>
    public static MatMulPath BestPath { get; } =
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated ? MatMulPath.Avx512
        : Fma.IsSupported && Avx2.IsSupported ? MatMulPath.Avx2
        : MatMulPath.Scalar;

    /// <summary>Whether this CPU can run the given micro-kernel.</summary>
    public static bool IsSupported(MatMulPath path) => path <= BestPath;

    [ThreadStatic] private static double[]? _packedA;
    [ThreadStatic] private static double[]? _packedB;

    /// <summary>C[m, n] (+)= A·B with C row-major at <paramref name="cOffset"/>, row stride <paramref name="ldc"/>.</summary>
    public static void Multiply(StridedMatrix a, StridedMatrix b, double[] c, int cOffset, int ldc,
        int m, int n, int k, bool accumulate) =>
        Multiply(a, b, c, cOffset, ldc, m, n, k, accumulate, BestPath, DefaultParallelThreshold);

    /// <summary>As above with an explicit micro-kernel and parallel threshold (tests exercise every path).</summary>
    public static void Multiply(StridedMatrix a, StridedMatrix b, double[] c, int cOffset, int ldc,
        int m, int n, int k, bool accumulate, MatMulPath path, long parallelThreshold)
    {
        if (!IsSupported(path)) throw new PlatformNotSupportedException($"This CPU cannot run the {path} matrix kernel.");
        var (rowBlock, colBlock) = (long)m * n * k < parallelThreshold ? (m, n) : Grid(path, m, n);
        int rowBlocks = CeilDiv(m, rowBlock), colBlocks = CeilDiv(n, colBlock);
        if (rowBlocks * colBlocks == 1)
        {
            Serial(path, a, b, c, cOffset, ldc, m, n, k, accumulate);
            return;
        }
        Parallel.For(0, rowBlocks * colBlocks, t =>
        {
            int i = t / colBlocks * rowBlock, j = t % colBlocks * colBlock;
            Serial(path, a.At(i, 0), b.At(0, j), c, cOffset + i * ldc + j, ldc,
                Math.Min(rowBlock, m - i), Math.Min(colBlock, n - j), k, accumulate);
        });
    }

    /// <summary>
    /// Splits C into one block per core, as a grid of row strips × column strips. Each block packs its own
    /// rows of A and columns of B, so the grid is chosen to pack the least: (m·columns + n·rows)·k.
    /// </summary>
    private static (int RowBlock, int ColBlock) Grid(MatMulPath path, int m, int n)
    {
        var (mr, nr) = TileShape(path);
        int workers = Environment.ProcessorCount;
        (int, int) best = (m, n);
        long bestCost = long.MaxValue;
        for (int rows = 1; rows <= workers; rows++)
        {
            if (workers % rows != 0) continue;
            int cols = workers / rows;
            int rowBlock = RoundUp(CeilDiv(m, rows), mr), colBlock = RoundUp(CeilDiv(n, cols), nr);
            if (CeilDiv(m, rowBlock) != rows || CeilDiv(n, colBlock) != cols) continue; // too small to split so
            long cost = (long)m * cols + (long)n * rows;
            if (cost < bestCost) (best, bestCost) = ((rowBlock, colBlock), cost);
        }
        return best;
    }

    private static void Serial(MatMulPath path, StridedMatrix a, StridedMatrix b, double[] c, int cOffset, int ldc,
        int m, int n, int k, bool accumulate)
    {
        var (mr, nr) = TileShape(path);
        int kcMax = CeilDiv(k, CeilDiv(k, KC)); // equal blocks of k (784 = 4 × 196), no short last block
        var packedA = Buffer(ref _packedA, Math.Min(MC, RoundUp(m, mr)) * kcMax);
        var packedB = Buffer(ref _packedB, Math.Min(NC, RoundUp(n, nr)) * kcMax);
        for (int jc = 0; jc < n; jc += NC)
        {
            int nc = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                bool add = accumulate || pc > 0;
                PackB(b.At(pc, jc), kc, nc, nr, packedB);
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mc = Math.Min(MC, m - ic);
                    PackA(a.At(ic, pc), mc, kc, mr, packedA);
                    for (int jr = 0; jr < nc; jr += nr)
                        for (int ir = 0; ir < mc; ir += mr)
                            Tile(path, kc, ref packedA[ir * kc], ref packedB[jr * kc],
                                c, cOffset + (ic + ir) * ldc + jc + jr, ldc,
                                Math.Min(mr, mc - ir), Math.Min(nr, nc - jr), add);
                }
            }
        }
    }

    /// <summary>Packs A[0..mc, 0..kc] as row panels MR tall: panel r holds, for each p, A[r·MR + 0..MR, p].</summary>
    private static void PackA(StridedMatrix a, int mc, int kc, int mr, Span<double> packed)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            var panel = packed.Slice(ir * kc, mr * kc);
            if (rows < mr) panel.Clear();
            // A column of A is contiguous when A is the transpose of a row-major matrix (Aᵀ·B).
            Gather(ref a.Data[a.At(ir, 0).Offset], a.RowStride, a.ColStride, rows, kc,
                ref MemoryMarshal.GetReference(panel), mr);
        }
    }

    /// <summary>Packs B[0..kc, 0..nc] as column panels NR wide: panel j holds, for each p, B[p, j·NR + 0..NR].</summary>
    private static void PackB(StridedMatrix b, int kc, int nc, int nr, Span<double> packed)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            var panel = packed.Slice(jr * kc, nr * kc);
            if (cols < nr) panel.Clear();
            // A row of B is contiguous when B is row-major (A·B, Aᵀ·B).
            Gather(ref b.Data[b.At(0, jr).Offset], b.ColStride, b.RowStride, cols, kc,
                ref MemoryMarshal.GetReference(panel), nr);
        }
    }

    /// <summary>
    /// target[p·width + i] = source[i·across + p·along] for i &lt; count, p &lt; steps: a strip of
    /// <paramref name="count"/> lines, each <paramref name="steps"/> long, interleaved so that each step's
    /// values are adjacent. When the strip's values for one step are adjacent in the source (across = 1)
    /// they are copied as a run; otherwise each line is read in order and scattered.
    /// </summary>
    private static void Gather(ref double source, int across, int along, int count, int steps, ref double target, int width)
    {
        if (across == 1)
        {
            for (int p = 0; p < steps; p++)
                CopyRun(ref Unsafe.Add(ref source, (nint)p * along), ref Unsafe.Add(ref target, (nint)p * width), count);
            return;
        }
        for (int i = 0; i < count; i++)
        {
            ref double line = ref Unsafe.Add(ref source, (nint)i * across);
            for (int p = 0; p < steps; p++)
                Unsafe.Add(ref target, (nint)p * width + i) = Unsafe.Add(ref line, (nint)p * along);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRun(ref double source, ref double target, int count)
    {
        int i = 0;
        for (; i <= count - 4; i += 4)
            Vector256.LoadUnsafe(ref source, (nuint)i).StoreUnsafe(ref target, (nuint)i);
        for (; i < count; i++)
            Unsafe.Add(ref target, i) = Unsafe.Add(ref source, i);
    }

    /// <summary>One MR×NR tile of C: straight into C when whole, through a scratch tile at the edges.</summary>
    private static void Tile(MatMulPath path, int kc, ref double a, ref double b, double[] c, int cIndex, int ldc,
        int rows, int cols, bool add)
    {
        var (mr, nr) = TileShape(path);
        if (rows == mr && cols == nr) Micro(path, kc, ref a, ref b, ref c[cIndex], ldc, add);
        else EdgeTile(path, kc, ref a, ref b, c.AsSpan(cIndex), ldc, rows, cols, add);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EdgeTile(MatMulPath path, int kc, ref double a, ref double b, Span<double> c, int ldc,
        int rows, int cols, bool add)
    {
        var (_, nr) = TileShape(path);
        Span<double> scratch = stackalloc double[8 * 16];
        Micro(path, kc, ref a, ref b, ref MemoryMarshal.GetReference(scratch), nr, add: false);
        for (int i = 0; i < rows; i++)
        {
            var source = scratch.Slice(i * nr, cols);
            var target = c.Slice(i * ldc, cols);
            if (add) TensorPrimitives.Add(target, source, target);
            else source.CopyTo(target);
        }
    }

    private static (int Mr, int Nr) TileShape(MatMulPath path) => path switch
    {
        MatMulPath.Avx512 => (8, 16),
        MatMulPath.Avx2 => (4, 8),
        _ => (4, 4),
    };

    private static void Micro(MatMulPath path, int kc, ref double a, ref double b, ref double c, nint ldc, bool add)
    {
        switch (path)
        {
            case MatMulPath.Avx512: Micro8x16(kc, ref a, ref b, ref c, ldc, add); break;
            case MatMulPath.Avx2: Micro4x8(kc, ref a, ref b, ref c, ldc, add); break;
            default: Micro4x4(kc, ref a, ref b, ref c, ldc, add); break;
        }
    }

    /// <summary>C[8, 16] (+)= Σₚ A[0..8, p] ⊗ B[p, 0..16]; 16 zmm accumulators, 2 loads and 8 broadcasts per p.</summary>
    private static void Micro8x16(int kc, ref double a, ref double b, ref double c, nint ldc, bool add)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<double> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<double> c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, 8);
            var ai = Vector512.Create(a);
            c00 = Vector512.FusedMultiplyAdd(ai, b0, c00); c01 = Vector512.FusedMultiplyAdd(ai, b1, c01);
            ai = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Vector512.FusedMultiplyAdd(ai, b0, c10); c11 = Vector512.FusedMultiplyAdd(ai, b1, c11);
            ai = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Vector512.FusedMultiplyAdd(ai, b0, c20); c21 = Vector512.FusedMultiplyAdd(ai, b1, c21);
            ai = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Vector512.FusedMultiplyAdd(ai, b0, c30); c31 = Vector512.FusedMultiplyAdd(ai, b1, c31);
            ai = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Vector512.FusedMultiplyAdd(ai, b0, c40); c41 = Vector512.FusedMultiplyAdd(ai, b1, c41);
            ai = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Vector512.FusedMultiplyAdd(ai, b0, c50); c51 = Vector512.FusedMultiplyAdd(ai, b1, c51);
            ai = Vector512.Create(Unsafe.Add(ref a, 6));
            c60 = Vector512.FusedMultiplyAdd(ai, b0, c60); c61 = Vector512.FusedMultiplyAdd(ai, b1, c61);
            ai = Vector512.Create(Unsafe.Add(ref a, 7));
            c70 = Vector512.FusedMultiplyAdd(ai, b0, c70); c71 = Vector512.FusedMultiplyAdd(ai, b1, c71);
            a = ref Unsafe.Add(ref a, 8);
            b = ref Unsafe.Add(ref b, 16);
        }
        Store(ref c, ldc, 0, c00, c01, add); Store(ref c, ldc, 1, c10, c11, add);
        Store(ref c, ldc, 2, c20, c21, add); Store(ref c, ldc, 3, c30, c31, add);
        Store(ref c, ldc, 4, c40, c41, add); Store(ref c, ldc, 5, c50, c51, add);
        Store(ref c, ldc, 6, c60, c61, add); Store(ref c, ldc, 7, c70, c71, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double c, nint ldc, nint row, Vector512<double> left, Vector512<double> right, bool add)
    {
        ref double target = ref Unsafe.Add(ref c, row * ldc);
        if (add)
        {
            left += Vector512.LoadUnsafe(ref target);
            right += Vector512.LoadUnsafe(ref target, 8);
        }
        left.StoreUnsafe(ref target);
        right.StoreUnsafe(ref target, 8);
    }

    /// <summary>C[4, 8] (+)= Σₚ A[0..4, p] ⊗ B[p, 0..8]; 8 ymm accumulators.</summary>
    private static void Micro4x8(int kc, ref double a, ref double b, ref double c, nint ldc, bool add)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 4);
            var ai = Vector256.Create(a);
            c00 = Fma.MultiplyAdd(ai, b0, c00); c01 = Fma.MultiplyAdd(ai, b1, c01);
            ai = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Fma.MultiplyAdd(ai, b0, c10); c11 = Fma.MultiplyAdd(ai, b1, c11);
            ai = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Fma.MultiplyAdd(ai, b0, c20); c21 = Fma.MultiplyAdd(ai, b1, c21);
            ai = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Fma.MultiplyAdd(ai, b0, c30); c31 = Fma.MultiplyAdd(ai, b1, c31);
            a = ref Unsafe.Add(ref a, 4);
            b = ref Unsafe.Add(ref b, 8);
        }
        Store(ref c, ldc, 0, c00, c01, add); Store(ref c, ldc, 1, c10, c11, add);
        Store(ref c, ldc, 2, c20, c21, add); Store(ref c, ldc, 3, c30, c31, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double c, nint ldc, nint row, Vector256<double> left, Vector256<double> right, bool add)
    {
        ref double target = ref Unsafe.Add(ref c, row * ldc);
        if (add)
        {
            left += Vector256.LoadUnsafe(ref target);
            right += Vector256.LoadUnsafe(ref target, 4);
        }
        left.StoreUnsafe(ref target);
        right.StoreUnsafe(ref target, 4);
    }

    /// <summary>C[4, 4] (+)= Σₚ A[0..4, p] ⊗ B[p, 0..4] in plain scalar code (CPUs without AVX2/FMA).</summary>
    private static void Micro4x4(int kc, ref double a, ref double b, ref double c, nint ldc, bool add)
    {
        Span<double> acc = stackalloc double[16];
        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < 4; i++)
            {
                double ai = Unsafe.Add(ref a, p * 4 + i);
                for (int j = 0; j < 4; j++) acc[i * 4 + j] += ai * Unsafe.Add(ref b, p * 4 + j);
            }
        }
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
            {
                ref double target = ref Unsafe.Add(ref c, i * ldc + j);
                target = add ? target + acc[i * 4 + j] : acc[i * 4 + j];
            }
    }

    /// <summary>
    /// A thread's packing buffer of at least <paramref name="length"/> doubles, starting on a 64-byte line
    /// (the array is pinned, so the alignment holds).
    /// </summary>
    private static Span<double> Buffer(ref double[]? cache, int length)
    {
        const int lineDoubles = 8;
        if (cache is null || cache.Length < length + lineDoubles)
            cache = GC.AllocateUninitializedArray<double>(length + lineDoubles, pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(cache, 0);
        int skip = (int)((64 - (address & 63)) & 63) / sizeof(double);
        return cache.AsSpan(skip, length);
    }

    private static int CeilDiv(int x, int y) => (x + y - 1) / y;

    private static int RoundUp(int x, int multiple) => CeilDiv(x, multiple) * multiple;
}
