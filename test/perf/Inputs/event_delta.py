#!/usr/bin/env python3
"""event_delta.py SMALL.trace LARGE.trace: events per type that the larger run
recorded more than the smaller one (the same program with more loop
iterations), and the lost-event counts of both. The per-iteration events are
what the loop's inlined code must record; the program's other events cancel.
"""
import collections
import json
import subprocess
import sys


def counts(path):
    """Through `borrowscope export` (on PATH): the traces are binary."""
    out = subprocess.run(["borrowscope", "export", path, "-f", "json", "-o", "-"],
                         check=True, capture_output=True, text=True).stdout
    trace = json.loads(out)
    c = collections.Counter(e["type"] for e in trace["events"])
    return c, trace["lost_events"], trace["event_count"] == len(trace["events"])


small, large = counts(sys.argv[1]), counts(sys.argv[2])
print("delta " + " ".join(f"{t}={large[0][t] - small[0][t]}"
                          for t in ("New", "Borrow", "Drop", "Move")))
print(f"lost {small[1]} {large[1]} complete {small[2] and large[2]}")
