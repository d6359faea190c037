#!/usr/bin/env python3
"""Where a program's events come from: reads a BorrowScope trace (a file, or
`-` for stdin, so that a program can stream into it) and prints, for the
first --limit events:

  - events by type, and clock groups (runs of events of one thread that share
    a timestamp, i.e. one cycle-counter read) with their mean size,
  - instances that were never borrowed between their New and their Drop, and
    the New/Drop events of variables (function, name) never borrowed at all in
    the sample: what a "borrowed variables only" mode would not record,
  - records per event in the thread buffers (16 bytes each; an event with an
    address or destination is wide: two records),
  - the sites that record the most events (function, variable, kind).

  mkfifo /tmp/fifo
  BORROWSCOPE_OUTPUT=/tmp/fifo ./prog > /dev/null & bench/trace_stats.py /tmp/fifo; kill %1

Relies on the writer's one-event-per-line layout (docs/trace-format.md) and
stops reading after --limit events. The program then runs on to its end
(the runtime reports the broken pipe once and stops writing); kill it to
save the time. With BORROWSCOPE_CLOCK=fast, "events per clock read" counts
the reads that fast mode still does (events sharing a timestamp).
"""
import argparse
import collections
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trace")
    ap.add_argument("--limit", type=int, default=2_000_000)
    ap.add_argument("--top", type=int, default=8)
    args = ap.parse_args()

    f = sys.stdin if args.trace == "-" else open(args.trace, encoding="utf-8")
    by_type = collections.Counter()
    by_site = collections.Counter()
    by_var = collections.Counter()  # (function, name) -> New/Drop events
    lent = set()  # (function, owner name) ever borrowed
    groups = 0
    last = {}  # thread -> timestamp of its previous event
    borrowed = set()
    live = set()
    unborrowed = instances = 0
    n = wide = 0
    for line in f:
        line = line.strip().rstrip(",")
        if not line.startswith('{"type"'):
            continue
        e = json.loads(line)
        n += 1
        t = e["type"]
        by_type[t] += 1
        wide += "address" in e or "destination" in e
        thread = e["thread"]
        if last.get(thread) != e["timestamp"]:
            groups += 1
            last[thread] = e["timestamp"]
        name = e.get("var_name") or f"{e.get('owner_name')}->{e.get('borrower_name')}"
        by_site[(t, e["function"], name)] += 1
        if t in ("New", "Drop"):
            by_var[(e["function"], e["var_name"])] += 1
        elif t == "Borrow":
            lent.add((e["function"], e["owner_name"]))
        if t == "New":
            live.add(e["var_id"])
            instances += 1
        elif t == "Borrow":
            borrowed.add(e["owner_id"])
        elif t == "Drop":
            v = e["var_id"]
            if v in live:
                live.discard(v)
                if v not in borrowed:
                    unborrowed += 1
                borrowed.discard(v)
        if n >= args.limit:
            break

    print(f"events {n}: " + ", ".join(f"{k} {v} ({100 * v / n:.0f}%)"
                                      for k, v in by_type.most_common()))
    print(f"records {n + wide}: {(n + wide) / n:.2f} per event, "
          f"{16 * (n + wide) / n:.1f} bytes per event in the buffers")
    print(f"clock groups {groups}: {n / max(groups, 1):.2f} events per clock read")
    dropped = instances - len(live)
    print(f"instances dropped {dropped}: never borrowed {unborrowed} "
          f"({100 * unborrowed / max(dropped, 1):.0f}%)")
    quiet = sum(c for v, c in by_var.items() if v not in lent)
    print(f"New/Drop events of variables never borrowed in the sample: {quiet} "
          f"({100 * quiet / n:.0f}% of all events)")
    print("top sites:")
    for (t, fn, name), c in by_site.most_common(args.top):
        print(f"  {100 * c / n:5.1f}%  {t:6} {name}  in {fn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
