namespace CourseKit.Tests.Tensors;

/// <summary>Cholesky.Solve: (A + λI)x = b for symmetric positive definite A.</summary>
public class CholeskyTests
{
    [Fact]
    public void Solves_a_two_by_two_system_worked_by_hand()
    {
        // [[4, 2], [2, 3]] x = (2, 1): det = 8, x = (1/8)[[3, −2], [−2, 4]](2, 1) = (0.5, 0).
        var x = Cholesky.Solve(Tensor.From(new double[,] { { 4, 2 }, { 2, 3 } }), Tensor.From([2.0, 1.0]));
        Assert.Equal([2], x.Shape);
        Assert.Equal(0.5, x[0], 1e-15);
        Assert.Equal(0.0, x[1], 1e-15);
    }

    [Fact]
    public void The_ridge_is_added_to_the_diagonal_and_the_inputs_are_not_changed()
    {
        // (I + 3·I) x = (2, 4) → x = (0.5, 1); a column right-hand side keeps its shape.
        var a = Tensor.Eye(2);
        var b = Tensor.FromArray([2.0, 4.0], 2, 1);
        var x = Cholesky.Solve(a, b, ridge: 3);
        Assert.Equal([2, 1], x.Shape);
        Assert.Equal([0.5, 1.0], x.ToArray());
        Assert.Equal([1.0, 0, 0, 1], a.ToArray());
        Assert.Equal([2.0, 4.0], b.ToArray());
    }

    [Fact]
    public void Normal_equations_of_a_random_least_squares_problem_leave_a_residual_orthogonal_to_the_features()
    {
        var phi = Tensor.Normal(3, 0, 1, 30, 6);
        var y = Tensor.Normal(4, 0, 1, 30, 1);
        var w = Cholesky.Solve(Tensor.MatMulTN(phi, phi), Tensor.MatMulTN(phi, y));
        var gradient = Tensor.MatMulTN(phi, Tensor.MatMul(phi, w) - y);
        Assert.True(gradient.Abs().Max() < 1e-12, $"Φᵀ(Φw − y) = {gradient}");
    }

    [Fact]
    public void Bad_input_is_refused_with_what_was_expected()
    {
        var square = Tensor.Eye(3);
        Assert.Contains("square matrix", Assert.Throws<ArgumentException>(() => Cholesky.Solve(Tensor.Zeros(2, 3), Tensor.Zeros(2))).Message);
        Assert.Contains("expected [3] or [3, 1]", Assert.Throws<ArgumentException>(() => Cholesky.Solve(square, Tensor.Zeros(2))).Message);
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>(
            () => Cholesky.Solve(Tensor.From(new double[,] { { 2, 1 }, { 0, 2 } }), Tensor.Zeros(2))).Message);
        Assert.Contains("not positive definite", Assert.Throws<ArgumentException>(
            () => Cholesky.Solve(Tensor.From(new double[,] { { 1, 2 }, { 2, 1 } }), Tensor.Zeros(2))).Message);
        Assert.ThrowsAny<ArgumentException>(() => Cholesky.Solve(square, Tensor.Zeros(3), ridge: -1));
        Assert.ThrowsAny<ArgumentException>(() => Cholesky.Solve(square, Tensor.Zeros(3), ridge: double.NaN));
    }
}
