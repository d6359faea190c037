#!/usr/bin/env python3
"""Scores BorrowScope's `check` (and, for comparison, AddressSanitizer,
clang-tidy and clang's lifetime warnings) on the programs of
test/check/corpus.

Every program is a small C or C++ program. A bug program carries exactly one
`// EXPECT: <kind>` comment (kind: dangling_borrow, borrow_conflict,
use_after_move) at the end of the line where a borrow checker should report
it, and optionally `// USE: <kind>` on the lines where the bad access
happens. A correct program has no EXPECT line. See test/check/README.md.

  score.py [--build DIR] [--tools LIST] [--jobs N] [--levels O0,O2]
           [--json FILE] [--min-precision X] [--min-recall Y] [--verbose]
           [PROGRAM ...]

BorrowScope is scored line-exactly (a finding is a true positive when its
kind and line match an EXPECT line, every other finding is a false positive,
an unmatched EXPECT is a false negative) and per program. The other tools
are scored per program: a bug program is found when the tool reports
anything in it, any report in a correct program is a false positive.

Exit status: 0 fine, 1 a --min-precision/--min-recall threshold was missed,
2 script errors (a program that does not compile, exits non-zero or crashes
in a plain build, a run of an instrumented program that fails, a
`borrowscope check` error, a malformed annotation).
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = ["dangling_borrow", "borrow_conflict", "use_after_move"]
ALL_TOOLS = ["borrowscope", "asan", "asan-O0", "clang-tidy", "clang", "clang22"]
RUN_TIMEOUT = 60
COMPILE_TIMEOUT = 300

# clang-tidy checks and the kind each one's reports are filed under.
TIDY_CHECKS = {
    "bugprone-use-after-move": "use_after_move",
    "clang-analyzer-cplusplus.Move": "use_after_move",
    "bugprone-dangling-handle": "dangling_borrow",
    "clang-analyzer-core.StackAddressEscape": "dangling_borrow",
    "clang-analyzer-cplusplus.InnerPointer": "dangling_borrow",
}
# clang-19 warning flags of the lifetime family (the ones that exist are used).
CLANG_FLAGS = ["-Wdangling", "-Wreturn-stack-address", "-Wdangling-gsl", "-Wdangling-field",
               "-Wdangling-initializer-list", "-Wdangling-assignment",
               "-Wdangling-assignment-gsl", "-Wdangling-capture", "-Wreturn-local-addr"]
CLANG_WARNING = re.compile(r"dangling(?!-else)|return-stack-address|return-local-addr")
CLANG22_FLAGS = ["-Xclang", "-fexperimental-lifetime-safety", "-Wexperimental-lifetime-safety"]
CLANG22_WARNING = re.compile(r"lifetime-safety")
ASAN_FLAGS = ["-fsanitize=address", "-fsanitize-address-use-after-scope",
              "-fsanitize-recover=address", "-g"]
ASAN_OPTIONS = ("detect_stack_use_after_return=1:halt_on_error=0:detect_leaks=0:"
                "abort_on_error=0:exitcode=0:symbolize=1")
DIAG = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): warning: (?P<msg>.*?)"
                  r"\s*\[(?P<flag>[^\]]+)\]\s*$")


class Program:
    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.name = os.path.basename(path)
        self.is_cxx = not self.name.endswith(".c")
        self.expects = []  # (kind, line)
        self.uses = []
        self.errors = []
        with open(self.path, encoding="utf-8") as f:
            for number, text in enumerate(f, 1):
                for tag, target in (("EXPECT", self.expects), ("USE", self.uses)):
                    for m in re.finditer(r"//\s*%s:\s*(\w+)" % tag, text):
                        if m.group(1) not in KINDS:
                            self.errors.append(f"{self.name}:{number}: unknown kind '{m.group(1)}'")
                        target.append((m.group(1), number))

    @property
    def kinds(self):
        """The kinds of the program's bugs (empty for a correct program)."""
        return sorted({k for k, _ in self.expects})

    @property
    def kind(self):
        """The kind of the program's bug ("a+b" for several), None if correct."""
        return "+".join(self.kinds) or None

    def std(self):
        return "-std=c++20" if self.is_cxx else "-std=c11"


def run(cmd, env=None, timeout=RUN_TIMEOUT, cwd=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", env=env,
                           timeout=timeout, cwd=cwd)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", f"timed out after {timeout}s: {' '.join(cmd)}"
    except OSError as e:
        return "oserror", "", str(e)


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BORROWSCOPE", "ASAN_"))}
    env.update(extra)
    return env


