using System.Globalization;

namespace CourseKit.Tests;

public class NumberFormatTests
{
    [Fact]
    public void Significant_gives_the_digits_asked_for_and_the_infinity_symbol_on_request()
    {
        Assert.Equal("0.333333", NumberFormat.Significant(1.0 / 3));
        Assert.Equal("0.3333", NumberFormat.Significant(1.0 / 3, 4));
        Assert.Equal("1.5E-07", NumberFormat.Significant(1.5e-7));
        Assert.Equal("Infinity", NumberFormat.Significant(double.PositiveInfinity));
        Assert.Equal("∞", NumberFormat.Significant(double.PositiveInfinity, 4, infinitySymbol: true));
        Assert.Equal("-∞", NumberFormat.Significant(double.NegativeInfinity, 4, infinitySymbol: true));
        Assert.Equal("NaN", NumberFormat.Significant(double.NaN, 4, infinitySymbol: true));
    }

    [Fact]
    public void RoundTrip_reads_back_as_the_same_number()
    {
        Assert.Equal("0.1", NumberFormat.RoundTrip(0.1));
        Assert.Equal(0.1 + 0.2, double.Parse(NumberFormat.RoundTrip(0.1 + 0.2), CultureInfo.InvariantCulture));
        Assert.Equal("0.1", NumberFormat.RoundTrip(0.1f));
    }

    [Fact]
    public void Compact_uses_a_short_exponent_only_for_tiny_and_huge_numbers()
    {
        Assert.Equal("0.0123", NumberFormat.Compact(0.012345));
        Assert.Equal("3.2e-9", NumberFormat.Compact(3.2e-9));
        Assert.Equal("1.5e6", NumberFormat.Compact(1.5e6));
        Assert.Equal("0", NumberFormat.Compact(0));
        Assert.Equal("1.5 s", NumberFormat.Compact(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public void Format_applies_any_dotnet_format()
    {
        Assert.Equal("0.1235", NumberFormat.Format(0.123456, "F4"));
        Assert.Equal("1.23e-04", NumberFormat.Format(0.000123, "0.00e+00"));
    }

    [Fact]
    public void Every_form_ignores_a_culture_with_a_decimal_comma()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));   // the culture really writes a decimal comma
            Assert.Equal("1.5", NumberFormat.Significant(1.5));
            Assert.Equal("1.5", NumberFormat.RoundTrip(1.5));
            Assert.Equal("1.5", NumberFormat.RoundTrip(1.5f));
            Assert.Equal("1.5", NumberFormat.Compact(1.5));
            Assert.Equal("1.50", NumberFormat.Format(1.5, "F2"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
