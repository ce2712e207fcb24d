"""Hostile cells and malformed messages against the CourseKit kernel, with Debian's jupyter_client.
Usage: python3 hostile_kernel.py KERNEL_NAME WORKDIR   (JUPYTER_PATH must hold the kernelspec).
Prints one JSON object of what it saw; the C# test (HostileKernelTests) asserts on it."""
import json, sys, time
from queue import Empty
from jupyter_client import KernelManager

name, workdir = sys.argv[1], sys.argv[2]
out = {}


def collect(kc, msg_id, timeout=60):
    """The shell reply to msg_id and its iopub messages up to idle (None when idle never came)."""
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    messages, idle = [], False
    try:
        while True:
            m = kc.get_iopub_msg(timeout=timeout)
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append({"type": m["msg_type"], "content": m["content"]})
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                idle = True
                break
    except Empty:
        pass
    return {"reply": reply["content"], "iopub": messages, "idle": idle}


def run(kc, code, timeout=60):
    return collect(kc, kc.execute(code), timeout)


def send_raw(kc, msg_type, content, header_type=None):
    """A correctly signed request whose header or content the kernel must validate."""
    msg = kc.session.msg(msg_type, content=content)
    if header_type is not None:
        msg["header"]["msg_type"] = header_type
    kc.session.send(kc.shell_channel.socket, msg)
    return msg["header"]["msg_id"]


def shell_reply(kc, msg_id, timeout=10):
    try:
        while True:
            r = kc.get_shell_msg(timeout=timeout)
            if r["parent_header"].get("msg_id") == msg_id:
                return r["content"]
    except Empty:
        return None


km = KernelManager(kernel_name=name)
km.start_kernel(cwd=workdir)
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)

run(kc, "var kept = 41;")
out["exit"] = run(kc, 'Console.WriteLine("bye"); Environment.Exit(3);')
out["after_exit"] = run(kc, "kept")
out["fresh"] = run(kc, '"alive"')

run(kc, "var kept = 42;")
msg_id = kc.execute("System.Threading.Thread.Sleep(600_000);")
time.sleep(3)
t0 = time.perf_counter()
km.interrupt_kernel()
out["interrupt"] = collect(kc, msg_id)
out["interrupt_seconds"] = time.perf_counter() - t0
out["after_interrupt"] = run(kc, "kept")

out["flood"] = run(kc, "for (var i = 0; i < 20000; i++) Console.WriteLine(i);", timeout=120)

bad = send_raw(kc, "execute_request", {"code": "1", "silent": False}, header_type=5)
out["bad_type_reply"] = shell_reply(kc, bad, timeout=3)
out["after_bad_type"] = run(kc, '"still serving"')
out["bad_code"] = shell_reply(kc, send_raw(kc, "execute_request", {"code": 5, "silent": False}))
out["bad_silent"] = shell_reply(kc, send_raw(kc, "execute_request", {"code": "1", "silent": "yes"}))
out["bad_cursor"] = shell_reply(kc, send_raw(kc, "complete_request", {"code": "Math.", "cursor_pos": "end"}))
out["after_bad_fields"] = run(kc, '"still serving"')

km.shutdown_kernel(now=False)
kc.stop_channels()
print(json.dumps(out))
