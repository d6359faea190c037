"""Timestamps of a trace of clock_modes.c: how many distinct ones before the
sleep (the events of main's loop and of twice()), and the gap across it."""
import json
import sys

events = json.load(open(sys.argv[1]))["events"]
after = next(i for i, e in enumerate(events) if e.get("var_name") == "after")
before = [e["timestamp"] for e in events[:after]]
gap = events[after]["timestamp"] - before[-1]
print("gap across the sleep >= 20 ms:", "yes" if gap >= 20_000_000 else f"no ({gap} ns)")
print("distinct times before the sleep:", len(set(before)))
