#!/usr/bin/env python3
"""Turns borrowscope_bench's JSON output (--benchmark_out, with repetitions)
into the tables of docs/performance.md: medians, against the targets.

  bench/summary.py build-bench/bench-results.json
"""
import json
import re
import sys

# Issue #4's targets (the Rust original's in the second column).
EVENT_NS = 2.0
EXPORT_US_PER_1000 = 100.0
MEMORY_BYTES = 16


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    medians = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = re.sub(r"_median$", "", b["name"])
        name = re.sub(r"/(iterations:\d+/)?(manual_time|real_time)$", "", name)
        if b.get("error_occurred"):
            medians[name] = {"error": b.get("error_message", "error")}
        else:
            medians[name] = b
    return data.get("context", {}), medians


def verdict(value, target):
    return "met" if value <= target else "**missed**"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    context, m = load(sys.argv[1])
    for name, b in m.items():
        if "error" in b:
            print(f"ERROR {name}: {b['error']}")
    print(f"Run {context.get('date', '?')} on {context.get('num_cpus', '?')} CPUs at "
          f"{context.get('mhz_per_cpu', '?')} MHz, load average "
          f"{' '.join(f'{x:.2f}' for x in context.get('load_avg', []))}; "
          f"BORROWSCOPE={context.get('BORROWSCOPE', '?')}; medians of "
          f"{m.get('Event/scope8/O2', {}).get('repetitions', '?')} repetitions.\n")

    def get(name, counter):
        b = m.get(name, {})
        return b.get(counter, float("nan"))

    print("Recording, through plugin-compiled kernels: (instrumented - plain) / events;\n"
          "exact: BORROWSCOPE_CLOCK=exact (a clock read per group), fast: one read per 16 groups\n")
    print("| kernel | events per group | events per clock read, exact / fast | "
          "-O2 exact | -O2 fast | -O0 exact | -O0 fast | buffer bytes/event |")
    print("|---|---|---|---|---|---|---|---|")
    shapes = {"scope8": ("16 (8 New, 8 Drop)", "16 / 256"),
              "borrow8": ("10 (New, 8 Borrow, Drop)", "10 / 160"),
              "scope1": ("2 (New, Drop)", "2 / 32"),
              "lone": ("1 (New, call to another file, Drop)", "1 / 2"),
              "near": ("1 (New, call within the file, Drop)", "1 / 16")}
    for k, (shape, reads) in shapes.items():
        print(f"| {k} | {shape} | {reads} | {get(f'Event/{k}/O2', 'ns/event'):.2f} | "
              f"{get(f'Event/{k}/O2/fast', 'ns/event'):.2f} | "
              f"{get(f'Event/{k}/O0', 'ns/event'):.2f} | "
              f"{get(f'Event/{k}/O0/fast', 'ns/event'):.2f} | "
              f"{get(f'Event/{k}/O2', 'bytes/event'):.1f} |")
    print("\nBulk (borrow8 at -O2), per thread: ns/event\n")
    print("| events per call | 1 thread | 2 threads |")
    print("|---|---|---|")
    for n in (100, 1000, 10000):
        print(f"| {n:,} | {get(f'Bulk/{n}/threads:1', 'ns/event'):.2f} | "
              f"{get(f'Bulk/{n}/threads:2', 'ns/event'):.2f} |")
    print("\nThe hot path called directly (-O2, groups of 16 records)\n")
    print("| operation | ns |")
    print("|---|---|")
    for k, what in (("new", "New"), ("new_at", "New with address and size (wide, 2 records)"),
                    ("borrow", "Borrow"), ("drop", "Drop")):
        if f"Direct/{k}" in m:
            print(f"| {what} | {get(f'Direct/{k}', 'ns/call'):.2f} |")
    print(f"| opening a group, exact clock (rdtsc) | {get('Direct/clock', 'ns/group'):.2f} |")
    print(f"| opening a group, fast clock (one rdtsc per 16) | "
          f"{get('Direct/clock/fast', 'ns/group'):.2f} |")

    print("\nJSON export (TraceWriter::append)\n")
    print("| events per append | into /dev/null: us per 1 000 | into a file: us per 1 000 | "
          "trace bytes/event |")
    print("|---|---|---|---|")
    for n in (1000, 1000000):
        print(f"| {n:,} | {get(f'Export/{n}/0', 'ns/event'):.1f} | "
              f"{get(f'Export/{n}/1', 'ns/event'):.1f} | {get(f'Export/{n}/1', 'bytes/event'):.0f} |")

    print("\nWhole runs (child process, borrow8 kernel, trace on)\n")
    print("| events | trace to | ns/event (run - plain run) | peak RSS MiB | idle RSS MiB | "
          "RSS bytes/event | trace bytes/event |")
    print("|---|---|---|---|---|---|---|")
    where = {0: "/dev/null", 1: "file", 2: "file + snapshot"}
    for name, b in m.items():
        mt = re.match(r"Run/(\d+)/(\d)$", name)
        if mt and "error" not in b:
            print(f"| {int(mt.group(1)):,} | {where[int(mt.group(2))]} | {b['ns/event']:.1f} | "
                  f"{b['peak_rss_MiB']:.2f} | {b['idle_rss_MiB']:.2f} | "
                  f"{b['rss_bytes/event']:.3f} | {b.get('trace_bytes/event', float('nan')):.0f} |")

    grouped = get("Event/scope8/O2", "ns/event")
    grouped_fast = get("Event/scope8/O2/fast", "ns/event")
    export = get("Export/1000/1", "ns/event")
    big = m.get("Run/100000000/0", {})
    print("\nAgainst the targets\n")
    print("| figure | seed target | issue target | measured | |")
    print("|---|---|---|---|---|")
    print(f"| per event, grouped (scope8 -O2), exact | 50 ns | {EVENT_NS} ns | {grouped:.2f} ns | "
          f"{verdict(grouped, EVENT_NS)} |")
    print(f"| per event, grouped (scope8 -O2), fast | 50 ns | {EVENT_NS} ns | "
          f"{grouped_fast:.2f} ns | {verdict(grouped_fast, EVENT_NS)} |")
    for k, what in (("lone", "alone, a call to another file between events"),
                    ("near", "alone, a call within the file between events")):
        for mode, suffix in (("exact", ""), ("fast", "/fast")):
            v = get(f"Event/{k}/O2{suffix}", "ns/event")
            print(f"| per event, {what} ({k} -O2), {mode} | 50 ns | {EVENT_NS} ns | {v:.2f} ns | "
                  f"{verdict(v, EVENT_NS)} |")
    for k, what in (("scope8", "New/Drop"), ("borrow8", "with borrows held in memory")):
        b = get(f"Event/{k}/O2", "bytes/event")
        print(f"| memory per event, {what} ({k}) | ~80 B | {MEMORY_BYTES} B | {b:.1f} B | "
              f"{verdict(b, MEMORY_BYTES)} |")
    if big:
        print(f"| peak RSS, 100 M events | | bounded | {big['peak_rss_MiB']:.2f} MiB "
              f"(idle {big['idle_rss_MiB']:.2f}) | "
              f"{'met' if big['peak_rss_MiB'] - big['idle_rss_MiB'] < 64 else '**missed**'} |")
    print(f"| JSON export per 1 000 events (file) | 1 ms | {EXPORT_US_PER_1000:.0f} us | "
          f"{export:.1f} us | {verdict(export, EXPORT_US_PER_1000)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
