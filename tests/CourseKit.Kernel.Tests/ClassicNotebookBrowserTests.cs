using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CourseKit.Kernel.Install;

namespace CourseKit.Kernel.Tests;

/// <summary>
/// Like a student: Debian's classic notebook server (jupyter-notebook) with the kernel installed, a course
/// notebook opened in headless Chromium, all cells run, a chart drawn (plotly.js from the kernel, offline,
/// next to the page's require.js). The page runs scripts/browser_check.js as custom.js, which records what
/// it saw in the notebook's metadata and saves it.
/// </summary>
public class ClassicNotebookBrowserTests
{
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static Process Start(string file, IEnumerable<string> args, IDictionary<string, string> env, string cwd)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        var p = Process.Start(start)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    [Fact]
    public async Task The_classic_notebook_runs_the_welcome_notebook_and_draws_its_chart_in_chromium()
    {
        var root = Tools.TempFolder();
        var saved = Tools.StageCourseNotebook(root, "00-welcome.ipynb");
        var env = Tools.JupyterEnvironment(root, KernelSpecInstaller.DefaultName);
        var custom = Path.Combine(env["JUPYTER_CONFIG_DIR"], "custom");
        Directory.CreateDirectory(custom);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "scripts", "browser_check.js"), Path.Combine(custom, "custom.js"));

        var port = FreePort();
        const string token = "coursekit-browser-test";
        using var server = Start("/usr/bin/jupyter-notebook", ["--allow-root", "--no-browser", $"--port={port}", "--ip=127.0.0.1", $"--NotebookApp.token={token}",
            $"--notebook-dir={root}", "--NotebookApp.open_browser=False"], env, root);
        using var browser = await StartBrowserWhenServing(port, token, root);
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(4);
            System.Text.Json.Nodes.JsonNode? check = null;
            while (DateTime.UtcNow < deadline && check is null)
            {
                await Task.Delay(1000);
                try
                {
                    check = Tools.Json(File.ReadAllText(saved))["metadata"]?["coursekit_browser_check"];
                }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
                {
                    // being saved
                }
            }
            Assert.NotNull(check);
            Assert.Equal("function", (string)check!["require"]!); // the page has require.js, the case a bare plotly.js script breaks
            Assert.Equal("object", (string)check["plotly"]!);
            Assert.True((int)check["svgs"]! > 0, "no chart SVG was drawn");
            Assert.Equal(0, (int)check["errors"]!);
        }
        finally
        {
            browser.Kill(true);
            server.Kill(true);
        }
    }

    private static async Task<Process> StartBrowserWhenServing(int port, string token, string root)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/api?token={token}")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        var profile = Path.Combine(root, "chromium-profile");
        return Start("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", $"http://127.0.0.1:{port}/notebooks/notebooks/00-welcome.ipynb?token={token}"],
            new Dictionary<string, string>(), root);
    }
}
