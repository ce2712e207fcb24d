"""Starts the CourseKit kernel as Jupyter does (jupyter_client sets JPY_PARENT_PID to this process) and
prints its pid and shell port, then waits to be killed. The C# test kills this process with SIGKILL
and checks that the kernel does not outlive it.  Usage: python3 orphan_kernel.py KERNEL_NAME WORKDIR"""
import json, sys, time
from jupyter_client import KernelManager

km = KernelManager(kernel_name=sys.argv[1])
km.start_kernel(cwd=sys.argv[2])
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)
print(json.dumps({"pid": km.provisioner.process.pid, "shell_port": km.shell_port}), flush=True)
time.sleep(600)
