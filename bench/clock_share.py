#!/usr/bin/env python3
"""What share of a program's run time waits for the cycle counter: profiles it
with `perf record -e cpu-clock` (a software clock: this also works in VMs
without hardware counters) and counts the samples that land on the
instruction right after an `rdtsc`, where the wait for the counter is charged.

  bench/clock_share.py [--env K=V ...] PROGRAM [ARGS...]

  bench/clock_share.py --env BORROWSCOPE=off build-bench/bench-compare/interp-O2.instr 100
  bench/clock_share.py --env BORROWSCOPE=off --env BORROWSCOPE_CLOCK=fast \\
      build-bench/bench-compare/interp-O2.instr 100

Prints the share of all samples after an rdtsc, and the program's own top
functions. Needs perf and objdump; samples are matched by function and offset
(perf script's sym+symoff against objdump's disassembly), so PIE is fine.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile


def after_rdtsc(program):
    """{(function, offset)} of the instructions right after each rdtsc."""
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", program],
                         capture_output=True, text=True, check=True).stdout
    points = set()
    func, base, pending = None, 0, False
    for line in out.splitlines():
        m = re.match(r"^([0-9a-f]+) <(.+)>:$", line)
        if m:
            func, base, pending = m.group(2), int(m.group(1), 16), False
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(\S+)", line)
        if not m or func is None:
            continue
        address = int(m.group(1), 16)
        if pending:
            points.add((func, address - base))
        pending = m.group(2) == "rdtsc"
    return points


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--env", action="append", default=[], help="K=V for the program")
    ap.add_argument("--top", type=int, default=6)
    ap.add_argument("program")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    args = ap.parse_args()

    env = dict(os.environ)
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    points = after_rdtsc(args.program)
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-o", data, "--",
                        args.program] + args.args, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        script = subprocess.run(["perf", "script", "-i", data, "--no-demangle",
                                 "-F", "ip,sym,symoff,dso"],
                                capture_output=True, text=True, check=True).stdout
    total = clock = 0
    by_sym = collections.Counter()
    name = os.path.basename(args.program)
    for line in script.splitlines():
        line = line.strip()
        if not line:
            continue
        total += 1
        m = re.match(r"^[0-9a-f]+ (\S+)\+0x([0-9a-f]+) \((.*)\)$", line)
        if not m:
            by_sym["[unknown] " + line[-40:]] += 1
            continue
        sym, off, dso = m.group(1), int(m.group(2), 16), os.path.basename(m.group(3))
        by_sym[sym if dso == name else f"{sym} ({dso})"] += 1
        if dso == name and (sym, off) in points:
            clock += 1
    if total == 0:
        sys.exit("clock_share.py: no samples")
    print(f"{name}: {total} samples, {100 * clock / total:.0f}% right after an rdtsc "
          f"({len(points)} rdtsc in the program)")
    for sym, c in by_sym.most_common(args.top):
        print(f"  {100 * c / total:5.1f}%  {sym[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
