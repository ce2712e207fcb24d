namespace CourseKit.Kernel.Server;

/// <summary>The kernel could not bind one of its sockets (the message names the socket and the port).</summary>
public sealed class KernelStartException(string message, Exception? inner = null) : Exception(message, inner);