def describe_rc(rc):
    if isinstance(rc, int) and rc < 0:
        return f"killed by signal {-rc}"
    return f"exit status {rc}"


def same_file(reported, prog):
    return os.path.basename(reported) == prog.name


class Scorer:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.cc = shutil.which(args.cc)
        self.cxx = shutil.which(args.cxx)
        self.build = os.path.abspath(args.build)
        self.bin = os.path.join(self.build, "bin")
        self.skipped = {}
        self.notes = {}

    # ---- tool discovery -------------------------------------------------
    def available(self, tool):
        if tool == "borrowscope":
            need = [os.path.join(self.bin, n) for n in
                    ("borrowscope", "borrowscope-clang", "borrowscope-clang++")]
            missing = [n for n in need if not os.access(n, os.X_OK)]
            return (False, "missing " + ", ".join(missing)) if missing else (True, "")
        if tool in ("asan", "asan-O0"):
            return (True, "") if self.cc and self.cxx else (False, "clang-19 not found")
        if tool == "clang-tidy":
            return (True, "") if shutil.which(self.args.clang_tidy) else \
                (False, f"{self.args.clang_tidy} not found")
        if tool == "clang":
            return (True, "") if self.cc else (False, "clang-19 not found")
        if tool == "clang22":
            return (True, "") if shutil.which(self.args.clang22) else \
                (False, f"{self.args.clang22} not found")
        return False, "unknown tool"

    def supported_flags(self, compiler, flags):
        """The warning flags the compiler knows (unknown ones are dropped)."""
        ok, dropped = [], []
        for flag in flags:
            try:
                p = subprocess.run([compiler, "-x", "c++", "-fsyntax-only",
                                    "-Werror=unknown-warning-option", flag, "-"],
                                   input="int main() { return 0; }\n", capture_output=True,
                                   text=True, timeout=60)
                known = p.returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                known = False
            (ok if known else dropped).append(flag)
        return ok, dropped

    # ---- one program, one tool ------------------------------------------
    def exe(self, prog, tag):
        return os.path.join(self.work, f"{prog.name}.{tag}")

    def plain(self, prog, level):
        compiler = self.cxx if prog.is_cxx else self.cc
        out = self.exe(prog, f"plain.{level}")
        rc, _, err = run([compiler, prog.std(), f"-{level}", "-pthread", "-w", prog.path, "-o", out],
                         timeout=COMPILE_TIMEOUT)
        if rc != 0:
            return {"error": f"plain {level} compile failed ({describe_rc(rc)}): {err.strip()[-800:]}"}
        rc, stdout, err = run([out], env=clean_env())
        if rc != 0:
            return {"error": f"plain {level} run failed ({describe_rc(rc)}): {err.strip()[-400:]}",
                    "stdout": stdout}
        return {"stdout": stdout}

    def borrowscope(self, prog, level):
        wrapper = os.path.join(self.bin, "borrowscope-clang++" if prog.is_cxx else "borrowscope-clang")
        out = self.exe(prog, f"bs.{level}")
        trace = out + ".trace"
        rc, _, err = run([wrapper, prog.std(), f"-{level}", "-pthread", "-w", prog.path, "-o", out],
                         timeout=COMPILE_TIMEOUT)
        if rc != 0:
            return {"error": f"borrowscope {level} compile failed ({describe_rc(rc)}): "
                             f"{err.strip()[-800:]}"}
        rc, stdout, err = run([out], env=clean_env(BORROWSCOPE_OUTPUT=trace))
        if rc != 0:
            return {"error": f"instrumented {level} run failed ({describe_rc(rc)}): "
                             f"{err.strip()[-400:]}"}
        rc, cout, cerr = run([os.path.join(self.bin, "borrowscope"), "check", "--json", trace],
                             env=clean_env(), timeout=COMPILE_TIMEOUT)
        if rc not in (0, 1):
            return {"error": f"borrowscope check {level} failed ({describe_rc(rc)}): "
                             f"{cerr.strip()[-400:]}"}
        try:
            violations = json.loads(cout)["violations"]
        except (ValueError, KeyError, TypeError) as e:
            return {"error": f"borrowscope check {level}: unreadable JSON ({e})"}
        if bool(violations) != (rc == 1):
            return {"error": f"borrowscope check {level}: exit status {rc} does not match "
                             f"{len(violations)} finding(s)"}
        findings = set()
        for v in violations:
            loc = str(v.get("location", ""))
            parts = loc.rsplit(":", 2)
            try:
                line = int(parts[1])
            except (IndexError, ValueError):
                line = 0
            findings.add((v.get("kind", "?"), parts[0] if parts else loc, line))
        try:
            size = os.path.getsize(trace)
        except OSError:
            size = 0
        if not self.args.keep:
            for f in (out, trace):
                try:
                    os.remove(f)
                except OSError:
                    pass
        return {"findings": sorted(findings), "stdout": stdout, "trace_bytes": size}

    def asan(self, prog, level):
        compiler = self.cxx if prog.is_cxx else self.cc
        out = self.exe(prog, f"asan.{level}")
        rc, _, err = run([compiler, prog.std(), f"-{level}", "-pthread", "-w"] + ASAN_FLAGS +
                         [prog.path, "-o", out], timeout=COMPILE_TIMEOUT)
        if rc != 0:
            return {"error": f"asan compile failed ({describe_rc(rc)}): {err.strip()[-800:]}"}
        rc, _, err = run([out], env=clean_env(ASAN_OPTIONS=ASAN_OPTIONS))
        reports = []
        for m in re.finditer(r"ERROR: AddressSanitizer: ([\w-]+)", err):
            # The first frame of the report that is in the program's file.
            rest = err[m.end():]
            frame = re.search(re.escape(prog.name) + r":(\d+)", rest)
            reports.append({"type": m.group(1), "line": int(frame.group(1)) if frame else 0})
        result = {"reports": reports}
        if rc != 0 and not reports:
            result["error"] = f"asan run failed ({describe_rc(rc)}): {err.strip()[-400:]}"
        return result

    def tidy(self, prog):
        checks = "-*," + ",".join(TIDY_CHECKS)
        rc, out, err = run([self.args.clang_tidy, f"-checks={checks}", prog.path, "--", prog.std(),
                            "-pthread", "-w"], timeout=COMPILE_TIMEOUT)
        reports = []
        for line in (out + "\n" + err).splitlines():
            m = DIAG.match(line)
            if m and same_file(m.group("file"), prog) and m.group("flag") in TIDY_CHECKS:
                reports.append({"line": int(m.group("line")), "check": m.group("flag"),
                                "kind": TIDY_CHECKS[m.group("flag")]})
        result = {"reports": reports}
        if re.search(r"error: .*\[clang-diagnostic-error\]", out + err):
            result["error"] = "clang-tidy: compile error: " + (out + err).strip()[-600:]
        return result

    def clang_warnings(self, prog, compiler, flags, pattern, kind):
        rc, out, err = run([compiler, prog.std(), "-fsyntax-only", "-pthread"] + flags + [prog.path],
                           timeout=COMPILE_TIMEOUT)
        if rc != 0:
            return {"error": f"{os.path.basename(compiler)} -fsyntax-only failed: {err.strip()[-600:]}"}
        reports = []
        for line in err.splitlines():
            m = DIAG.match(line)
            if m and same_file(m.group("file"), prog) and pattern.search(m.group("flag")):
                reports.append({"line": int(m.group("line")), "flag": m.group("flag"), "kind": kind})
        return {"reports": reports}


