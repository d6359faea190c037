"""Timestamps of a trace of clock_modes.c (binary: read through `borrowscope
export`, found on PATH): how many distinct ones before the sleep (the events
of main's loop and of twice()), whether they ever decrease, and the gap
across the sleep."""
import json
import subprocess
import sys

out = subprocess.run(["borrowscope", "export", sys.argv[1], "-f", "json", "-o", "-"],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["events"]
after = next(i for i, e in enumerate(events) if e.get("var_name") == "after")
before = [e["timestamp"] for e in events[:after]]
gap = events[after]["timestamp"] - before[-1]
print("gap across the sleep >= 20 ms:", "yes" if gap >= 20_000_000 else f"no ({gap} ns)")
print("distinct times before the sleep:", len(set(before)))
times = [e["timestamp"] for e in events]
print("never decreasing:", "yes" if times == sorted(times) else "no")
