namespace CourseKit.Gates;

/// <summary>The message every gate shares.</summary>
internal static class Gate
{
    /// <summary>The error every gate throws when <c>Backward</c> runs before <c>Forward</c>.</summary>
    public static InvalidOperationException BackwardBeforeForward(object gate) =>
        new($"{gate.GetType().Name}.Backward was called before Forward. Forward computes the output and " +
            "caches what the local derivative needs (the inputs or the output); call Forward first, then Backward.");
}
