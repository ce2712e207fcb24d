using CourseKit.Checking;

namespace CourseKit.Tests.Checking;

public class ClaimsTests
{
    [Fact]
    public void A_claim_that_holds_is_printed_with_a_tick()
    {
        var written = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(written);
        try
        {
            Claims.Check(1 + 1 == 2, "one and one make two");
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal("✓ one and one make two" + Environment.NewLine, written.ToString());
    }

    [Fact]
    public void A_claim_that_fails_stops_with_the_claim_as_message()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claims.Check(false, "the loss falls"));
        Assert.Equal("Check failed: the loss falls", e.Message);
        Assert.Equal("the loss falls", e.Claim);
    }

    [Theory]
    [InlineData(1.0, 1.0 + 1e-13, 1e-12, true)]
    [InlineData(1.0, 1.0 + 1e-11, 1e-12, false)]
    [InlineData(1e6, 1e6 + 1e-7, 1e-12, true)]   // relative to the magnitude
    [InlineData(1e6, 1e6 + 1e-5, 1e-12, false)]
    [InlineData(0.0, 5e-13, 1e-12, true)]        // near 0: absolute
    [InlineData(0.0, 5e-12, 1e-12, false)]
    [InlineData(double.NaN, double.NaN, 1e-12, false)]
    public void Near_is_relative_to_the_larger_magnitude_and_absolute_near_zero(double a, double b, double tolerance, bool near)
    {
        Assert.Equal(near, Claims.Near(a, b, tolerance));
        Assert.Equal(near, Claims.Near(b, a, tolerance));
    }

    [Fact]
    public void Numbers_are_culture_invariant()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("pl-PL");
        try
        {
            Assert.Equal("0.000583742", Claims.N(0.000583742));
            Assert.Equal("1.235", Claims.N(1.23456, 4));
            Assert.Equal("[0.1000, -2.0000]", Claims.Show([0.1, -2]));
            Assert.Equal("[0.10]", Claims.Show([0.1], "F2"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void MaxAbsDiff_is_the_largest_gap_and_names_both_shapes_when_they_differ()
    {
        Assert.Equal(0.5, Claims.MaxAbsDiff(Tensor.From([1, 2, 3]), Tensor.From([1, 2.5, 3])));
        var e = Assert.ThrowsAny<ArgumentException>(() => Claims.MaxAbsDiff(Tensor.From([1, 2]), Tensor.From([1, 2, 3])));
        Assert.Contains("[2]", e.Message);
        Assert.Contains("[3]", e.Message);
    }

    [Fact]
    public void A_prediction_is_compared_with_the_outcome_and_never_fails()
    {
        var written = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(written);
        bool right, wrong, missing;
        try
        {
            right = Claims.Prediction("Does GD converge with η = 0.19?", true, true);
            wrong = Claims.Prediction("How many steps?", 12, 40);
            missing = Claims.Prediction<bool?>("Does it oscillate?", null, true);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.True(right);
        Assert.False(wrong);
        Assert.False(missing);
        var lines = written.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("✓ Does GD converge with η = 0.19? You predicted yes, and the run shows yes.", lines[0]);
        Assert.Equal("✗ How many steps? You predicted 12; the run shows 40. Work out why before you go on.", lines[1]);
        Assert.Equal("? Does it oscillate? Write your prediction in the cell first, then run it again.", lines[2]);
    }
}
