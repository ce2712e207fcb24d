using System.CommandLine;
using System.Runtime.InteropServices;
using CourseKit.Kernel.Install;
using CourseKit.Kernel.Protocol;
using CourseKit.Kernel.Server;

namespace CourseKit.Cli;

/// <summary>
/// <c>coursekit kernel --connection-file FILE</c> (what Jupyter runs), <c>coursekit kernel install
/// [--user] [--name NAME] [--force]</c> and <c>coursekit kernel uninstall [--user] [--name NAME] [--force]</c>.
/// Errors are one line on stderr: exit code 2 for a missing or malformed connection file or bad usage,
/// 1 when the kernel cannot start (a port in use) or a kernelspec cannot be written.
/// </summary>
public static class KernelCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var connectionFile = new Option<string?>("--connection-file", "-f") { Description = "The connection file Jupyter wrote (ports, address and signing key)" };
        var command = new Command("kernel", "Run CourseKit as a Jupyter kernel (started by Jupyter via the installed kernelspec).") { connectionFile };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(connectionFile);
            if (file is null) return Error("--connection-file is required (Jupyter passes it; to register the kernel run `coursekit kernel install --user`)", 2);
            return Serve(file);
        });
        command.Add(InstallCommand());
        command.Add(UninstallCommand());
        return command;
    }

    private static int Serve(string file)
    {
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(file);
        }
        catch (ConnectionFileException e)
        {
            return Error(e.Message, 2);
        }
        using var kernel = new JupyterKernel(connection);
        try
        {
            kernel.Start();
        }
        catch (KernelStartException e)
        {
            return Error(e.Message, 1);
        }
        // a front end in signal mode interrupts with SIGINT: interrupt the cell instead of dying
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            kernel.Interrupt();
        });
        kernel.Run();
        return 0;
    }

    private static Command InstallCommand() => KernelSpecCommand(
        "install", "Register the kernel with Jupyter (JupyterLab, the classic notebook, VS Code's Jupyter extension).",
        "Replace a kernelspec of the same name that another kernel installed",
        (kernels, name, force) => $"installed kernelspec '{name}' ({KernelSpecInstaller.DisplayName}) in {KernelSpecInstaller.Install(kernels, name, force)}",
        problem => $"cannot write the kernelspec: {problem} (use --user to install for the current user only)");

    private static Command UninstallCommand() => KernelSpecCommand(
        "uninstall", "Remove the kernelspec.",
        "Remove the kernelspec even if another kernel installed it",
        (kernels, name, force) => $"removed kernelspec '{name}' from {KernelSpecInstaller.Uninstall(kernels, name, force)}",
        problem => $"cannot remove the kernelspec: {problem}");

    /// <summary>
    /// A kernelspec command with <c>--user</c>, <c>--name</c> and <c>--force</c>: <paramref name="act"/> gets the kernels
    /// folder, the name and --force, does the work and says what it did; a failure is one line on stderr and exit code 1
    /// (<paramref name="cannot"/> words a file-system one).
    /// </summary>
    private static Command KernelSpecCommand(string verb, string description, string forceDescription,
        Func<string, string, bool, string> act, Func<string, string> cannot)
    {
        var user = new Option<bool>("--user") { Description = "Use the current user's Jupyter folder instead of the system-wide one" };
        var name = new Option<string>("--name")
        {
            Description = $"Kernelspec name (default {KernelSpecInstaller.DefaultName}, the name the course notebooks select)",
            DefaultValueFactory = _ => KernelSpecInstaller.DefaultName,
        };
        var force = new Option<bool>("--force") { Description = forceDescription };
        var command = new Command(verb, description) { user, name, force };
        command.SetAction(parse =>
        {
            try
            {
                Console.WriteLine(act(KernelSpecInstaller.KernelsFolder(parse.GetValue(user)), parse.GetValue(name)!, parse.GetValue(force)));
                return 0;
            }
            catch (KernelSpecException e)
            {
                return Error(e.Message, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error(cannot(e.Message), 1);
            }
        });
        return command;
    }

    private static int Error(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
