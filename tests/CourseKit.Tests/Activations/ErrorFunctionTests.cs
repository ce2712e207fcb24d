using CourseKit.Activations;
using CsCheck;

namespace CourseKit.Tests.Activations;

public class ErrorFunctionTests
{
    // x, erf(x), erfc(x): from mpmath 1.3.0 at 50 digits (mp.erf, mp.erfc), rounded to 17 significant digits.
    // Points straddle the method switches at 0.5 and 1.5 and reach the far tail (erfc(26) ≈ 5.7e-296).
    public static TheoryData<double, double, double> Table => new()
    {
        { 1e-10, 1.1283791670955126e-10, 9.9999999988716208e-1 },
        { 0.001, 1.1283787909692364e-3, 9.9887162120903076e-1 },
        { 0.1, 1.124629160182849e-1, 8.875370839817151e-1 },
        { 0.25, 2.7632639016823693e-1, 7.2367360983176307e-1 },
        { 0.4999, 5.2041199516138659e-1, 4.7958800483861341e-1 },
        { 0.5, 5.2049987781304654e-1, 4.7950012218695346e-1 },
        { 0.75, 7.1115563365351513e-1, 2.8884436634648487e-1 },
        { 1, 8.4270079294971487e-1, 1.5729920705028513e-1 },
        { 1.25, 9.2290012825645823e-1, 7.709987174354177e-2 },
        { 1.4999, 9.6609325166229527e-1, 3.3906748337704729e-2 },
        { 1.5, 9.6610514647531073e-1, 3.3894853524689273e-2 },
        { 2, 9.9532226501895273e-1, 4.6777349810472658e-3 },
        { 2.5, 9.9959304798255504e-1, 4.0695201744495894e-4 },
        { 3, 9.9997790950300141e-1, 2.2090496998585441e-5 },
        { 3.5, 9.9999925690162766e-1, 7.4309837234141275e-7 },
        { 4, 9.999999845827421e-1, 1.5417257900280019e-8 },
        { 5, 9.9999999999846254e-1, 1.5374597944280349e-12 },
        { 6, 9.9999999999999998e-1, 2.1519736712498913e-17 },
        { 8, 1.0, 1.1224297172982927e-29 },
        { 10, 1.0, 2.0884875837625448e-45 },
        { 15, 1.0, 7.2129941724512067e-100 },
        { 20, 1.0, 5.3958656116079009e-176 },
        { 26, 1.0, 5.6631924088561428e-296 },
    };

    [Theory, MemberData(nameof(Table))]
    public void Erf_and_erfc_match_a_40_digit_table_to_1e_15(double x, double erf, double erfc)
    {
        Close.Equal(erf, ErrorFunction.Erf(x), 1e-15, $"erf({x})");
        Close.Equal(-erf, ErrorFunction.Erf(-x), 1e-15, $"erf(−{x})");
        Close.Equal(erfc, ErrorFunction.Erfc(x), 1e-15, $"erfc({x})");
        Close.Equal(1 + erf, ErrorFunction.Erfc(-x), 1e-15, $"erfc(−{x})");
    }

    [Fact]
    public void Special_values()
    {
        Assert.Equal(0.0, ErrorFunction.Erf(0));
        Assert.Equal(1.0, ErrorFunction.Erfc(0));
        Assert.Equal(1.0, ErrorFunction.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, ErrorFunction.Erf(double.NegativeInfinity));
        Assert.Equal(0.0, ErrorFunction.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, ErrorFunction.Erfc(double.NegativeInfinity));
        Assert.True(double.IsNaN(ErrorFunction.Erf(double.NaN)));
        Assert.True(double.IsNaN(ErrorFunction.Erfc(double.NaN)));
    }

    [Fact]
    public void Erf_derivative_is_two_over_root_pi_times_gaussian() =>
        Gen.Double[-4, 4].Sample(x =>
        {
            double exact = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x), numeric = Close.Derivative(ErrorFunction.Erf, x);
            // central difference: truncation ≈ 1e-10, rounding ≈ 1e-16/1e-5 = 1e-11 absolute
            Assert.True(Math.Abs(exact - numeric) < 1e-9, $"erf′({x}) = {exact:R}, numeric {numeric:R}");
        });

    [Fact]
    public void Erf_plus_erfc_is_one_and_erf_is_monotone() =>
        Gen.Double[-6, 6].Sample(x =>
        {
            Assert.True(Math.Abs(ErrorFunction.Erf(x) + ErrorFunction.Erfc(x) - 1) < 1e-15, $"erf + erfc at {x}");
            // strictly increasing while a step of 1e-3 moves erf by more than an ulp of 1: the step moves it by about
            // 2/√π·e^(−x²)·1e-3, which falls below 1.1e-16 beyond |x| ≈ 5.47 (5.478 failed with CsCheck seed 7hzUX3noDWH3)
            if (Math.Abs(x) < 5.3) Assert.True(ErrorFunction.Erf(x + 1e-3) > ErrorFunction.Erf(x), $"monotone at {x}");
            if (x > -4) Assert.True(ErrorFunction.Erfc(x + 1e-3) < ErrorFunction.Erfc(x), $"erfc decreasing at {x}"); // 2 − tiny rounds to 2 below
        });

    // Φ(z) from mpmath's ncdf at 50 digits.
    [Theory]
    [InlineData(-10, 7.6198530241605261e-24)]
    [InlineData(-5, 2.8665157187919391e-7)]
    [InlineData(-3, 0.0013498980316300945)]
    [InlineData(-1, 0.15865525393145705)]
    [InlineData(-0.5, 0.3085375387259869)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(1, 0.84134474606854295)]
    [InlineData(3, 0.99865010196836991)]
    public void Normal_cdf_matches_mpmath_also_in_the_left_tail(double z, double phi) =>
        Close.Equal(phi, ErrorFunction.NormalCdf(z), 2e-15, $"Φ({z})");
}
