using System.Globalization;
using CourseKit.Checking;

namespace CourseKit.Tests.Checking;

/// <summary>Every assertion helper of exercise tests passes when it should, and fails with the message a student reads.</summary>
public class ExpectTests
{
    private static string Failure(Action assertion) => Assert.Throws<ExpectationFailedException>(assertion).Message;

    [Fact]
    public void Close_passes_within_the_tolerance()
    {
        Expect.Close(0.5, 0.5 * (1 + 1e-9), "sigmoid(0)");
        Expect.Close(0, 1e-17, "ReLU′(−1)");                   // an expected 0 accepts rounding noise
        Expect.Close(1, 1.001, "loss", tolerance: 1e-2);
        Expect.Close(double.NaN, double.NaN, "log(−1)");
        Expect.Close(double.PositiveInfinity, double.PositiveInfinity, "exp(1000)");
    }

    [Fact]
    public void Close_fails_with_both_values_the_error_and_the_hint()
    {
        Assert.Equal("expected sigmoid(0) = 0.5, got 0.25 (relative error 0.5, tolerance 1e-7)",
            Failure(() => Expect.Close(0.5, 0.25, "sigmoid(0)")));
        Assert.Equal("expected sigmoid(0) = 0.5, got 0.25 (relative error 0.5, tolerance 1e-7): σ(0) = 1 / (1 + e⁰)",
            Failure(() => Expect.Close(0.5, 0.25, "sigmoid(0)", hint: "σ(0) = 1 / (1 + e⁰)")));
        Assert.Equal("expected sigmoid(0) = 0.5, got NaN", Failure(() => Expect.Close(0.5, double.NaN, "sigmoid(0)")));
        Assert.Equal("expected exp(1000) = Infinity, got 1", Failure(() => Expect.Close(double.PositiveInfinity, 1, "exp(1000)")));
    }

    [Fact]
    public void Close_shows_numbers_that_differ_in_the_last_digit_as_different()
    {
        Assert.Equal("expected sum = 0.3, got 0.30000000000000004 (relative error 1.85e-16, tolerance 0)",
            Failure(() => Expect.Close(0.3, 0.1 + 0.2, "sum", tolerance: 0, absoluteTolerance: 0)));
    }

