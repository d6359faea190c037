#!/usr/bin/env python3
"""Instrumented vs plain for the Rust bench program (bench/programs/rust/
workload.rs), the Rust counterpart of bench/compare.py (which it does not
change or import).

  python3 bench/rust_compare.py --build build-llvm22
  python3 bench/rust_compare.py --build build-llvm22 --runs 7 --callgrind

Builds the program at each --levels value (default 0 and 2) with
  plain         rustc --edition 2021 -Copt-level=L -Cdebuginfo=2
  instrumented  borrowscope-rustc with the same flags
and runs, in --runs rounds (each round runs every variant once, in a
rotating order, so that slow spells of the shared machine hit all alike):
  file   the instrumented build, BORROWSCOPE_OUTPUT=<a file in a new
         directory> (deleted after each run, its size kept), at
         --trace-iterations (the trace takes ~0.5 MB per iteration at
         -Copt-level=0), against plain at the same count
  check  the instrumented build, BORROWSCOPE_MODE=check (the checker runs in
         the process, no trace is written), at --iterations, against plain at
         the same count
Times are CPU seconds (user + sys of the child, from getrusage), medians over
the rounds; every run's output must equal plain's at the same count.
Events are those of the file variant's trace (`borrowscope report`'s
header). With --callgrind, also the instructions executed (valgrind
--tool=callgrind, "Collected") of plain and of the file variant at
--callgrind-iterations. Everything runs sequentially under `nice`.
Prints a markdown table.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "programs", "rust", "workload.rs")
NICE = ["nice", "-n", "10"]


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(argv, env=None, cwd=None, timeout=3600):
    """CPU seconds (user+sys) of one child (reaped before the usage is read
    again), wall seconds, exit status, stdout, stderr."""
    before = children_cpu()
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return children_cpu() - before, time.perf_counter() - start, "timeout", out, err
    return children_cpu() - before, time.perf_counter() - start, p.returncode, out, err


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORROWSCOPE")}
    env.update(extra)
    return env


def default_rustc():
    for c in (shutil.which("rustc"), os.path.expanduser("~/.cargo/bin/rustc")):
        if c and os.access(c, os.X_OK):
            return c
    return "rustc"


def fail(msg):
    sys.exit("rust_compare.py: " + msg)


def build(cmd, env, what):
    _, wall, rc, _, err = timed(NICE + cmd, env=env)
    if rc != 0:
        fail(f"{what} failed ({rc}):\n{err.decode(errors='replace')[-2000:]}")
    return wall


def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def callgrind(argv, env, work):
    out = os.path.join(work, "callgrind.out")
    _, _, rc, _, err = timed(NICE + ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
                             + argv, env=env, cwd=work)
    text = err.decode(errors="replace")
    m = re.search(r"Collected\s*:\s*(\d+)", text)
    for f in os.listdir(work):
        if f.startswith("callgrind.out"):
            os.remove(os.path.join(work, f))
    if rc != 0 or not m:
        fail(f"callgrind of {argv[0]} failed ({rc}): {text[-1500:]}")
    return int(m.group(1))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", required=True,
                    help="build directory whose bin/ has borrowscope-rustc and borrowscope")
    ap.add_argument("--rustc", default=default_rustc())
    ap.add_argument("--levels", default="0,2", help="rustc -Copt-level values")
    ap.add_argument("--runs", type=int, default=5, help="rounds (medians over them)")
    ap.add_argument("--iterations", type=int, default=1000,
                    help="workload iterations of the check-mode runs and their plain runs")
    ap.add_argument("--trace-iterations", type=int, default=100,
                    help="workload iterations of the trace-file runs and their plain runs")
    ap.add_argument("--callgrind", action="store_true", help="also count instructions")
    ap.add_argument("--callgrind-iterations", type=int, default=10)
    ap.add_argument("--work", help="directory for binaries and traces (default: a temp dir)")
    args = ap.parse_args(argv)

    bindir = os.path.join(os.path.abspath(args.build), "bin")
    wrapper = os.path.join(bindir, "borrowscope-rustc")
    borrowscope = os.path.join(bindir, "borrowscope")
    for tool in (wrapper, borrowscope):
        if not os.access(tool, os.X_OK):
            fail(f"missing {tool}")
    if args.callgrind and not shutil.which("valgrind"):
        fail("--callgrind: valgrind not found")
    levels = [l.strip() for l in args.levels.split(",") if l.strip()]
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="rust-compare-")
    os.makedirs(work, exist_ok=True)

    # ---- builds --------------------------------------------------------------
    exes = {}
    for l in levels:
        flags = ["--edition", "2021", f"-Copt-level={l}", "-Cdebuginfo=2", SOURCE]
        for variant in ("plain", "bs"):
            d = os.path.join(work, f"{variant}-O{l}")  # rustc's objects go next to -o
            os.makedirs(d, exist_ok=True)
            exe = os.path.join(d, "workload")
            if variant == "plain":
                cmd = [args.rustc] + flags + ["-o", exe]
            else:
                cmd = [wrapper, args.rustc] + flags + ["-o", exe]
            wall = build(cmd, clean_env(BORROWSCOPE_RUSTC=args.rustc), f"{variant} -Copt-level={l}")
            exes[(variant, l)] = exe
            print(f"built {variant} -Copt-level={l} in {wall:.1f} s", file=sys.stderr)

    # ---- runs ------------------------------------------------------------------
    # A variant: (level, name, exe, iterations, env maker).
    variants = []
    for l in levels:
        variants += [
            (l, "plain@trace", exes[("plain", l)], args.trace_iterations, None),
            (l, "file", exes[("bs", l)], args.trace_iterations, "file"),
            (l, "plain@check", exes[("plain", l)], args.iterations, None),
            (l, "check", exes[("bs", l)], args.iterations, "check"),
        ]
    times = {(v[0], v[1]): [] for v in variants}
    sizes = {}
    outputs = {}
    for r in range(args.runs):
        order = variants[r % len(variants):] + variants[:r % len(variants)]
        for l, name, exe, its, mode in order:
            d = tempfile.mkdtemp(prefix="run-", dir=work)
            try:
                if mode == "file":
                    env = clean_env(BORROWSCOPE_OUTPUT=os.path.join(d, "workload.trace"))
                elif mode == "check":
                    env = clean_env(BORROWSCOPE_MODE="check")
                else:
                    env = clean_env()
                cpu, wall, rc, out, err = timed(NICE + [exe, str(its)], env=env, cwd=d)
                if rc != 0:
                    fail(f"-Copt-level={l} {name} exited {rc}: {err.decode(errors='replace')[-800:]}")
                outputs.setdefault((l, its), set()).add(out)
                times[(l, name)].append(cpu)
                if mode == "file":
                    trace = os.path.join(d, "workload.trace")
                    sizes[l] = os.path.getsize(trace)
                    if (l, "events") not in sizes:
                        _, _, rc, rep, _ = timed([borrowscope, "report", "--color=never", trace],
                                                 env=clean_env())
                        m = re.search(rb": (\d+) events", rep)
                        sizes[(l, "events")] = int(m.group(1)) if m else None
                if mode == "check":
                    m = re.search(rb"borrowscope: (\d+) findings", err)
                    sizes[(l, "check-findings")] = int(m.group(1)) if m else 0
            finally:
                shutil.rmtree(d, ignore_errors=True)
        print(f"round {r + 1}/{args.runs} done", file=sys.stderr)
    for key, outs in outputs.items():
        if len(outs) != 1:
            fail(f"-Copt-level={key[0]}, {key[1]} iterations: outputs differ between variants")

    counts = {}
    if args.callgrind:
        for l in levels:
            d = tempfile.mkdtemp(prefix="cg-", dir=work)
            try:
                its = str(args.callgrind_iterations)
                counts[(l, "plain")] = callgrind([exes[("plain", l)], its], clean_env(), d)
                counts[(l, "file")] = callgrind(
                    [exes[("bs", l)], its],
                    clean_env(BORROWSCOPE_OUTPUT=os.path.join(d, "t.trace")), d)
                counts[(l, "check")] = callgrind([exes[("bs", l)], its],
                                                 clean_env(BORROWSCOPE_MODE="check"), d)
            finally:
                shutil.rmtree(d, ignore_errors=True)

    # ---- table -----------------------------------------------------------------
    med = {k: statistics.median(v) for k, v in times.items()}
    rustc_version = subprocess.run([args.rustc, "--version"], capture_output=True,
                                   text=True).stdout.strip()
    print(f"Rust workload ({os.path.relpath(SOURCE, os.path.dirname(HERE))}), {rustc_version}, "
          f"{args.runs} rounds, CPU seconds (user+sys), medians")
    print()
    print("| level | mode | iterations | plain median s | instrumented median s | ratio "
          "| trace size | events |")
    print("|---|---|---|---|---|---|---|---|")
    for l in levels:
        p, f = med[(l, "plain@trace")], med[(l, "file")]
        ev = sizes.get((l, "events"))
        print(f"| -Copt-level={l} | trace file | {args.trace_iterations} | {p:.3f} | {f:.3f} | "
              f"{f / p if p else float('inf'):.1f}× | {human(sizes.get(l, 0))} | "
              f"{ev if ev is not None else '?'} |")
        p, c = med[(l, "plain@check")], med[(l, "check")]
        nf = sizes.get((l, "check-findings"), 0)
        print(f"| -Copt-level={l} | check | {args.iterations} | {p:.3f} | {c:.3f} | "
              f"{c / p if p else float('inf'):.1f}× | — | {nf} finding(s) |")
    if counts:
        print()
        print(f"Instructions (callgrind), {args.callgrind_iterations} iterations:")
        print()
        print("| level | plain | trace file | ratio | check | ratio |")
        print("|---|---|---|---|---|---|")
        for l in levels:
            p, f, c = counts[(l, "plain")], counts[(l, "file")], counts[(l, "check")]
            print(f"| -Copt-level={l} | {p:,} | {f:,} | {f / p:.1f}× | {c:,} | {c / p:.1f}× |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
