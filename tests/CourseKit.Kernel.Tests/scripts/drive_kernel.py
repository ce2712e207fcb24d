"""Drives the CourseKit kernel with Debian's jupyter_client like a front end, and prints what it saw as JSON.
Usage: python3 drive_kernel.py KERNEL_NAME WORKDIR REPO   (JUPYTER_PATH must hold the kernelspec; REPO is the
repository, whose built kit the live-chart cell loads). The C# test asserts on the JSON."""
import json, os, sys, time
from queue import Empty
from jupyter_client import KernelManager
from jupyter_client.session import Session

name, workdir, repo = sys.argv[1], sys.argv[2], sys.argv[3]
out = {}

def run(kc, code, timeout=120, **kw):
    """Executes code; returns the reply content and the iopub messages of the request (msg_type, content)."""
    msg_id = kc.execute(code, **kw)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    messages = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append({"type": m["msg_type"], "content": m["content"]})
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    return {"reply": reply["content"], "iopub": messages}

t0 = time.perf_counter()
km = KernelManager(kernel_name=name)
km.start_kernel(cwd=workdir)
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)
out["start_to_ready_s"] = time.perf_counter() - t0
kc.kernel_info()
info = kc.get_shell_msg(timeout=30)
out["kernel_info"] = info["content"]

out["stream"] = run(kc, 'Console.WriteLine("hello"); Console.Error.Write("oops");')
out["result"] = run(kc, "1 + 2")
out["display"] = run(kc, 'display("text"); display(HTML("<b>bold</b>"));')
out["update"] = run(kc, 'var d = display("first"); d.Update("second");')
out["silent"] = run(kc, 'var hidden = 5; Console.WriteLine("quiet");', silent=True)
out["after_silent"] = run(kc, "hidden * 2")
out["compile_error"] = run(kc, 'int x = "s";')
out["runtime_error"] = run(kc, 'throw new InvalidOperationException("boom");')

kc.is_complete("for (int i = 0; i < 3; i++) {")
out["is_complete_open"] = kc.get_shell_msg(timeout=30)["content"]
kc.is_complete("1 + 1")
out["is_complete_done"] = kc.get_shell_msg(timeout=30)["content"]

run(kc, "var numbers = new List<int> { 1, 2, 3 };")
code = "numbers.Cou"
kc.complete(code, len(code))
out["complete"] = kc.get_shell_msg(timeout=120)["content"]
code = "Math.Sqrt"
kc.inspect(code, len(code))
out["inspect"] = kc.get_shell_msg(timeout=60)["content"]

kc.comm_info()
out["comm_info"] = kc.get_shell_msg(timeout=30)["content"]

# interrupt an endless loop (interrupt_mode "message": jupyter_client sends interrupt_request on control)
run(kc, "var before = 41;")
msg_id = kc.execute('Console.WriteLine("spinning"); while (true) {}')
while True:  # wait until the loop runs
    m = kc.get_iopub_msg(timeout=60)
    if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream":
        break
time.sleep(0.5)
t = time.perf_counter()
km.interrupt_kernel()
reply = kc.get_shell_msg(timeout=60)
out["interrupt_s"] = time.perf_counter() - t
out["interrupted"] = reply["content"]
out["after_interrupt"] = run(kc, "before + 1")

# a forged message: signed with another key; the kernel must drop it and keep serving
forger = Session(key=b"not-the-key", username="mallory")
marker = os.path.join(workdir, "forged.txt")
forged = forger.msg("execute_request", content={"code": f'System.IO.File.WriteAllText(@"{marker}", "x");', "silent": False,
                                                "store_history": True, "user_expressions": {}, "allow_stdin": False})
forger.send(kc.shell_channel.socket, forged)
unsigned = Session(key=b"", username="mallory")
unsigned.send(kc.shell_channel.socket, unsigned.msg("execute_request", content=forged["content"]))
got_reply = True
try:
    while True:
        r = kc.get_shell_msg(timeout=3)
        if r["parent_header"].get("msg_id") == forged["header"]["msg_id"]:
            break
except Empty:
    got_reply = False
out["forged"] = {"replied": got_reply, "executed": os.path.exists(marker)}
out["after_forged"] = run(kc, '"still serving"')

# a live training chart: shown after the first epoch, redrawn in place every epoch (interval zero), final state last
kit = os.path.join(repo, "lib", "CourseKit", "bin", "Release", "net10.0", "CourseKit.dll")
charts = os.path.join(repo, "lib", "CourseKit.Charts", "bin", "Release", "net10.0", "CourseKit.Charts.dll")
run(kc, f'#r "nuget: Plotly.NET.Interactive, 5.0.0"\n#r "{kit}"\n#r "{charts}"', timeout=300)
out["live"] = run(kc, """using CourseKit; using CourseKit.Activations; using CourseKit.Layers; using CourseKit.Losses;
using CourseKit.Optimisers; using CourseKit.Training; using CourseKit.Charts;
var net = new Sequential(new Dense(2, 4, seed: 1), new Tanh(), new Dense(4, 1, seed: 2));
var trainer = new Trainer(net, new BinaryCrossEntropyWithLogits(), new GradientDescent(net.Parameters(), 0.5))
    { Observer = new LiveTrainingChart(display, "XOR", interval: TimeSpan.Zero) };
var fit = trainer.Fit(Tensor.FromArray([0, 0, 0, 1, 1, 0, 1, 1], 4, 2), Tensor.FromArray([0, 1, 1, 0], 4, 1), epochs: 5, batchSize: 4);
Console.WriteLine(fit.History.Epochs[^1].TrainLoss.ToString("R", System.Globalization.CultureInfo.InvariantCulture));""")
# a project whose build output a cell loads by path, as the course notebooks' first cell loads the kit: missing, so
# the cell builds it once and says so on stderr, then loads it
tiny = os.path.join(workdir, "tiny")
os.makedirs(tiny, exist_ok=True)
with open(os.path.join(tiny, "Tiny.csproj"), "w") as f:
    f.write('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>')
with open(os.path.join(tiny, "Greeting.cs"), "w") as f:
    f.write('namespace Tiny; public static class Greeting { public const string Text = "built by the kernel"; }')
out["project_build"] = run(kc, '#r "tiny/bin/Release/net10.0/Tiny.dll"\nConsole.WriteLine(Tiny.Greeting.Text);', timeout=300)
# restart: shutdown_request(restart=True), a new kernel process, fresh state and counter
km.restart_kernel(now=False)
kc.wait_for_ready(timeout=60)
out["after_restart"] = run(kc, "before")
out["after_restart_count"] = run(kc, "7")["reply"]["execution_count"]

proc = km.provisioner.process if km.provisioner else None
km.shutdown_kernel(now=False)
out["shutdown_exit_code"] = proc.returncode if proc is not None else None
kc.stop_channels()
print(json.dumps(out))
