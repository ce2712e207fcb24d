namespace CourseKit.Charts;

/// <summary>The symbols the lectures write on their axes, for chart titles and axis labels.</summary>
public static class AxisLabels
{
    /// <summary>θ₁, the first parameter.</summary>
    public const string Theta1 = "θ₁";
    /// <summary>θ₂, the second parameter.</summary>
    public const string Theta2 = "θ₂";
    /// <summary>J(θ), the cost being minimised.</summary>
    public const string Cost = "J(θ)";
    /// <summary>x₁, the first input feature.</summary>
    public const string X1 = "x₁";
    /// <summary>x₂, the second input feature.</summary>
    public const string X2 = "x₂";
    /// <summary>"epoch" (one pass over the training set).</summary>
    public const string Epoch = "epoch";
    /// <summary>"step" (one parameter update).</summary>
    public const string Step = "step";
    /// <summary>"x".</summary>
    public const string X = "x";
    /// <summary>"y".</summary>
    public const string Y = "y";
}
