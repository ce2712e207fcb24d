using System.Globalization;

namespace CourseKit.Gates;

/// <summary>Shared messages and formatting for the gates.</summary>
internal static class Gate
{
    /// <summary>The error every gate throws when <c>Backward</c> runs before <c>Forward</c>.</summary>
    public static InvalidOperationException BackwardBeforeForward(object gate) =>
        new($"{gate.GetType().Name}.Backward was called before Forward. Forward computes the output and " +
            "caches what the local derivative needs (the inputs or the output); call Forward first, then Backward.");

    /// <summary>Formats a gate constant for its <c>Name</c>, culture-independent ("0.5", "-1").</summary>
    public static string Format(double c) => c.ToString("G6", CultureInfo.InvariantCulture);
}
