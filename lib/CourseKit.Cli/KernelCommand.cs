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

    private static Option<bool> UserOption() => new("--user") { Description = "Use the current user's Jupyter folder instead of the system-wide one" };

    private static Option<string> NameOption() => new("--name")
    {
        Description = $"Kernelspec name (default {KernelSpecInstaller.DefaultName}, the name the course notebooks select)",
        DefaultValueFactory = _ => KernelSpecInstaller.DefaultName,
    };

    private static Command InstallCommand()
    {
        var user = UserOption();
        var name = NameOption();
        var force = new Option<bool>("--force") { Description = "Replace a kernelspec of the same name that another kernel installed" };
        var command = new Command("install", "Register the kernel with Jupyter (JupyterLab, the classic notebook, VS Code's Jupyter extension).") { user, name, force };
        command.SetAction(parse =>
        {
            try
            {
                var folder = KernelSpecInstaller.Install(KernelSpecInstaller.KernelsFolder(parse.GetValue(user)), parse.GetValue(name)!, parse.GetValue(force));
                Console.WriteLine($"installed kernelspec '{parse.GetValue(name)}' ({KernelSpecInstaller.DisplayName}) in {folder}");
                return 0;
            }
            catch (KernelSpecException e)
            {
                return Error(e.Message, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error($"cannot write the kernelspec: {e.Message} (use --user to install for the current user only)", 1);
            }
        });
        return command;
    }

    private static Command UninstallCommand()
    {
        var user = UserOption();
        var name = NameOption();
        var force = new Option<bool>("--force") { Description = "Remove the kernelspec even if another kernel installed it" };
        var command = new Command("uninstall", "Remove the kernelspec.") { user, name, force };
        command.SetAction(parse =>
        {
            try
            {
                var folder = KernelSpecInstaller.Uninstall(KernelSpecInstaller.KernelsFolder(parse.GetValue(user)), parse.GetValue(name)!, parse.GetValue(force));
                Console.WriteLine($"removed kernelspec '{parse.GetValue(name)}' from {folder}");
                return 0;
            }
            catch (KernelSpecException e)
            {
                return Error(e.Message, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error($"cannot remove the kernelspec: {e.Message}", 1);
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
