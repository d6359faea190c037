#!/usr/bin/env python3
"""Prints a BorrowScope trace in a stable, comparable form, for tests.

  trace_summary.py TRACE             one line per event: type, names, line,
                                     ids renumbered by first appearance
  trace_summary.py --threads TRACE   per thread: event counts by type
  trace_summary.py --check TRACE     structural checks (exit 1 with a message):
                                     every Drop, Release and Borrow refers to a
                                     live New of its thread, no instance dropped
                                     twice

Timestamps and columns are left out: they legitimately differ between -O0 and
-O2 builds of one program, while everything printed here must not.
"""
import collections
import json
import shutil
import subprocess
import sys


def load(path):
    """A JSON trace as it is, a binary one through `borrowscope export`
    (found on PATH), which resolves owners by address."""
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"BSTRACE"):
        tool = shutil.which("borrowscope")
        if not tool:
            sys.exit("trace_summary.py: borrowscope is not on PATH")
        out = subprocess.run([tool, "export", "--format", "json", "-o", "-", path],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def program_events(trace):
    """The events of the program: without the runtime's Flush spans, whose
    number depends on when buffers filled up, not on what the program did."""
    return [e for e in trace["events"] if e["type"] != "Flush"]


class Addresses:
    """Live variables that recorded their address: resolves a reborrowed
    address to the variable containing it, as the tool does."""

    def __init__(self):
        self.live = {}  # id -> (start, end, name)

    def event(self, e):
        if e["type"] == "New" and "address" in e:
            start = int(e["address"], 16)
            self.live[e["var_id"]] = (start, start + e["size"], e["var_name"])
        elif e["type"] == "Drop":
            self.live.pop(e["var_id"], None)

    def resolve(self, address):
        a = int(address, 16)
        found = [(vid, name) for vid, (lo, hi, name) in self.live.items() if lo <= a < hi]
        return found[-1] if found else (None, "<nothing>")


def summary(trace):
    numbers = {}
    addresses = Addresses()

    def n(value):
        if value is None:
            return "-"
        return "#%d" % numbers.setdefault(value, len(numbers) + 1)

    for e in program_events(trace):
        parts = e.get("location", "").rsplit(":", 2)
        line = parts[1] if len(parts) == 3 else "-"  # a Free has no place
        t = e["type"]
        if t in ("New", "Drop"):
            extra = " unwind" if e.get("unwind") else ""
            extra += " abandoned" if e.get("abandoned") else ""
            at = " at-address" if "address" in e else ""
            print(f"{t} {e['var_name']} {n(e['var_id'])} line {line} in {e['function']}{extra}{at}")
        elif t == "Release":
            print(f"Release {e['var_name']} {n(e['var_id'])} line {line}")
        elif t == "Free":
            print(f"Free {e['size']} bytes")
        elif t == "Borrow":
            owner, owner_name = e["owner_id"], e["owner_name"]
            verb = "Borrow"
            if e.get("reborrow"):
                verb = "Reborrow"
                if owner is None:  # a JSON trace of version 1: resolve here
                    owner, owner_name = addresses.resolve(e["address"])
                if owner is None:
                    owner_name = "<nothing>"
            held = " in-memory" if "destination" in e else ""
            for flag in ("dead", "lexical", "kept"):
                if e.get(flag):
                    held += " " + flag
            print(f"{verb} {owner_name} {n(owner)} by {e['borrower_name']} "
                  f"{n(e['borrower_id'])} ({e['borrower_kind']}, {e['kind']}{held}) line {line}")
        else:
            into = " into-call" if e.get("into_call") else ""
            print(f"Move {e['from_name']} {n(e['from_id'])} to {e['to_name']} {n(e['to_id'])}{into} line {line}")
        addresses.event(e)


def threads(trace):
    """Counts of the program's events; the counts the trace lists, which
    include its Flush events, less those."""
    counts = collections.defaultdict(collections.Counter)
    for e in trace["events"]:
        counts[e["thread"]][e["type"]] += 1
    listed = {t["id"]: t for t in trace["threads"]}
    for tid in sorted(set(counts) | set(listed)):
        c = counts[tid]
        declared = listed.get(tid, {}).get("events", "?")
        if declared != "?":
            declared -= c["Flush"]
        print(f"thread {tid}: New={c['New']} Borrow={c['Borrow']} Drop={c['Drop']} "
              f"Move={c['Move']} listed={declared}")
    flushes = sum(c["Flush"] for c in counts.values())
    print(f"total {len(trace['events']) - flushes} "
          f"event_count={trace['event_count'] - flushes} "
          f"lost={trace['lost_events']}")


def check(trace):
    live = {}
    dropped = set()
    last_time = {}
    for i, e in enumerate(trace["events"]):
        where = f"event {i} ({e['type']} at {e['location']})"
        thread = e["thread"]
        if e["timestamp"] < last_time.get(thread, 0):
            sys.exit(f"{where}: timestamp goes backwards on thread {thread}")
        last_time[thread] = e["timestamp"]
        if e["type"] == "New":
            if e["var_id"] in live or e["var_id"] in dropped:
                sys.exit(f"{where}: id {e['var_id']} created twice")
            live[e["var_id"]] = e
        elif e["type"] == "Drop":
            if e["var_id"] not in live:
                sys.exit(f"{where}: drop of id {e['var_id']} that is not live")
            del live[e["var_id"]]
            dropped.add(e["var_id"])
        elif e["type"] == "Borrow":
            for key in ("owner_id", "borrower_id"):
                if e[key] is not None and e[key] not in live:
                    sys.exit(f"{where}: {key} {e[key]} is not live")
            if e.get("reborrow") and "address" not in e:
                sys.exit(f"{where}: a reborrow needs an address")
        elif e["type"] == "Release":
            if e["var_id"] not in live:
                sys.exit(f"{where}: release by {e['var_id']}, which is not live")
        elif e["type"] == "Move":
            for key in ("from_id", "to_id"):
                if e[key] is not None and e[key] not in live:
                    sys.exit(f"{where}: {key} {e[key]} is not live")
    print(f"ok: {len(program_events(trace))} events, {len(live)} never dropped")


def main(argv):
    if len(argv) == 3 and argv[1] in ("--threads", "--check"):
        {"--threads": threads, "--check": check}[argv[1]](load(argv[2]))
    elif len(argv) == 2:
        summary(load(argv[1]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