# ---- scoring ----------------------------------------------------------------
def empty_counts():
    return {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS + ["all"]}


def finish(counts):
    for c in counts.values():
        c["precision"] = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        c["recall"] = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
    return counts


def score_line_exact(programs, results):
    counts = empty_counts()
    for prog in programs:
        if "error" in results.get(prog.name, {"error": 1}):
            continue
        got = {(k, line) for k, f, line in results[prog.name]["findings"] if same_file(f, prog)}
        other = [(k, f, line) for k, f, line in results[prog.name]["findings"]
                 if not same_file(f, prog)]
        want = set(prog.expects)
        for kind, _ in want & got:
            counts[kind]["tp"] += 1
            counts["all"]["tp"] += 1
        for kind, _ in want - got:
            counts[kind]["fn"] += 1
            counts["all"]["fn"] += 1
        for kind, _ in list(got - want) + [(k, line) for k, _, line in other]:
            counts.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0})["fp"] += 1
            counts["all"]["fp"] += 1
    return finish(counts)


def score_programs(programs, reports_of):
    """reports_of(prog) -> list of kinds reported (None: no result)."""
    counts = empty_counts()
    for prog in programs:
        kinds = reports_of(prog)
        if kinds is None:
            continue
        if prog.kinds:
            key = "tp" if kinds else "fn"
            for k in prog.kinds:
                counts[k][key] += 1
            counts["all"][key] += 1
        elif kinds:
            for k in sorted(set(kinds)):
                if k in counts:
                    counts[k]["fp"] += 1
            counts["all"]["fp"] += 1
    return finish(counts)


