"""The runtime's spans in a trace of flush_spans.c (read through `borrowscope
export`, found on PATH): how many Flush events the JSON export has and whether
each has a duration, how many "runtime" slices the Chrome export has, and
whether the report takes them out of the lifetime of a variable that holds
them all."""
import json
import subprocess
import sys


def export(fmt):
    out = subprocess.run(["borrowscope", "export", sys.argv[1], "-f", fmt, "-o", "-"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


events = export("json")["events"]
flushes = [e for e in events if e["type"] == "Flush"]
print("json flushes:", len(flushes))
print("every flush has a duration > 0:",
      "yes" if flushes and all(e["duration"] > 0 for e in flushes) else "no")
chrome = export("chrome")["traceEvents"]
print("chrome runtime slices:",
      sum(1 for e in chrome if e.get("cat") == "runtime" and e["ph"] in "Xb"))

# main's `total` lives across every span: its lifetime in the report is the
# JSON's New to Drop less the spans (or all of it with --count-runtime).
spans = [(e["timestamp"], e["timestamp"] + e["duration"]) for e in flushes]
new = next(e for e in events if e["type"] == "New" and e["var_name"] == "total")
drop = next(e for e in events if e["type"] == "Drop" and e["var_id"] == new["var_id"])
life = drop["timestamp"] - new["timestamp"]
inside = sum(t - s for s, t in spans if new["timestamp"] <= s and t <= drop["timestamp"])
print("spans inside total's lifetime:", "all" if inside == sum(t - s for s, t in spans) else "not all")

UNITS = {"ns": 1, "µs": 1e3, "ms": 1e6, "s": 1e9}


def reported_life(*options):
    out = subprocess.run(["borrowscope", "report", *options, sys.argv[1]],
                         check=True, capture_output=True, text=True).stdout
    row = next(line.split() for line in out.splitlines() if line.split()[:2] == ["total", "int"])
    return float(row[3]) * UNITS[row[4]]


def close(printed, ns):  # three significant digits
    return abs(printed - ns) <= max(0.006 * ns, 1.0)


print("report: total's lifetime without the spans:",
      "yes" if close(reported_life(), life - inside) else f"no ({reported_life()} vs {life - inside})")
print("report --count-runtime: with them:",
      "yes" if close(reported_life("--count-runtime"), life) else f"no ({reported_life('--count-runtime')} vs {life})")
