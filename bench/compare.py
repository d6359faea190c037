#!/usr/bin/env python3
"""Instrumented vs plain: builds the programs in bench/programs/ plain and with
BorrowScope at -O2 and -O0, runs them, and prints slowdown ratios (medians,
geometric means), instruction-count ratios (callgrind) and compile-time ratios.

  python3 bench/compare.py --build build-bench            (about 30 minutes)
  cmake --build build-bench --target bench-compare        (the same)

Variants of each program:
  plain   clang -O2 prog.c                           the baseline
  rec     borrowscope-clang -O2, run with BORROWSCOPE=off: every event is
          recorded into the thread buffers, full buffers are discarded; the
          default clock (BORROWSCOPE_CLOCK=exact: a clock read per group)
  rec-fast  the same with BORROWSCOPE_CLOCK=fast (one clock read serves the
          thread's next 15 groups, until a call that may block)
  trace   borrowscope-clang -O2, run with the trace written (to /dev/null:
          these programs record 10^7..10^9 events, 2..250 GB of JSON)

Times are CPU seconds (user + sys, from getrusage) of the child: on a shared
machine they move less than wall time. Each round runs every variant once,
in a rotating order, so slow spells hit all variants alike; the tables give
medians over rounds. The instrumented programs' output must equal the plain
one's, or the script fails.

Compile times: `-c` of each program, median of --compile-runs:
  wrapper  borrowscope-clang -O2 -c  vs  clang -O2 -c   (what users see; includes -g)
  plugin   the wrapper's flags with vs without -fpass-plugin (the pass alone)
"""
import argparse
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = ["tokenizer.c", "sort.cpp", "strings.cpp", "interp.c", "graph.cpp", "nbody.c"]
# What the wrappers add besides the plugin (tools/wrappers/borrowscope-cc.in).
WRAPPER_FLAGS = ["-g", "-Xclang", "-fsanitize-address-use-after-scope",
                 "-Xclang", "-fexperimental-assignment-tracking=disabled"]
TARGETS = {"rec_O2": 1.5, "rec_O0": 1.2, "compile_O2": 1.1}
RECORDING = ("rec", "rec-fast")  # the variants the slowdown targets apply to


def cache_value(build, name):
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(name + ":"):
                return line.split("=", 1)[1].strip()
    sys.exit(f"compare.py: {name} not in {build}/CMakeCache.txt")


def children_cpu():
    """CPU seconds (user + sys) of all reaped children so far. getrusage, not
    os.times(): times() counts in clock ticks (10 ms), as much as a compile of
    a C file takes."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(argv, env=None):
    """CPU seconds (user+sys) of one child, wall seconds, exit status, stdout,
    stderr. The child is reaped before the children's usage is read again, so
    it grew by exactly the child's own."""
    before = children_cpu()
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    wall, status = time.perf_counter() - start, p.returncode
    return children_cpu() - before, wall, status, out, err


def compile_cmd(compiler, level, src, out, extra=(), link=True):
    cmd = [compiler, level, "-Wall", "-Wextra"] + list(extra) + [src, "-o", out]
    if not link:
        cmd.insert(1, "-c")
    elif src.endswith(".c"):
        cmd.append("-lm")
    return cmd