def asan_kind(report_type):
    if report_type.startswith("stack-use-after"):
        return "dangling_borrow"
    return "other"


def fmt(x):
    return "   -" if x is None else f"{x:4.2f}"


def print_table(rows):
    print(f"{'tool':<28} {'kind':<16} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>5} {'recall':>6}")
    for label, counts in rows:
        for kind in KINDS + ["all"]:
            c = counts[kind]
            print(f"{label:<28} {kind:<16} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} "
                  f"{fmt(c['precision']):>5} {fmt(c['recall']):>6}")
        label = ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="programs (default: all of test/check/corpus)")
    ap.add_argument("--build", default=os.path.join(SOURCE_ROOT, "build"),
                    help="BorrowScope build directory (default: build)")
    ap.add_argument("--tools", default=None,
                    help="comma-separated subset of " + ",".join(ALL_TOOLS) +
                         " (default: all available)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--levels", default="O0,O2", help="BorrowScope optimisation levels")
    ap.add_argument("--json", metavar="FILE", help="write machine-readable results")
    ap.add_argument("--min-precision", type=float, default=None)
    ap.add_argument("--min-recall", type=float, default=None)
    ap.add_argument("--verbose", "-v", action="store_true", help="per-program details")
    ap.add_argument("--keep", metavar="DIR", help="keep binaries and traces in DIR")
    ap.add_argument("--cc", default="clang-19")
    ap.add_argument("--cxx", default="clang++-19")
    ap.add_argument("--clang-tidy", default="clang-tidy-19")
    ap.add_argument("--clang22", default="clang++-22")
    args = ap.parse_args(argv)

    paths = args.programs or sorted(
        os.path.join(CORPUS, n) for n in os.listdir(CORPUS) if n.endswith((".c", ".cpp")))
    programs = [Program(p) for p in paths]
    errors = [e for p in programs for e in p.errors]
    for p in programs:
        if p.name.startswith("ok_") and p.expects:
            errors.append(f"{p.name}: a correct program with EXPECT lines")
        if p.name.startswith("bug_") and not p.expects:
            errors.append(f"{p.name}: a bug program without an EXPECT line")
    levels = [l.strip() for l in args.levels.split(",") if l.strip()]
    for l in levels:
        if not re.fullmatch(r"O[0-3sz]", l):
            ap.error(f"bad level {l}")

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        work = os.path.abspath(args.keep)
    else:
        work = tempfile.mkdtemp(prefix="borrowscope-score-")
    s = Scorer(args, work)

    wanted = ALL_TOOLS if args.tools in (None, "all") else [t.strip() for t in args.tools.split(",") if t.strip()]
    tools = []
    for t in wanted:
        if t not in ALL_TOOLS:
            ap.error(f"unknown tool {t}")
        ok, why = s.available(t)
        if ok:
            tools.append(t)
        else:
            s.skipped[t] = why
    if "borrowscope" not in tools and "borrowscope" in s.skipped:
        errors.append("borrowscope: " + s.skipped["borrowscope"])
    if not s.cc or not s.cxx:
        errors.append(f"plain compilers {args.cc}/{args.cxx} not found")

    clang_flags, clang_dropped = (s.supported_flags(s.cxx, CLANG_FLAGS) if "clang" in tools
                                  else ([], []))
    if clang_dropped:
        s.notes["clang"] = "flags not known to clang-19, dropped: " + " ".join(clang_dropped)
    if "clang22" in tools:
        ok22, bad22 = s.supported_flags(args.clang22, ["-Wexperimental-lifetime-safety"])
        if bad22:
            s.skipped["clang22"] = "-Wexperimental-lifetime-safety unknown to " + args.clang22
            tools.remove("clang22")

    # ---- run everything in parallel ------------------------------------
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for p in programs:
            if s.cc and s.cxx:
                for l in ("O0", "O2"):
                    jobs[pool.submit(s.plain, p, l)] = (p, "plain", l)
            if "borrowscope" in tools:
                for l in levels:
                    jobs[pool.submit(s.borrowscope, p, l)] = (p, "borrowscope", l)
            if "asan" in tools:
                jobs[pool.submit(s.asan, p, "O1")] = (p, "asan", "O1")
            if "asan-O0" in tools:
                jobs[pool.submit(s.asan, p, "O0")] = (p, "asan-O0", "O0")
            if "clang-tidy" in tools:
                jobs[pool.submit(s.tidy, p)] = (p, "clang-tidy", "")
            if "clang" in tools:
                jobs[pool.submit(s.clang_warnings, p, s.cxx if p.is_cxx else s.cc, clang_flags,
                                 CLANG_WARNING, "dangling_borrow")] = (p, "clang", "")
            if "clang22" in tools:
                compiler = args.clang22 if p.is_cxx else re.sub(r"\+\+", "", args.clang22)
                if not shutil.which(compiler):
                    compiler = args.clang22
                jobs[pool.submit(s.clang_warnings, p, compiler, CLANG22_FLAGS, CLANG22_WARNING,
                                 "dangling_borrow")] = (p, "clang22", "")
        results = {}
        done = 0
        for fut in concurrent.futures.as_completed(jobs):
            p, tool, level = jobs[fut]
            try:
                r = fut.result()
            except Exception as e:  # a bug in this script: report, do not hide
                r = {"error": f"{tool} {level}: internal error: {e!r}"}
            results.setdefault(p.name, {})[(tool, level)] = r
            done += 1
            if sys.stderr.isatty():
                print(f"\r{done}/{len(jobs)} runs", end="", file=sys.stderr, flush=True)
        if sys.stderr.isatty():
            print(file=sys.stderr)

    def res(p, tool, level=""):
        return results.get(p.name, {}).get((tool, level), {"error": "not run"})

    for p in programs:
        for (tool, level), r in sorted(results.get(p.name, {}).items()):
            if "error" in r:
                errors.append(f"{p.name}: {r['error']}")
        if s.cc and s.cxx:
            a, b = res(p, "plain", "O0"), res(p, "plain", "O2")
            if "stdout" in a and "stdout" in b and "error" not in a and "error" not in b \
                    and a["stdout"] != b["stdout"]:
                errors.append(f"{p.name}: plain -O0 and -O2 print different output")

    # ---- scores ------------------------------------------------------------
    scores = {}
    rows = []
    level_same = {}
    if "borrowscope" in tools:
        for l in levels:
            per = {p.name: res(p, "borrowscope", l) for p in programs}
            line = score_line_exact(programs, per)
            prog = score_programs(programs, lambda p: None if "error" in per[p.name]
                                  else [k for k, _, _ in per[p.name]["findings"]])
            scores[f"borrowscope-{l}-line"] = line
            scores[f"borrowscope-{l}-program"] = prog
            rows.append((f"borrowscope -{l} (line-exact)", line))
            rows.append((f"borrowscope -{l} (per program)", prog))
        if len(levels) > 1:
            for p in programs:
                sets = [res(p, "borrowscope", l) for l in levels]
                if all("error" not in r for r in sets):
                    level_same[p.name] = all(r["findings"] == sets[0]["findings"] for r in sets)
    for tool, level in (("asan", "O1"), ("asan-O0", "O0")):
        if tool in tools:
            c = score_programs(programs, lambda p: None if "error" in res(p, tool, level) else
                               [asan_kind(r["type"]) for r in res(p, tool, level)["reports"]])
            scores[tool] = c
            rows.append((f"{tool} (-{level}, per program)", c))
    for tool in ("clang-tidy", "clang", "clang22"):
        if tool in tools:
            c = score_programs(programs, lambda p: None if "error" in res(p, tool) else
                               [r["kind"] for r in res(p, tool)["reports"]])
            scores[tool] = c
            rows.append((f"{tool} (per program)", c))

    # ---- report ------------------------------------------------------------
    commit = run(["git", "-C", SOURCE_ROOT, "rev-parse", "--short", "HEAD"])[1].strip() or "?"
    n_kind = {k: sum(1 for p in programs if k in p.kinds) for k in KINDS}
    n_ok = sum(1 for p in programs if not p.kind)
    print(f"BorrowScope corpus score, {datetime.date.today().isoformat()}, source {commit}, "
          f"build {s.build}")
    print(f"programs: {len(programs)} ({n_ok} correct, " +
          ", ".join(f"{n_kind[k]} {k}" for k in KINDS) + ")")
    print("tools: " + (", ".join(tools) or "none") +
          ("; skipped: " + ", ".join(f"{t} ({w})" for t, w in s.skipped.items()) if s.skipped else ""))
    if "clang-tidy" in tools:
        print("clang-tidy checks: " + ", ".join(TIDY_CHECKS))
    if "clang" in tools:
        print("clang-19 flags: " + " ".join(clang_flags))
    if "clang22" in tools:
        print("clang-22 flags: " + " ".join(CLANG22_FLAGS))
    for t, n in s.notes.items():
        print(f"note ({t}): {n}")
    print()
    if rows:
        print_table(rows)
        print()
    if level_same:
        diff = sorted(n for n, same in level_same.items() if not same)
        print(f"borrowscope findings identical at {' and '.join('-' + l for l in levels)}: "
              f"{len(level_same) - len(diff)}/{len(level_same)} programs" +
              (("; different: " + ", ".join(diff)) if diff else ""))
        print()

    if args.verbose:
        for p in programs:
            want = ", ".join(f"{k}@{l}" for k, l in p.expects) or "correct"
            print(f"{p.name}: expects {want}")
            if "borrowscope" in tools:
                for l in levels:
                    r = res(p, "borrowscope", l)
                    if "error" in r:
                        print(f"  borrowscope -{l}: ERROR")
                        continue
                    parts = []
                    for k, f, line in r["findings"]:
                        mark = "TP" if same_file(f, p) and (k, line) in p.expects else "FP"
                        where = str(line) if same_file(f, p) else f"{os.path.basename(f)}:{line}"
                        parts.append(f"{mark} {k}@{where}")
                    for k, line in p.expects:
                        if not any(same_file(f, p) and (k2, l2) == (k, line)
                                   for k2, f, l2 in r["findings"]):
                            parts.append(f"FN {k}@{line}")
                    print(f"  borrowscope -{l}: " + ("; ".join(parts) or "no findings"))
            for tool, level in (("asan", "O1"), ("asan-O0", "O0"), ("clang-tidy", ""),
                                ("clang", ""), ("clang22", "")):
                if tool not in tools:
                    continue
                r = res(p, tool, level)
                if "error" in r:
                    print(f"  {tool}: ERROR")
                    continue
                reps = r["reports"]
                desc = "; ".join(
                    f"{x.get('type') or x.get('check') or x.get('flag')}@{x['line']}" for x in reps)
                verdict = ("TP" if reps else "FN") if p.kind else ("FP" if reps else "ok")
                print(f"  {tool}: {verdict}" + (f" ({desc})" if desc else ""))
        print()

    failed = []
    if "borrowscope" in tools and (args.min_precision is not None or args.min_recall is not None):
        for l in levels:
            line = scores[f"borrowscope-{l}-line"]
            for kind in KINDS:
                c = line[kind]
                if args.min_precision is not None and c["precision"] is not None \
                        and c["precision"] < args.min_precision:
                    failed.append(f"-{l} {kind}: precision {c['precision']:.2f} < {args.min_precision}")
                if args.min_recall is not None and c["recall"] is not None \
                        and c["recall"] < args.min_recall:
                    failed.append(f"-{l} {kind}: recall {c['recall']:.2f} < {args.min_recall}")
        for f in failed:
            print("below threshold: " + f)

    if args.json:
        out = {
            "date": datetime.date.today().isoformat(), "commit": commit, "build": s.build,
            "tools": tools, "skipped": s.skipped, "levels": levels,
            "tidy_checks": list(TIDY_CHECKS), "clang_flags": clang_flags,
            "clang22_flags": CLANG22_FLAGS, "asan_flags": ASAN_FLAGS, "asan_options": ASAN_OPTIONS,
            "scores": scores, "levels_identical": level_same, "errors": errors,
            "below_threshold": failed,
            "programs": [{
                "name": p.name, "kind": p.kind, "expects": p.expects, "uses": p.uses,
                "results": {(t + ("-" + l if l else "")): r
                            for (t, l), r in sorted(results.get(p.name, {}).items())
                            if t != "plain"},
            } for p in programs],
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, default=list)

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if errors:
        print(f"{len(errors)} script error(s):")
        for e in errors:
            print("  " + e)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
