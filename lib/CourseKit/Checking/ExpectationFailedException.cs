namespace CourseKit.Checking;

/// <summary>
/// Thrown by <see cref="Expect"/> when a test's expectation does not hold. The message is written for the
/// student: what was expected, what came, for which input, and the test's hint if it has one.
/// </summary>
public sealed class ExpectationFailedException(string message) : Exception(message);