def check(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0 or res.stderr.strip():
        sys.exit(f"compare.py: {' '.join(cmd)}\n{res.stderr}")


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def geomean(xs):
    xs = [x for x in xs if x and x > 0 and not math.isnan(x)]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def env_with(**kv):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORROWSCOPE")}
    env.update(kv)
    return env


def callgrind_ir(argv, env):
    res = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
                         + argv, env=env, capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if res.returncode != 0 or not m:
        sys.exit(f"compare.py: callgrind failed on {' '.join(argv)}\n{res.stderr[-2000:]}")
    return int(m.group(1)), res.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build-bench", help="a Release build directory")
    ap.add_argument("--runs", type=int, default=5,
                    help="rounds of plain, rec and rec-fast runs")
    ap.add_argument("--trace-runs", type=int, default=1,
                    help="rounds that also run the trace variant (0: none)")
    ap.add_argument("--compile-runs", type=int, default=5)
    ap.add_argument("--levels", default="-O2,-O0")
    ap.add_argument("--programs", default=",".join(PROGRAMS))
    ap.add_argument("--scale", type=int, default=100, help="problem size, percent")
    ap.add_argument("--callgrind-scale", type=int, default=5,
                    help="problem size under callgrind, percent (0: skip callgrind)")
    args = ap.parse_args()

    build = os.path.abspath(args.build)
    clang = {"c": cache_value(build, "BORROWSCOPE_CLANG"),
             "cpp": cache_value(build, "BORROWSCOPE_CLANGXX")}
    wrapper = {"c": os.path.join(build, "bin", "borrowscope-clang"),
               "cpp": os.path.join(build, "bin", "borrowscope-clang++")}
    plugin = os.path.join(build, "lib", "libBorrowScope.so")
    for path in list(wrapper.values()) + [plugin]:
        if not os.path.exists(path):
            sys.exit(f"compare.py: {path} is missing; build first")
    if args.callgrind_scale and not shutil.which("valgrind"):
        sys.exit("compare.py: valgrind is not installed (or use --callgrind-scale 0)")
    work = os.path.join(build, "bench-compare")
    os.makedirs(work, exist_ok=True)
    levels = args.levels.split(",")
    programs = args.programs.split(",")

    rows = []
    for level in levels:
        for prog in programs:
            src = os.path.join(HERE, "programs", prog)
            lang = "c" if prog.endswith(".c") else "cpp"
            stem = os.path.splitext(prog)[0] + level
            plain_exe = os.path.join(work, stem + ".plain")
            instr_exe = os.path.join(work, stem + ".instr")
            check(compile_cmd(clang[lang], level, src, plain_exe))
            check(compile_cmd(wrapper[lang], level, src, instr_exe))

            # Compile time, interleaved: plain, wrapper, wrapper flags without plugin.
            obj = os.path.join(work, stem + ".o")
            ccmds = {
                "plain": compile_cmd(clang[lang], level, src, obj, link=False),
                "wrapper": compile_cmd(wrapper[lang], level, src, obj, link=False),
                "flags": compile_cmd(clang[lang], level, src, obj, WRAPPER_FLAGS, link=False),
                "plugin": compile_cmd(clang[lang], level, src, obj,
                                      WRAPPER_FLAGS + ["-fpass-plugin=" + plugin], link=False),
            }
            ctimes = {k: [] for k in ccmds}
            for r in range(args.compile_runs):
                keys = list(ccmds)
                keys = keys[r % len(keys):] + keys[:r % len(keys)]
                for k in keys:
                    cpu, _, status, _, err = timed(ccmds[k])
                    if status != 0:
                        sys.exit(f"compare.py: compile failed: {err.decode()}")
                    ctimes[k].append(cpu)

            # Run time, interleaved rounds.
            variants = {
                "plain": ([plain_exe, str(args.scale)], env_with()),
                "rec": ([instr_exe, str(args.scale)], env_with(BORROWSCOPE="off")),
                "rec-fast": ([instr_exe, str(args.scale)],
                             env_with(BORROWSCOPE="off", BORROWSCOPE_CLOCK="fast")),
                "trace": ([instr_exe, str(args.scale)],
                          env_with(BORROWSCOPE_OUTPUT="/dev/null", BORROWSCOPE_VERBOSE="1")),
            }
            times = {k: [] for k in variants}
            expected = None
            events = None
            for r in range(args.runs):
                keys = ["plain", "rec", "rec-fast"] + (["trace"] if r < args.trace_runs else [])
                keys = keys[r % len(keys):] + keys[:r % len(keys)]
                for k in keys:
                    argv, env = variants[k]
                    cpu, _, status, out, err = timed(argv, env)
                    if status != 0:
                        sys.exit(f"compare.py: {k} {stem} exited {status}: {err.decode()[-500:]}")
                    if expected is None and k == "plain":
                        expected = out
                    if k != "plain" and expected is not None and out != expected:
                        sys.exit(f"compare.py: {stem} ({k}) printed\n{out.decode()}"
                                 f"instead of\n{expected.decode()}")
                    if k == "trace":
                        m = re.search(rb"wrote (\d+) events", err)
                        events = int(m.group(1)) if m else None
                    times[k].append(cpu)
            if expected is None:
                sys.exit("compare.py: no plain run")

            ir = {}
            if args.callgrind_scale:
                for k in ("plain",) + RECORDING:
                    argv, env = variants[k]
                    ir[k], _ = callgrind_ir([argv[0], str(args.callgrind_scale)], env)

            row = {
                "program": prog, "level": level,
                "plain": median(times["plain"]), "rec": median(times["rec"]),
                "rec-fast": median(times["rec-fast"]),
                "trace": median(times["trace"]), "events": events,
                "ir_plain": ir.get("plain"), "ir_rec": ir.get("rec"),
                "ir_rec-fast": ir.get("rec-fast"),
                "c_plain": median(ctimes["plain"]), "c_wrapper": median(ctimes["wrapper"]),
                "c_flags": median(ctimes["flags"]), "c_plugin": median(ctimes["plugin"]),
                "output": expected.decode().strip().splitlines()[-1],
            }
            rows.append(row)
            print(f"# {prog} {level}: plain {row['plain']:.3f}s rec {row['rec']:.3f}s "
                  f"rec-fast {row['rec-fast']:.3f}s trace {row['trace']:.3f}s events {events}",
                  file=sys.stderr, flush=True)

    report(rows, levels, args)
    return 0


def fmt(x, spec):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def report(rows, levels, args):
    print(f"\nInstrumented vs plain: medians of {args.runs} rounds (trace: {args.trace_runs}), "
          f"CPU seconds, scale {args.scale}%; callgrind at {args.callgrind_scale}%; "
          f"compile: median of {args.compile_runs}.\n")
    print("| program | level | plain s | rec s | rec × | rec-fast s | rec-fast × | trace s | "
          "trace × | events | ns/event rec / rec-fast | Ir × rec / rec-fast | "
          "compile × wrapper | compile × plugin |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    summary = {}
    keys = ("rec_x", "rec-fast_x", "trace_x", "ir_rec_x", "ir_rec-fast_x", "cw_x", "cp_x")
    for level in levels:
        sel = [r for r in rows if r["level"] == level]
        for r in sel:
            ns = {}
            for v in RECORDING:
                r[f"{v}_x"] = r[v] / r["plain"]
                r[f"ir_{v}_x"] = (r[f"ir_{v}"] / r["ir_plain"] if r["ir_plain"]
                                 else float("nan"))
                ns[v] = ((r[v] - r["plain"]) * 1e9 / r["events"] if r["events"]
                         else float("nan"))
            r["trace_x"] = r["trace"] / r["plain"] if not math.isnan(r["trace"]) else float("nan")
            r["cw_x"] = r["c_wrapper"] / r["c_plain"]
            r["cp_x"] = r["c_plugin"] / r["c_flags"]
            print(f"| {r['program']} | {level} | {r['plain']:.3f} | {r['rec']:.3f} | "
                  f"{r['rec_x']:.2f} | {r['rec-fast']:.3f} | {r['rec-fast_x']:.2f} | "
                  f"{fmt(r['trace'], '.2f')} | {fmt(r['trace_x'], '.1f')} | "
                  f"{fmt(r['events'], ',')} | {fmt(ns['rec'], '.2f')} / {fmt(ns['rec-fast'], '.2f')} | "
                  f"{fmt(r['ir_rec_x'], '.2f')} / {fmt(r['ir_rec-fast_x'], '.2f')} | "
                  f"{r['cw_x']:.2f} | {r['cp_x']:.2f} |")
        g = {k: geomean([r[k] for r in sel]) for k in keys}
        summary[level] = g
        print(f"| **geomean** | {level} | | | **{g['rec_x']:.2f}** | | **{g['rec-fast_x']:.2f}** "
              f"| | **{fmt(g['trace_x'], '.1f')}** | | "
              f"| **{fmt(g['ir_rec_x'], '.2f')} / {fmt(g['ir_rec-fast_x'], '.2f')}** "
              f"| **{g['cw_x']:.2f}** | **{g['cp_x']:.2f}** |")
    print()
    for level in levels:
        g = summary[level]
        lv = level.lstrip("-")
        target = TARGETS.get(f"rec_{lv}")
        if target:
            for v in RECORDING:
                x = g[f"{v}_x"]
                verdict = "met" if x <= target else "MISSED"
                print(f"{level}: recording slowdown geomean, {v}: {x:.2f}x "
                      f"(target <= {target}x: {verdict}); "
                      f"instructions {fmt(g[f'ir_{v}_x'], '.2f')}x")
            print(f"{level}: with the trace written: {fmt(g['trace_x'], '.1f')}x")
        ct = TARGETS.get(f"compile_{lv}")
        if ct:
            for key, name in (("cw_x", "wrapper vs plain clang"), ("cp_x", "plugin alone")):
                verdict = "met" if g[key] <= ct else "MISSED"
                print(f"{level}: compile time {name} {g[key]:.2f}x (target <= {ct}x: {verdict})")
        else:
            print(f"{level}: compile time wrapper vs plain clang {g['cw_x']:.2f}x, "
                  f"plugin alone {g['cp_x']:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
