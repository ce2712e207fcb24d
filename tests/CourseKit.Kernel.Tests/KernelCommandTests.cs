using System.Net;
using System.Net.Sockets;
using CourseKit.Kernel.Install;
using CourseKit.Kernel.Protocol;

namespace CourseKit.Kernel.Tests;

/// <summary>The connection file, message signing and the command's error lines and exit codes.</summary>
public class KernelCommandTests
{
    private static string ConnectionJson(int shell, int iopub = 0, int stdin = 0, int control = 0, int hb = 0, string key = "secret") =>
        $$"""{"shell_port": {{shell}}, "iopub_port": {{Free(iopub)}}, "stdin_port": {{Free(stdin)}}, "control_port": {{Free(control)}}, "hb_port": {{Free(hb)}}, "ip": "127.0.0.1", "key": "{{key}}", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "x"}""";

    private static int Free(int port)
    {
        if (port != 0) return port;
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public void A_missing_connection_file_is_one_line_and_exit_code_2()
    {
        var (exit, stdout, stderr) = Tools.Run(Tools.Coursekit, ["kernel", "--connection-file", "/nonexistent/kernel-1.json"]);
        Assert.Equal(2, exit);
        Assert.Equal("error: /nonexistent/kernel-1.json: connection file not found", stderr.Trim());
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("[1, 2]", "expected a JSON object with the kernel's ports and key")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "key": "k"}""", "\"hb_port\" is missing; expected a port number 1-65535")]
    [InlineData("""{"shell_port": 70000, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"shell_port\" is 70000; expected a port number 1-65535")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "signature_scheme": "hmac-md5"}""", "signature_scheme 'hmac-md5' is not supported; expected \"hmac-sha256\"")]
    public void A_malformed_connection_file_is_one_line_naming_the_problem_and_exit_code_2(string json, string problem)
    {
        var file = Path.Combine(Tools.TempFolder(), "kernel.json");
        File.WriteAllText(file, json);
        var (exit, _, stderr) = Tools.Run(Tools.Coursekit, ["kernel", "--connection-file", file]);
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"error: {file}: ", line);
        Assert.Contains(problem, line);
    }

    [Fact]
    public void A_port_in_use_is_reported_with_the_port()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var file = Path.Combine(Tools.TempFolder(), "kernel.json");
        File.WriteAllText(file, ConnectionJson(shell: port));
        var (exit, _, stderr) = Tools.Run(Tools.Coursekit, ["kernel", "--connection-file", file], timeoutSeconds: 60);
        Assert.Equal(1, exit);
        Assert.Equal($"error: the shell port {port} on 127.0.0.1 is already in use", stderr.Trim());
    }

    [Fact]
    public void Signatures_are_hmac_sha256_of_the_four_json_frames()
    {
        // RFC 4231 test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?")
        var signer = new MessageSigner("Jefe");
        byte[][] frames = ["what do ya "u8.ToArray(), "want "u8.ToArray(), "for "u8.ToArray(), "nothing?"u8.ToArray()];
        const string expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        Assert.Equal(expected, signer.Sign(frames));
        Assert.True(signer.Verify(expected, frames));
        Assert.False(signer.Verify(expected.Replace('5', '6'), frames));
        Assert.False(signer.Verify("", frames));
        Assert.False(signer.Verify("not hex", frames));
    }

    [Fact]
    public void A_tampered_message_does_not_decode()
    {
        var signer = new MessageSigner("key");
        var message = new JupyterMessage { Header = JupyterMessage.NewHeader("execute_request", "s"), Content = new() { ["code"] = "1" } };
        var frames = WireFormat.Encode(message, signer);
        Assert.NotNull(WireFormat.Decode(frames, signer, out _));
        frames[^1] = "{\"code\": \"2\"}"u8.ToArray();
        Assert.Null(WireFormat.Decode(frames, signer, out var why));
        Assert.Equal("invalid signature", why);
    }

    [Fact]
    public void Install_writes_a_kernelspec_and_refuses_to_replace_another_kernels_without_force()
    {
        var kernels = Tools.TempFolder();
        var folder = KernelSpecInstaller.Install(kernels, KernelSpecInstaller.DefaultName, force: false, argv: ["coursekit", "kernel", "--connection-file", "{connection_file}"]);
        var spec = Tools.Json(File.ReadAllText(Path.Combine(folder, "kernel.json")));
        Assert.Equal("C# (CourseKit)", (string)spec["display_name"]!);
        Assert.Equal("C#", (string)spec["language"]!);
        Assert.Equal("message", (string)spec["interrupt_mode"]!);
        Assert.Equal("{connection_file}", (string)spec["argv"]!.AsArray().Last()!);
        Assert.True(File.Exists(Path.Combine(folder, "logo-64x64.png")));
        // reinstalling our own is fine
        KernelSpecInstaller.Install(kernels, KernelSpecInstaller.DefaultName, force: false, argv: ["coursekit"]);

        // a .net-csharp of the retired .NET Interactive is kept unless forced
        var other = Path.Combine(kernels, "other", KernelSpecInstaller.DefaultName);
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "kernel.json"), """{"argv": ["dotnet", "interactive", "jupyter"], "display_name": ".NET (C#)", "language": "C#"}""");
        var e = Assert.Throws<KernelSpecException>(() => KernelSpecInstaller.Install(Path.Combine(kernels, "other"), KernelSpecInstaller.DefaultName, force: false, argv: ["x"]));
        Assert.Contains("of another kernel (.NET (C#))", e.Message);
        Assert.Throws<KernelSpecException>(() => KernelSpecInstaller.Uninstall(Path.Combine(kernels, "other"), KernelSpecInstaller.DefaultName, force: false));
        KernelSpecInstaller.Install(Path.Combine(kernels, "other"), KernelSpecInstaller.DefaultName, force: true, argv: ["x"]);
        Assert.Null(KernelSpecInstaller.Owner(other));

        KernelSpecInstaller.Uninstall(kernels, KernelSpecInstaller.DefaultName, force: false);
        Assert.False(Directory.Exists(folder));
        Assert.Throws<KernelSpecException>(() => KernelSpecInstaller.Install(kernels, "bad name", false, ["x"]));
    }

    [Fact]
    public void The_installed_kernelspec_is_listed_by_jupyter()
    {
        var env = Tools.JupyterEnvironment(Tools.TempFolder(), KernelSpecInstaller.DefaultName);
        var (exit, stdout, stderr) = Tools.Run(Tools.Python, ["-c", "import json; from jupyter_client.kernelspec import KernelSpecManager as M; s = M().get_kernel_spec('.net-csharp'); print(json.dumps({'name': s.display_name, 'argv': s.argv, 'mode': s.interrupt_mode}))"], env);
        Assert.True(exit == 0, stderr);
        var spec = Tools.Json(stdout);
        Assert.Equal("C# (CourseKit)", (string)spec["name"]!);
        Assert.Equal(Tools.Coursekit, (string)spec["argv"]![0]!);
        Assert.Equal("message", (string)spec["mode"]!);
    }
}
