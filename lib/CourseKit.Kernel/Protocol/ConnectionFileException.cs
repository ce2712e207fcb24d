namespace CourseKit.Kernel.Protocol;

/// <summary>A connection file that is missing, not JSON, or lacks what the kernel needs; the message names the file and the problem.</summary>
public sealed class ConnectionFileException(string message) : ArgumentException(message);
