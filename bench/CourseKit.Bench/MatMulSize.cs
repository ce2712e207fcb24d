namespace CourseKit.Bench;

/// <summary>Sizes written "m×k×n" as "64x784x128", and the floating-point work of such a product.</summary>
public static class MatMulSize
{
    public static (int M, int K, int N) Parse(string size)
    {
        var parts = size.Split('x').Select(int.Parse).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>2·m·n·k: one multiply and one add per term of every dot product.</summary>
    public static double Flops(string size)
    {
        var (m, k, n) = Parse(size);
        return 2.0 * m * n * k;
    }
}
