#!/usr/bin/env python3
"""Check mode and `borrowscope check` give the same findings: every program
of test/check/corpus (or the ones named) is built with borrowscope-clang at
-O0 and -O2 and run twice:

  BORROWSCOPE_MODE=both   one run writes the trace and checks in the
                          process: its report must list exactly the lines
                          `borrowscope check` prints for its trace;
  BORROWSCOPE_MODE=check  a run that writes no trace: the same lines again.

  same_findings.py --build DIR [--jobs N] [--levels O0,O2] [PROGRAM ...]

Exit status: 0 identical everywhere, 1 a difference (each is printed),
2 a program that does not build or run.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "check", "corpus")


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORROWSCOPE")}
    return env


def report_lines(path):
    """The finding lines of a check-mode report (without its summary)."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", errors="replace") as f:
        return [l.rstrip("\n") for l in f if not l.startswith("borrowscope: ")]


def one(build, source, level, work):
    name = os.path.basename(source)
    cxx = not name.endswith(".c")
    wrapper = os.path.join(build, "bin", "borrowscope-clang++" if cxx else "borrowscope-clang")
    tool = os.path.join(build, "bin", "borrowscope")
    exe = os.path.join(work, f"{name}.{level}")
    std = "-std=c++20" if cxx else "-std=c11"
    r = subprocess.run([wrapper, std, f"-{level}", "-pthread", "-w", source, "-o", exe],
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        return (name, level, "error", f"does not build:\n{r.stderr}")
    trace, both_log, check_log = exe + ".trace", exe + ".both.log", exe + ".check.log"
    for mode, log, out in (("both", both_log, trace), ("check", check_log, None)):
        env = clean_env()
        env["BORROWSCOPE_MODE"] = mode
        env["BORROWSCOPE_LOG"] = log
        if out:
            env["BORROWSCOPE_OUTPUT"] = out
        r = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            return (name, level, "error", f"exits {r.returncode} in {mode} mode:\n{r.stderr}")
    r = subprocess.run([tool, "check", trace], capture_output=True, text=True, timeout=120)
    if r.returncode not in (0, 1):
        return (name, level, "error", f"borrowscope check fails:\n{r.stderr}")
    expected = r.stdout.splitlines()
    problems = []
    for mode, log in (("both", both_log), ("check", check_log)):
        got = report_lines(log)
        if got != expected:
            problems.append(f"BORROWSCOPE_MODE={mode} reports\n  " + "\n  ".join(got or ["(nothing)"])
                            + "\nborrowscope check reports\n  " + "\n  ".join(expected or ["(nothing)"]))
    if problems:
        return (name, level, "differ", "\n".join(problems))
    return (name, level, "same", len(expected))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--levels", default="O0,O2")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    names = args.programs or sorted(n for n in os.listdir(CORPUS) if n.endswith((".c", ".cpp")))
    sources = [p if os.path.isabs(p) else os.path.join(CORPUS, os.path.basename(p)) for p in names]
    levels = args.levels.split(",")
    results = []
    with tempfile.TemporaryDirectory(prefix="borrowscope-checkmode-") as work:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            jobs = [pool.submit(one, build, s, l, work) for s in sources for l in levels]
            for j in jobs:
                results.append(j.result())
    same = [r for r in results if r[2] == "same"]
    findings = sum(r[3] for r in same)
    for name, level, status, detail in results:
        if status != "same":
            print(f"{status.upper()}: {name} -{level}: {detail}")
    print(f"{len(same)} of {len(results)} runs ({len(sources)} programs at "
          f"{', '.join('-' + l for l in levels)}) give the same findings in check mode "
          f"as borrowscope check ({findings} finding lines)")
    if any(r[2] == "error" for r in results):
        return 2
    return 0 if len(same) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
