#!/usr/bin/env python3
"""Check mode's cost: the programs of bench/programs/ built plain, with
AddressSanitizer and with BorrowScope at -O2, run plain, under ASan, and in
check mode (BORROWSCOPE_MODE=check: the checker on its own thread, and with
BORROWSCOPE_CHECK_THREAD=0 inline in the slow path), for slowdown ratios and
peak memory; and check mode's peak memory at two scales (a tenth and all of
the run), which stays the same when memory follows live state rather than
run length.

  python3 bench/check_mode.py --build build [--runs 3] [--scale 100]
                              [--markdown] [PROGRAM ...]

CPU time is user + sys of the child and all its threads (the checker
thread's included); wall time is also given, since the checker thread runs
beside the program on another core. Medians over --runs rounds, each round
running the variants in a rotating order. Every variant's output must equal
the plain one's. Findings in the benchmarks are reported by the programs'
check mode on stderr; their count is listed.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = ["tokenizer.c", "sort.cpp", "strings.cpp", "interp.c", "graph.cpp", "nbody.c",
            "hashtable.c"]
VARIANTS = ["plain", "asan", "check", "check-inline"]


def env_with(**kv):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BORROWSCOPE", "ASAN"))}
    env.update(kv)
    return env


def run(argv, env):
    """CPU seconds (user + sys), wall seconds, peak RSS in MB, stdout, stderr."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = b"", b""
    # communicate() reaps the child itself; wait4 gives its usage.
    import threading
    chunks = {}

    def drain(name, stream):
        chunks[name] = stream.read()
    threads = [threading.Thread(target=drain, args=(n, s)) for n, s in
               (("out", p.stdout), ("err", p.stderr))]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    for t in threads:
        t.join()
    out, err = chunks["out"], chunks["err"]
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"check_mode.py: {' '.join(argv)} failed:\n{err.decode(errors='replace')}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, out, err


def build(prog, build_dir, work):
    c = prog.endswith(".c")
    cache = open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8").read()
    def cache_value(name):
        for line in cache.splitlines():
            if line.startswith(name + ":"):
                return line.split("=", 1)[1]
        sys.exit(f"check_mode.py: {name} not in the CMake cache")
    clang = cache_value("BORROWSCOPE_CLANG" if c else "BORROWSCOPE_CLANGXX")
    wrapper = os.path.join(build_dir, "bin", "borrowscope-clang" if c else "borrowscope-clang++")
    src = os.path.join(HERE, "programs", prog)
    stem = os.path.join(work, os.path.splitext(prog)[0])
    libs = ["-lm"] if c else []
    exes = {"plain": stem + ".plain", "asan": stem + ".asan", "instr": stem + ".instr"}
    for key, cmd in (("plain", [clang]), ("asan", [clang, "-fsanitize=address"]),
                     ("instr", [wrapper])):
        r = subprocess.run(cmd + ["-O2", src, "-o", exes[key]] + libs, env=env_with(),
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"check_mode.py: cannot build {prog} ({key}):\n{r.stderr}")
    return exes


def variants(exes, scale):
    return {
        "plain": ([exes["plain"], str(scale)], env_with()),
        "asan": ([exes["asan"], str(scale)], env_with(ASAN_OPTIONS="detect_leaks=0")),
        "check": ([exes["instr"], str(scale)], env_with(BORROWSCOPE_MODE="check")),
        "check-inline": ([exes["instr"], str(scale)],
                         env_with(BORROWSCOPE_MODE="check", BORROWSCOPE_CHECK_THREAD="0")),
    }


def findings(stderr):
    for line in stderr.decode(errors="replace").splitlines():
        if line.startswith("borrowscope: ") and " finding" in line:
            return int(line.split()[1])
    return 0


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    build_dir = os.path.abspath(args.build)
    rows = []
    with tempfile.TemporaryDirectory(prefix="borrowscope-check-bench-") as work:
        for prog in args.programs or PROGRAMS:
            exes = build(prog, build_dir, work)
            v = variants(exes, args.scale)
            times = {k: [] for k in v}
            walls = {k: [] for k in v}
            rss = {k: [] for k in v}
            expected = run(*v["plain"])[3]
            found = 0
            for r in range(args.runs):
                order = VARIANTS[r % len(VARIANTS):] + VARIANTS[:r % len(VARIANTS)]
                for k in order:
                    cpu, wall, mem, out, err = run(*v[k])
                    if out != expected:
                        sys.exit(f"check_mode.py: {prog} prints something else under {k}")
                    times[k].append(cpu)
                    walls[k].append(wall)
                    rss[k].append(mem)
                    if k == "check":
                        found = findings(err)
            small = run([exes["instr"], str(max(1, args.scale // 10))],
                        env_with(BORROWSCOPE_MODE="check"))[2]
            med = {k: statistics.median(times[k]) for k in v}
            wmed = {k: statistics.median(walls[k]) for k in v}
            row = {"program": prog, "plain_s": med["plain"],
                   "asan_x": med["asan"] / med["plain"],
                   "check_x": med["check"] / med["plain"],
                   "check_wall_x": wmed["check"] / wmed["plain"],
                   "inline_x": med["check-inline"] / med["plain"],
                   "rss_plain": statistics.median(rss["plain"]),
                   "rss_asan": statistics.median(rss["asan"]),
                   "rss_check": statistics.median(rss["check"]),
                   "rss_check_small": small, "findings": found}
            row["vs_asan"] = row["check_x"] / row["asan_x"]
            rows.append(row)
            print(f"{prog}: plain {row['plain_s']:.2f} s, asan {row['asan_x']:.2f}x, "
                  f"check {row['check_x']:.2f}x (wall {row['check_wall_x']:.2f}x), "
                  f"inline {row['inline_x']:.2f}x; RSS MB plain {row['rss_plain']:.0f}, "
                  f"asan {row['rss_asan']:.0f}, check {row['rss_check']:.0f} "
                  f"(at a tenth of the run {row['rss_check_small']:.0f}); "
                  f"{found} findings", file=sys.stderr, flush=True)
    g = {k: geomean([r[k] for r in rows]) for k in ("asan_x", "check_x", "check_wall_x", "inline_x", "vs_asan")}
    if args.markdown:
        print("| program | plain CPU s | ASan | check (CPU) | check (wall) | check inline | check / ASan | RSS MB plain / ASan / check | check RSS at 1/10 of the run | findings |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['program']} | {r['plain_s']:.2f} | {r['asan_x']:.2f}× | {r['check_x']:.2f}× | "
                  f"{r['check_wall_x']:.2f}× | {r['inline_x']:.2f}× | {r['vs_asan']:.2f} | "
                  f"{r['rss_plain']:.0f} / {r['rss_asan']:.0f} / {r['rss_check']:.0f} | "
                  f"{r['rss_check_small']:.0f} | {r['findings']} |")
        print(f"| geometric mean | | {g['asan_x']:.2f}× | {g['check_x']:.2f}× | {g['check_wall_x']:.2f}× | "
              f"{g['inline_x']:.2f}× | {g['vs_asan']:.2f} | | | |")
    else:
        print(f"geometric means: asan {g['asan_x']:.2f}x, check {g['check_x']:.2f}x "
              f"(wall {g['check_wall_x']:.2f}x), inline {g['inline_x']:.2f}x, "
              f"check / asan {g['vs_asan']:.2f}")


if __name__ == "__main__":
    main()
