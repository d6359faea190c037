#!/usr/bin/env python3
"""Checks that a Chrome Trace Event file from `borrowscope export --format
chrome` has the structure Perfetto and chrome://tracing need, and prints a
summary for FileCheck. Exits 1 with the first problem.

Checked: every complete ("X") event has a duration; timestamps never go back
on a track (a thread for slices, a category and id for async slices); the
slices of each thread nest (as Perfetto reads them: ts * 1000 truncated to
ns); async begin/end pairs match; every flow start (flow_out) has exactly
one flow end (flow_in) after it; every thread with events is named; every
instant ("i", a finding of the checks) has thread scope, is on a named thread
and names the check, its message, location and variables.
"""
import collections
import json
import sys


def ns(value):
    # What Perfetto does with a number of microseconds.
    return int(float(value) * 1000.0)


def fail(message):
    sys.exit("check_chrome_trace: " + message)


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    events = doc.get("traceEvents")
    if not isinstance(events, list):
        fail("no traceEvents array")
    names = {}
    process = None
    last_ts = {}
    stacks = collections.defaultdict(list)
    open_async = {}
    flows_out, flows_in = collections.Counter(), collections.Counter()
    counts = collections.Counter()
    per_thread = collections.Counter()
    findings = []
    for i, e in enumerate(events):
        ph = e.get("ph")
        where = "traceEvents[%d] (%s %r)" % (i, ph, e.get("name"))
        if ph == "M":
            if e["name"] == "thread_name":
                names[e["tid"]] = e["args"]["name"]
            elif e["name"] == "process_name":
                process = e["args"]["name"]
            continue
        for key in ("pid", "tid", "ts", "name"):
            if key not in e:
                fail(where + ": no " + key)
        ts = ns(e["ts"])
        if ph == "X":
            if "dur" not in e:
                fail(where + ": a complete event without dur")
            end = ts + ns(e["dur"])
            track = (e["pid"], e["tid"])
            stack = stacks[track]
            while stack and stack[-1] <= ts:
                stack.pop()
            if stack and end > stack[-1]:
                fail(where + ": does not nest on thread %s" % e["tid"])
            stack.append(end)
            counts["complete"] += 1
            per_thread[e["tid"]] += 1
        elif ph in ("b", "e"):
            track = (e["cat"], e["id"])
            if ph == "b":
                if track in open_async:
                    fail(where + ": async %r begins twice" % (track,))
                open_async[track] = e["name"]
                counts["async"] += 1
            else:
                if open_async.pop(track, None) != e["name"]:
                    fail(where + ": async end without its begin")
        elif ph == "i":
            if e.get("s") != "t":
                fail(where + ": an instant without thread scope")
            args = e.get("args", {})
            for key in ("message", "location", "variables"):
                if key not in args:
                    fail(where + ": an instant without args." + key)
            track = (e["pid"], e["tid"])
            per_thread[e["tid"]] += 1
            findings.append("%s@%s" % (e["name"], e["tid"]))
        else:
            fail(where + ": unexpected phase")
        if track in last_ts and ts < last_ts[track]:
            fail(where + ": time goes back on track %r" % (track,))
        last_ts[track] = ts
        if "bind_id" in e:
            if e.get("flow_out"):
                flows_out[e["bind_id"]] += 1
            if e.get("flow_in"):
                if not flows_out[e["bind_id"]]:
                    fail(where + ": flow end before its start")
                flows_in[e["bind_id"]] += 1
        cat = e.get("cat", "")
        if cat.startswith("borrow."):
            counts[cat] += ph != "e"
    if open_async:
        fail("async slices never end: %r" % sorted(open_async)[:3])
    if flows_out != flows_in or any(n != 1 for n in flows_out.values()):
        fail("flow starts and ends do not pair up")
    for tid in per_thread:
        if tid not in names:
            fail("thread %s has no thread_name" % tid)
    print("ok: process %s, %d threads, %d complete, %d async, %d flows" %
          (process, len(names), counts["complete"], counts["async"], len(flows_out)))
    print("borrows: %d shared, %d mut, %d move, %d unknown" %
          (counts["borrow.shared"], counts["borrow.mut"], counts["borrow.move"],
           counts["borrow.unknown"]))
    for tid in sorted(names):
        print("thread %s: %s" % (tid, names[tid]))
    if findings:
        print("findings: %d: %s" % (len(findings), " ".join(findings)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
