#!/usr/bin/env python3
"""Compile time of one huge function: bench/gen_huge.py's program with 500,
1 000 and 2 000 locals (and as many calls), `clang -O2 -c` plain against
the plugin, so that the growth with the function's size shows.

  python3 bench/compile_huge.py --build build-bench            (about 12 minutes)
  python3 bench/compile_huge.py --build build-bench --quick    (250, 500, 1 000; one run)

Per size, the four compiles of compare.py, in rotating rounds, median of
--runs CPU times: plain `clang`, `borrowscope-clang` (wrapper), the wrapper's
flags without and with -fpass-plugin (plugin alone). Prints a markdown table
headed with the command, date and commit.
"""
import argparse
import os
import re
import subprocess
import sys

import compare


def sources(sizes, work):
    """Generates the program for each number of locals; size -> path."""
    paths = {}
    for n in sizes:
        paths[n] = os.path.join(work, f"huge-{n}.c")
        subprocess.run([sys.executable] + compare.GENERATED["huge.c"](n) + ["-o", paths[n]],
                       check=True)
    return paths


def commands(src, level, obj, clang, wrapper, plugin):
    """The four compiles of compare.py's compile-time columns."""
    flags = compare.WRAPPER_FLAGS
    return {
        "plain": compare.compile_cmd(clang, level, src, obj + ".plain.o", link=False),
        "wrapper": compare.compile_cmd(wrapper, level, src, obj + ".wrapper.o", link=False),
        "flags": compare.compile_cmd(clang, level, src, obj + ".flags.o", flags, link=False),
        "plugin": compare.compile_cmd(clang, level, src, obj + ".plugin.o",
                                      flags + ["-fpass-plugin=" + plugin], link=False),
    }


def call_sites(src):
    """The generator's own count, from the file's first comment."""
    with open(src, encoding="utf-8") as f:
        head = f.read(400)
    m = re.search(r"(\d+) locals and (\d+) call sites", head)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build-bench")
    ap.add_argument("--quick", action="store_true", help="sizes 250,500,1000, one run")
    ap.add_argument("--sizes", help="numbers of locals (default 500,1000,2000)")
    ap.add_argument("--runs", type=int, help="compiles of each kind per size (default 3)")
    ap.add_argument("--levels", default="-O2")
    args = ap.parse_args()
    sizes = [int(s) for s in (args.sizes or ("250,500,1000" if args.quick else
                                             "500,1000,2000")).split(",")]
    runs = args.runs or (1 if args.quick else 3)

    build = os.path.abspath(args.build)
    clang = compare.cache_value(build, "BORROWSCOPE_CLANG")
    wrapper = os.path.join(build, "bin", "borrowscope-clang")
    plugin = os.path.join(build, "lib", "libBorrowScope.so")
    work = os.path.join(build, "bench-compile-huge")
    os.makedirs(work, exist_ok=True)
    prov = compare.provenance(clang)
    paths = sources(sizes, work)

    print(f"`{prov['command']}`, {prov['date']}, commit {prov['commit']}; {prov['machine']}; "
          f"load average {prov['load']} at the start; CPU seconds, median of {runs}.\n")
    print("| level | locals | call sites | plain s | wrapper s | wrapper × | plugin alone × "
          "| wrapper time growth vs the previous size |")
    print("|---|---|---|---|---|---|---|---|")
    for level in args.levels.split(","):
        previous = None
        for n in sizes:
            cmds = commands(paths[n], level, os.path.join(work, f"huge-{n}{level}"),
                            clang, wrapper, plugin)
            t, _ = compare.compile_times(cmds, runs, float("inf"))
            locals_, calls = call_sites(paths[n])
            growth = f"{t['wrapper'] / previous:.2f}×" if previous else ""
            print(f"| {level} | {locals_:,} | {calls:,} | {t['plain']:.2f} | {t['wrapper']:.2f} | "
                  f"{t['wrapper'] / t['plain']:.1f} | {t['plugin'] / t['flags']:.1f} | {growth} |",
                  flush=True)
            previous = t["wrapper"]
    print(f"\nload average {'%.2f %.2f %.2f' % os.getloadavg()} at the end; "
          "target for the plugin: <= 2x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
