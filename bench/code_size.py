#!/usr/bin/env python3
"""Code size and compile time of the programs in bench/programs/: `.text` of
the object and CPU seconds of `-c`, plain clang against the wrappers
(borrowscope-clang) of one or more builds, e.g. this one and an older
commit's, to see what a change to the pass or the hot path costs.

  python3 bench/code_size.py --build build-bench
  python3 bench/code_size.py --build build-bench --baseline /tmp/old-build

Compiles are interleaved in a rotating order, --runs times each; the table
gives medians. Compile times of the small C programs are 30 to 80 ms, so
expect a few percent of noise in their ratios. huge.c is generated into the
work directory (bench/gen_huge.py); instrumented, it compiles for minutes:
--programs without it, or --huge-locals 500, for a quick look.
"""
import argparse
import math
import os
import statistics
import sys

import compare


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build-bench")
    ap.add_argument("--baseline", action="append", default=[],
                    help="another build directory whose wrappers to compare")
    ap.add_argument("--levels", default="-O2,-O0")
    ap.add_argument("--programs", default=",".join(compare.PROGRAMS))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--huge-locals", type=int, default=2000,
                    help="locals of the generated huge.c (its instrumented compile: 90 s)")
    args = ap.parse_args()

    build = os.path.abspath(args.build)
    clang = {"c": compare.cache_value(build, "BORROWSCOPE_CLANG"),
             "cpp": compare.cache_value(build, "BORROWSCOPE_CLANGXX")}
    builds = [os.path.abspath(b) for b in args.baseline] + [build]
    names = [os.path.basename(b) for b in builds]
    work = os.path.join(build, "bench-code-size")
    os.makedirs(work, exist_ok=True)

    print("| program | level | plain .text | " +
          " | ".join(f"{n} .text (×)" for n in names) + " | plain compile s | " +
          " | ".join(f"{n} compile ×" for n in names) + " |")
    print("|---" * (4 + 2 * len(builds)) + "|")
    for level in args.levels.split(","):
        size_x = {n: [] for n in names}
        time_x = {n: [] for n in names}
        for prog in args.programs.split(","):
            src = compare.source_of(prog, work, args.huge_locals)
            lang = "c" if prog.endswith(".c") else "cpp"
            wrapper = "borrowscope-clang" if lang == "c" else "borrowscope-clang++"
            compilers = {"plain": clang[lang]}
            for n, b in zip(names, builds):
                compilers[n] = os.path.join(b, "bin", wrapper)
            times = {k: [] for k in compilers}
            sizes = {}
            keys = list(compilers)
            for r in range(args.runs):
                for k in keys[r % len(keys):] + keys[:r % len(keys)]:
                    obj = os.path.join(work, f"{prog}{level}.{keys.index(k)}.o")
                    cmd = compare.compile_cmd(compilers[k], level, src, obj, link=False)
                    cpu, _, status, _, err = compare.timed(cmd)
                    if status != 0:
                        sys.exit(f"code_size.py: {' '.join(cmd)}\n{err.decode()}")
                    times[k].append(cpu)
                    sizes[k] = compare.text_bytes(obj)
            t = {k: statistics.median(v) for k, v in times.items()}
            for n in names:
                size_x[n].append(sizes[n] / sizes["plain"])
                time_x[n].append(t[n] / t["plain"])
            print(f"| {prog} | {level} | {sizes['plain']:,} | " +
                  " | ".join(f"{sizes[n]:,} ({sizes[n] / sizes['plain']:.1f})" for n in names) +
                  f" | {t['plain']:.3f} | " +
                  " | ".join(f"{t[n] / t['plain']:.2f}" for n in names) + " |", flush=True)
        print(f"| **geomean** | {level} | | " +
              " | ".join(f"**{geomean(size_x[n]):.2f}×**" for n in names) + " | | " +
              " | ".join(f"**{geomean(time_x[n]):.2f}**" for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
