"""Kernel speed from a real front end (Debian's jupyter_client), the two figures of the kernel issue:
  1. start to first kernel_info_reply: KernelManager.start_kernel() until the reply to the first kernel_info_request;
  2. median round trip of a trivial execute_request ("1") after warm-up, from sending it to its execute_reply;
  and, to separate the protocol from compilation, the median kernel_info round trip.
Usage: /usr/bin/python3 bench/kernel/kernel_roundtrip.py [KERNEL_NAME] [RUNS]
with the kernelspec installed (`coursekit kernel install --user`, Release build). Prints JSON."""
import json, statistics, sys, time
from jupyter_client import KernelManager

name = sys.argv[1] if len(sys.argv) > 1 else ".net-csharp"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200

starts = []
for _ in range(3):
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    while True:  # first kernel_info_reply (the kernel may still be binding: retry until one arrives)
        kc.kernel_info()
        try:
            kc.get_shell_msg(timeout=0.5)
            break
        except Exception:
            continue
    starts.append(time.perf_counter() - t0)
    if len(starts) < 3:
        kc.stop_channels()
        km.shutdown_kernel(now=True)

def execute(code):
    t = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        r = kc.get_shell_msg(timeout=60)
        if r["parent_header"].get("msg_id") == msg_id:
            break
    return time.perf_counter() - t

def kernel_info():
    t = time.perf_counter()
    msg_id = kc.kernel_info()
    while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
        pass
    return time.perf_counter() - t

info_times = sorted(kernel_info() for _ in range(runs))  # the protocol alone (no compilation)
for _ in range(30):  # warm-up: JIT, Roslyn, the script chain
    execute("1")
times = sorted(execute("1") for _ in range(runs))
kc.stop_channels()
km.shutdown_kernel(now=False)
print(json.dumps({
    "start_to_first_kernel_info_reply_s": {"runs": starts, "median": statistics.median(starts)},
    "kernel_info_round_trip_ms": {"runs": runs, "median": 1000 * statistics.median(info_times)},
    "trivial_execute_round_trip_ms": {"runs": runs, "median": 1000 * statistics.median(times),
                                      "p10": 1000 * times[runs // 10], "p90": 1000 * times[runs * 9 // 10]},
}, indent=2))