    [Fact]
    public void Messages_do_not_depend_on_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));   // the culture really writes a decimal comma
            Assert.Equal("expected loss = 1.5, got 2.5 (relative error 0.4, tolerance 1e-7)", Failure(() => Expect.Close(1.5, 2.5, "loss")));
            Assert.Equal("expected w[1] = 0.5, got 1.5 (1 of 2 entries differ; max relative error 0.667, tolerance 1e-7)",
                Failure(() => Expect.Close([0.5, 0.5], [0.5, 1.5], "w")));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Close_refuses_a_negative_tolerance() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Expect.Close(1, 1, "x", tolerance: -1));

    [Fact]
    public void Close_of_arrays_passes_entry_by_entry() =>
        Expect.Close([1, 2, 0], [1, 2 + 1e-12, 1e-15], "softmax(x)");

    [Fact]
    public void Close_of_arrays_names_the_first_differing_entry_the_count_and_the_largest_error()
    {
        Assert.Equal("expected softmax(x)[1] = 2, got 2.5 (2 of 4 entries differ; max relative error 0.5, tolerance 1e-7)",
            Failure(() => Expect.Close([1, 2, 3, 4], [1, 2.5, 3, 8], "softmax(x)")));
        Assert.Equal("expected p[0] = 1, got NaN (1 of 2 entries differ; max relative error Infinity, tolerance 1e-7)",
            Failure(() => Expect.Close([1, 2], [double.NaN, 2], "p")));
    }

    [Fact]
    public void Close_of_arrays_names_both_lengths_or_a_missing_array()
    {
        Assert.Equal("expected softmax(x) of length 3, got length 2: one probability per class",
            Failure(() => Expect.Close([0.2, 0.3, 0.5], [0.4, 0.6], "softmax(x)", hint: "one probability per class")));
        Assert.Equal("expected softmax(x) of length 3, got null", Failure(() => Expect.Close([0.2, 0.3, 0.5], null, "softmax(x)")));
    }

    [Fact]
    public void Close_of_tensors_passes_entry_by_entry() =>
        Expect.Close(Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3), Tensor.FromArray([1, 2, 3, 4, 5, 6 + 1e-10], 2, 3), "h");

    [Fact]
    public void Close_of_tensors_names_both_shapes_on_a_mismatch()
    {
        Assert.Equal("expected ∂L/∂W of shape [10, 128], got [128, 10]: did you forget the transpose?",
            Failure(() => Expect.Close(Tensor.Zeros(10, 128), Tensor.Zeros(128, 10), "∂L/∂W", hint: "did you forget the transpose?")));
        Assert.Equal("expected h of shape [2, 3], got null", Failure(() => Expect.Close(Tensor.Zeros(2, 3), null, "h")));
    }

    [Fact]
    public void Close_of_tensors_names_the_first_differing_index()
    {
        var expected = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal("expected h[1, 2] = 6, got 7 (1 of 6 entries differ; max relative error 0.143, tolerance 1e-7)",
            Failure(() => Expect.Close(expected, Tensor.FromArray([1, 2, 3, 4, 5, 7], 2, 3), "h")));
        Assert.Equal("expected h[0, 1] = 2, got 0 (2 of 6 entries differ; max relative error 1, tolerance 1e-7)",
            Failure(() => Expect.Close(expected, Tensor.FromArray([1, 0, 3, 4, 5, 6.5], 2, 3), "h")));
    }

    [Fact]
    public void Equal_passes_for_equal_values_and_equal_sequences()
    {
        Expect.Equal(3, 3, "argmax([0.1, 0.2, 0.1, 0.6])");
        Expect.Equal("cat", "cat", "label");
        Expect.Equal(new[] { 0, 1, 2 }, [0, 1, 2], "predicted classes");
        Expect.Equal<IEnumerable<int>>(new List<int> { 4, 5 }, new[] { 4, 5 }, "batch sizes");
    }

    [Fact]
    public void Equal_fails_with_both_values()
    {
        Assert.Equal("expected argmax([0.1, 0.2, 0.1, 0.6]) = 3, got 2: argmax is the index, not the value",
            Failure(() => Expect.Equal(3, 2, "argmax([0.1, 0.2, 0.1, 0.6])", "argmax is the index, not the value")));
        Assert.Equal("expected label = \"cat\", got \"dog\"", Failure(() => Expect.Equal("cat", "dog", "label")));
        Assert.Equal("expected converged = true, got false", Failure(() => Expect.Equal(true, false, "converged")));
    }

    [Fact]
    public void Equal_of_sequences_names_the_first_differing_position_or_both_lengths()
    {
        Assert.Equal("expected predicted classes[1] = 1, got 2",
            Failure(() => Expect.Equal(new[] { 0, 1, 2 }, [0, 2, 2], "predicted classes")));
        Assert.Equal("expected predicted classes = [0, 1, 2] (3 items), got [0, 1] (2 items)",
            Failure(() => Expect.Equal(new[] { 0, 1, 2 }, [0, 1], "predicted classes")));
        Assert.Equal("expected steps = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...] (12 items), got [] (0 items)",
            Failure(() => Expect.Equal(Enumerable.Range(0, 12).ToArray(), [], "steps")));
    }

    [Fact]
    public void True_passes_a_holding_claim_and_fails_with_the_claim_and_hint()
    {
        Expect.True(1 + 1 == 2, "1 + 1 to be 2");
        Assert.Equal("expected the probabilities to sum to 1: did you divide by the sum?",
            Failure(() => Expect.True(false, "the probabilities to sum to 1", "did you divide by the sum?")));
    }

    [Fact]
    public void Shape_passes_the_right_shape_and_names_both_otherwise()
    {
        Expect.Shape(Tensor.Zeros(2, 3), 2, 3);
        Expect.Shape(Tensor.Zeros(10, 128), [10, 128], "∂L/∂W");
        Assert.Equal("expected a tensor of shape [2, 3], got [3, 2]", Failure(() => Expect.Shape(Tensor.Zeros(3, 2), 2, 3)));
        Assert.Equal("expected ∂L/∂W of shape [10, 128], got [128, 10]: did you forget the transpose?",
            Failure(() => Expect.Shape(Tensor.Zeros(128, 10), [10, 128], "∂L/∂W", "did you forget the transpose?")));
        Assert.Equal("expected ∂L/∂W of shape [10, 128], got null", Failure(() => Expect.Shape(null, [10, 128], "∂L/∂W")));
        Assert.Equal("expected a tensor of shape [6], got [2, 3]", Failure(() => Expect.Shape(Tensor.Zeros(2, 3), 6)));
    }

    [Fact]
    public void Shape_refuses_an_expected_shape_that_is_no_shape() =>
        Assert.Throws<ArgumentException>(() => Expect.Shape(Tensor.Zeros(2), [0], "x"));

    [Fact]
    public void Throws_returns_the_expected_exception_or_one_derived_from_it()
    {
        var e = Expect.Throws<ArgumentException>(() => throw new ArgumentOutOfRangeException("p", "p must lie in [0, 1]"), "dropout with p = 2");
        Assert.IsType<ArgumentOutOfRangeException>(e);
        var stub = Expect.Throws<NotImplementedException>(() => throw new NotImplementedException(), "the stub");
        Assert.NotNull(stub);
    }

    [Fact]
    public void Throws_fails_when_nothing_is_thrown()
    {
        Assert.Equal("expected softmax of an empty vector to throw ArgumentException, but it returned normally: check the length first",
            Failure(() => Expect.Throws<ArgumentException>(() => { }, "softmax of an empty vector", "check the length first")));
    }

    [Fact]
    public void Throws_lets_other_exceptions_and_a_students_stub_through_unchanged()
    {
        var other = new InvalidOperationException("boom");
        Assert.Same(other, Assert.Throws<InvalidOperationException>(() => Expect.Throws<ArgumentException>(() => throw other, "f")));
        var stub = new NotImplementedException();
        Assert.Same(stub, Assert.Throws<NotImplementedException>(() => Expect.Throws<Exception>(() => throw stub, "f")));
    }

    [Fact]
    public void Gradient_passes_a_right_gradient_and_returns_the_report()
    {
        var x = Tensor.FromArray([0.5, -1.5, 2, 3, -0.25, 1], 2, 3);
        var report = Expect.Gradient(t => t.Square().Sum(), t => t * 2, x, "∂L/∂x");
        Assert.True(report.Passed());
        Assert.Equal("∂L/∂x[1, 2]", report.Entries[5].Name);
        Assert.Equal([0.5, -1.5, 2, 3, -0.25, 1], x.ToArray());   // the caller's point is untouched
    }

    [Fact]
    public void Gradient_treats_an_exact_zero_as_zero_despite_rounding_noise()
    {
        // ∂/∂x (eˣ − x) = 0 at x = 0, but the central difference carries truncation (h²/6) and rounding error
        var report = Expect.Gradient(t => Math.Exp(t[0]) - t[0], t => Tensor.From([Math.Exp(t[0]) - 1]), Tensor.From([0.0]), "f′");
        Assert.NotEqual(0, report.Entries[0].Numeric);
        Assert.False(report.Passed());   // by relative error alone it would fail
    }

    [Fact]
    public void Gradient_fails_naming_the_worst_entry_and_how_many_differ()
    {
        // f = 3 Σx with h = 0.5: the central differences are exactly 3
        Assert.Equal("expected ∂L/∂x[1] = 3 (central difference of the forward pass), got -3 (1 of 3 entries differ; max relative error 2, tolerance 1e-7): mind the sign",
            Failure(() => Expect.Gradient(t => 3 * t.Sum(), _ => Tensor.From([3, -3, 3]), Tensor.From([1, 2, -3]), "∂L/∂x", h: 0.5, hint: "mind the sign")));
    }

    [Fact]
    public void Gradient_fails_on_a_wrong_shape_a_non_finite_entry_or_forward_value()
    {
        var x = Tensor.Zeros(2, 3);
        Assert.Equal("expected ∂L/∂W of shape [2, 3], got [3, 2]: did you forget the transpose?",
            Failure(() => Expect.Gradient(t => t.Sum(), _ => Tensor.Zeros(3, 2), x, "∂L/∂W", hint: "did you forget the transpose?")));
        Assert.Equal("expected ∂L/∂W[0, 1] to be a finite number, got NaN",
            Failure(() => Expect.Gradient(t => t.Sum(), _ => Tensor.FromArray([1, double.NaN, 1, 1, 1, 1], 2, 3), x, "∂L/∂W")));
        Assert.Equal("expected the forward pass behind ∂L/∂W to give a finite number, got NaN",
            Failure(() => Expect.Gradient(_ => double.NaN, t => t, x, "∂L/∂W")));
    }

    [Fact]
    public void Gradient_lets_a_students_stub_through_unchanged()
    {
        var stub = new NotImplementedException();
        Assert.Same(stub, Assert.Throws<NotImplementedException>(() => Expect.Gradient(t => t.Sum(), _ => throw stub, Tensor.Zeros(2), "∂L/∂x")));
        Assert.Same(stub, Assert.Throws<NotImplementedException>(() => Expect.Gradient(_ => throw stub, t => t, Tensor.Zeros(2), "∂L/∂x")));
    }

    [Fact]
    public void Gradient_of_a_function_of_one_number_passes_and_fails_naming_the_point()
    {
        Assert.True(Expect.Gradient(Math.Sin, Math.Cos, 0.3, "sin′").Passed());
        Assert.Equal("expected f′(2) = 3 (central difference of the forward pass), got -3 (max relative error 2, tolerance 1e-7)",
            Failure(() => Expect.Gradient(v => 3 * v, _ => -3, 2.0, "f′", h: 0.5)));
    }
}
