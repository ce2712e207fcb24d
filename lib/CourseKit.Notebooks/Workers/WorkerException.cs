namespace CourseKit.Notebooks.Workers;

/// <summary>The worker process cannot be started or spoke out of protocol; the message says what happened.</summary>
public sealed class WorkerException(string message, Exception? inner = null) : Exception(message, inner);
