namespace CourseKit.Kernel.Install;

/// <summary>A kernelspec cannot be installed or removed as asked (bad name, owned by another kernel, not found).</summary>
public sealed class KernelSpecException(string message) : ArgumentException(message);
