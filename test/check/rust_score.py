#!/usr/bin/env python3
"""Scores BorrowScope's `check` on the Rust programs of test/check/rust-corpus.

The conventions are the C/C++ corpus's (test/check/README.md): a bug program
carries exactly one `// EXPECT: <kind>` comment (dangling_borrow,
borrow_conflict, use_after_move) at the end of the line where a borrow checker
should report it, and optionally `// USE: <kind>` where the bad access
happens; a correct program (ok_*.rs) has no EXPECT line. The annotation
parser and the scoring are score.py's, imported.

  rust_score.py [--build DIR] [--rustc PATH] [--levels 0,2] [--jobs N]
                [--json FILE] [--markdown] [--min-precision X] [--min-recall Y]
                [--keep DIR] [--verbose] [PROGRAM ...]

Each program is built plainly with rustc (--edition 2021 -Copt-level=N) and
must exit 0 with the same output at every level; then with DIR/bin/
borrowscope-rustc at the same levels, run with BORROWSCOPE_OUTPUT, and the
trace checked with `borrowscope check --json`. BorrowScope is scored
line-exactly (a finding is a true positive when its kind and line match an
EXPECT, every other finding is a false positive, an unmatched EXPECT a false
negative) and per program. If Miri works (`cargo +nightly miri --version`),
the bug programs are run under it too and scored per program (found when
Miri reports Undefined Behavior or a memory leak); otherwise "Miri: not
available" is printed.

Exit status: 0 fine, 1 a --min-precision/--min-recall threshold was missed,
2 script errors (a program that does not compile or exits non-zero plainly,
an instrumented build or run that fails, a `borrowscope check` error, a
malformed annotation).
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
sys.path.insert(0, HERE)
import score  # noqa: E402  (test/check/score.py: annotations and scoring)

CORPUS = os.path.join(HERE, "rust-corpus")
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = score.KINDS
RUN_TIMEOUT = 60
COMPILE_TIMEOUT = 300
MIRI_TIMEOUT = 600
run = score.run
clean_env = score.clean_env
describe_rc = score.describe_rc


def default_rustc():
    for c in (shutil.which("rustc"), os.path.expanduser("~/.cargo/bin/rustc")):
        if c and os.access(c, os.X_OK):
            return c
    return "rustc"


class RustScorer:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.rustc = args.rustc
        self.bin = os.path.join(os.path.abspath(args.build), "bin")
        self.wrapper = os.path.join(self.bin, "borrowscope-rustc")
        self.borrowscope = os.path.join(self.bin, "borrowscope")

    def rustc_matches(self):
        """rustc runs and its LLVM major is the one borrowscope-rustc was
        built for (the wrapper's plugin_llvm line)."""
        try:
            with open(self.wrapper, encoding="utf-8") as f:
                m = re.search(r"^plugin_llvm='(\d+)'", f.read(), re.M)
        except OSError:
            return False
        rc, out, _ = run([self.rustc, "-vV"])
        got = re.search(r"^LLVM version: (\d+)", out, re.M) if rc == 0 else None
        return bool(m and got and m.group(1) == got.group(1))

    def exe(self, prog, tag):
        # One directory per build: rustc writes its object files next to -o,
        # named by crate, so parallel builds of one program must not share one.
        d = os.path.join(self.work, tag)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, prog.name[:-3])

    def rustc_flags(self, prog, level, out):
        return ["--edition", "2021", f"-Copt-level={level}", "-Awarnings", prog.path, "-o", out]

    def plain(self, prog, level):
        out = self.exe(prog, f"plain.O{level}")
        rc, _, err = run([self.rustc] + self.rustc_flags(prog, level, out), timeout=COMPILE_TIMEOUT)
        if rc != 0:
            return {"error": f"plain O{level} compile failed ({describe_rc(rc)}): {err.strip()[-800:]}"}
        rc, stdout, err = run([out], env=clean_env())
        if not self.args.keep:
            os.remove(out)
        if rc != 0:
            return {"error": f"plain O{level} run failed ({describe_rc(rc)}): {err.strip()[-400:]}",
                    "stdout": stdout}
        return {"stdout": stdout}

    def instrumented(self, prog, level):
        out = self.exe(prog, f"bs.O{level}")
        trace = out + ".trace"
        # The wrapper's cargo form (`borrowscope-rustc /path/rustc ...`) when the
        # path names a rustc, else BORROWSCOPE_RUSTC.
        cmd = [self.wrapper] + ([self.rustc] if re.search(r"(^|/)rustc([-.].*)?$", self.rustc)
                                else [])
        env = clean_env(BORROWSCOPE_RUSTC=self.rustc)
        rc, _, err = run(cmd + self.rustc_flags(prog, level, out), env=env, timeout=COMPILE_TIMEOUT)
        if rc != 0:
            return {"error": f"borrowscope-rustc O{level} failed ({describe_rc(rc)}): "
                             f"{err.strip()[-800:]}"}
        rc, stdout, err = run([out], env=clean_env(BORROWSCOPE_OUTPUT=trace))
        if rc != 0:
            return {"error": f"instrumented O{level} run failed ({describe_rc(rc)}): "
                             f"{err.strip()[-400:]}"}
        rc, cout, cerr = run([self.borrowscope, "check", "--json", trace], env=clean_env(),
                             timeout=COMPILE_TIMEOUT)
        if rc not in (0, 1):
            return {"error": f"borrowscope check O{level} failed ({describe_rc(rc)}): "
                             f"{cerr.strip()[-400:]}"}
        try:
            violations = json.loads(cout)["violations"]
        except (ValueError, KeyError, TypeError) as e:
            return {"error": f"borrowscope check O{level}: unreadable JSON ({e})"}
        if bool(violations) != (rc == 1):
            return {"error": f"borrowscope check O{level}: exit status {rc} does not match "
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
        size = os.path.getsize(trace) if os.path.exists(trace) else 0
        if self.args.keep:
            rc, rep, _ = run([self.borrowscope, "report", trace], env=clean_env(),
                             timeout=COMPILE_TIMEOUT)
            with open(out + ".report.txt", "w", encoding="utf-8") as f:
                f.write(rep)
        else:
            for f in (out, trace):
                try:
                    os.remove(f)
                except OSError:
                    pass
        return {"findings": sorted(findings), "stdout": stdout, "trace_bytes": size,
                "violations": violations}

    # ---- Miri -------------------------------------------------------------
    def miri_available(self):
        if not shutil.which("cargo"):
            return False, "cargo not found"
        rc, out, err = run(["cargo", "+nightly", "miri", "--version"], timeout=120)
        if rc != 0:
            return False, (err.strip().splitlines() or [describe_rc(rc)])[0]
        return True, out.strip()

    def miri(self, prog):
        crate = os.path.join(self.work, "miri-" + prog.name[:-3])
        os.makedirs(os.path.join(crate, "src"), exist_ok=True)
        with open(os.path.join(crate, "Cargo.toml"), "w", encoding="utf-8") as f:
            f.write('[package]\nname = "corpus"\nversion = "0.0.0"\nedition = "2021"\n'
                    '[workspace]\n')
        shutil.copy(prog.path, os.path.join(crate, "src", "main.rs"))
        rc, _, err = run(["cargo", "+nightly", "miri", "run", "-q"], cwd=crate,
                         env=clean_env(MIRIFLAGS=os.environ.get("MIRIFLAGS", "")),
                         timeout=MIRI_TIMEOUT)
        m = re.search(r"error: (Undefined Behavior: .*|memory leaked.*)", err)
        return {"found": bool(m), "message": m.group(1)[:200] if m else "",
                "rc": rc if isinstance(rc, int) else str(rc)}


def verdict_of(prog, findings):
    """(reported text, verdict) of one program at one level."""
    own = {(k, l) for k, f, l in findings if score.same_file(f, prog)}
    other = [(k, f, l) for k, f, l in findings if not score.same_file(f, prog)]
    want = set(prog.expects)
    parts = [f"{k}@{l}" for k, l in sorted(own)] + \
            [f"{k}@{os.path.basename(f)}:{l}" for k, f, l in other]
    tp, fp, fn = len(want & own), len(own - want) + len(other), len(want - own)
    if not want:
        verdict = "ok" if not fp else f"FP ×{fp}"
    elif tp and not fp:
        verdict = "TP"
    else:
        verdict = ", ".join(x for x in (("TP" if tp else ""), (f"FN" if fn else ""),
                                        (f"FP ×{fp}" if fp else "")) if x)
    return (", ".join(parts) or "—"), verdict


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("programs", nargs="*", help="programs to score (default: all of rust-corpus)")
    ap.add_argument("--build", default=os.path.join(SOURCE_ROOT, "build-llvm22"),
                    help="build directory whose bin/ has borrowscope-rustc and borrowscope")
    ap.add_argument("--rustc", default=default_rustc(), help="rustc (default: PATH, ~/.cargo/bin)")
    ap.add_argument("--levels", default="0,2", help="rustc -Copt-level values (default 0,2)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--json", metavar="FILE", help="write machine-readable results")
    ap.add_argument("--markdown", action="store_true",
                    help="also print the per-program table in markdown")
    ap.add_argument("--min-precision", type=float, default=None)
    ap.add_argument("--min-recall", type=float, default=None)
    ap.add_argument("--max-false-positives", type=int, default=None, metavar="N",
                    help="exit 1 when a level has more than N false positives")
    ap.add_argument("--skip-without-rustc", action="store_true",
                    help="exit 77 (skipped) when no rustc of the plugin's LLVM major is found")
    ap.add_argument("--no-miri", action="store_true", help="do not try Miri")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-program details")
    ap.add_argument("--keep", metavar="DIR",
                    help="keep binaries, traces and `borrowscope report` output in DIR")
    args = ap.parse_args(argv)

    paths = args.programs or sorted(
        os.path.join(CORPUS, n) for n in os.listdir(CORPUS) if n.endswith(".rs"))
    programs = [score.Program(p) for p in paths]
    errors = [e for p in programs for e in p.errors]
    for p in programs:
        if p.name.startswith("ok_") and p.expects:
            errors.append(f"{p.name}: a correct program with EXPECT lines")
        if p.name.startswith("bug_") and not p.expects:
            errors.append(f"{p.name}: a bug program without an EXPECT line")
    levels = [l.strip() for l in args.levels.split(",") if l.strip()]
    for l in levels:
        if not re.fullmatch(r"[0-3sz]", l):
            ap.error(f"bad level {l}")

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        work = os.path.abspath(args.keep)
    else:
        work = tempfile.mkdtemp(prefix="borrowscope-rust-score-")
    s = RustScorer(args, work)
    # CI sets BORROWSCOPE_REQUIRE_RUSTC=1 where a rustc of this LLVM is
    # installed: a score that silently skips there would prove nothing.
    if args.skip_without_rustc and os.environ.get("BORROWSCOPE_REQUIRE_RUSTC") == "1":
        args.skip_without_rustc = False
    if args.skip_without_rustc and not s.rustc_matches():
        print(f"skipped: no rustc whose LLVM major is the plugin's ({s.rustc})")
        shutil.rmtree(work, ignore_errors=True)
        return 77
    for tool in (s.wrapper, s.borrowscope):
        if not os.access(tool, os.X_OK):
            errors.append(f"missing {tool}")
    if not os.access(s.rustc, os.X_OK) and not shutil.which(s.rustc):
        errors.append(f"rustc {s.rustc} not found")
    miri_ok, miri_why = (False, "--no-miri") if args.no_miri else s.miri_available()

    jobs = {}
    results = {}
    if not errors:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for p in programs:
                for l in levels:
                    jobs[pool.submit(s.plain, p, l)] = (p, "plain", l)
                    jobs[pool.submit(s.instrumented, p, l)] = (p, "borrowscope", l)
                if miri_ok and p.expects:
                    jobs[pool.submit(s.miri, p)] = (p, "miri", "")
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
        outs = {res(p, "plain", l).get("stdout") for l in levels if "error" not in res(p, "plain", l)}
        if len(outs) > 1:
            errors.append(f"{p.name}: plain builds print different output at different levels")

    # ---- scores ------------------------------------------------------------
    scores, rows = {}, []
    for l in levels:
        per = {p.name: res(p, "borrowscope", l) for p in programs}
        line = score.score_line_exact(programs, per)
        prog = score.score_programs(programs, lambda p: None if "error" in per[p.name]
                                    else [k for k, _, _ in per[p.name]["findings"]])
        scores[f"O{l}-line"], scores[f"O{l}-program"] = line, prog
        rows.append((f"borrowscope -Copt-level={l} (line)", line))
        rows.append((f"borrowscope -Copt-level={l} (program)", prog))
    if miri_ok:
        c = score.score_programs([p for p in programs if p.expects],
                                 lambda p: None if "error" in res(p, "miri")
                                 else (["ub"] if res(p, "miri")["found"] else []))
        scores["miri"] = c
        rows.append(("miri (bug programs only)", c))

    commit = run(["git", "-C", SOURCE_ROOT, "rev-parse", "--short", "HEAD"])[1].strip() or "?"
    version = run([s.rustc, "--version"])[1].strip()
    n_kind = {k: sum(1 for p in programs if k in p.kinds) for k in KINDS}
    print(f"BorrowScope Rust corpus score, {datetime.date.today().isoformat()}, source {commit}, "
          f"build {os.path.dirname(s.bin)}, {version}")
    print(f"programs: {len(programs)} ({sum(1 for p in programs if not p.kind)} correct, " +
          ", ".join(f"{n_kind[k]} {k}" for k in KINDS) + ")")
    print("Miri: " + (miri_why if miri_ok else f"not available ({miri_why})"))
    print()
    score.print_table(rows)
    print()

    # False positives and negatives by file:line, per level.
    too_many = []
    for l in levels:
        fps, fns = [], []
        for p in programs:
            r = res(p, "borrowscope", l)
            if "error" in r:
                continue
            own = {(k, ln) for k, f, ln in r["findings"] if score.same_file(f, p)}
            fps += [f"{p.name}:{ln} {k}" for k, ln in sorted(own - set(p.expects))]
            fps += [f"{p.name} -> {f}:{ln} {k}" for k, f, ln in r["findings"]
                    if not score.same_file(f, p)]
            fns += [f"{p.name}:{ln} {k}" for k, ln in sorted(set(p.expects) - own)]
        print(f"-Copt-level={l}: {len(fps)} false positive(s), {len(fns)} false negative(s)")
        if args.max_false_positives is not None and len(fps) > args.max_false_positives:
            too_many.append(f"O{l}: {len(fps)} false positives > {args.max_false_positives}")
        for x in fps:
            print("  FP " + x)
        for x in fns:
            print("  FN " + x)
    diff = [p.name for p in programs
            if all("error" not in res(p, "borrowscope", l) for l in levels)
            and len({tuple(res(p, "borrowscope", l)["findings"]) for l in levels}) > 1]
    if len(levels) > 1:
        print(f"findings differ between levels in: {', '.join(diff) or 'none'}")
    print()

    if args.verbose or args.markdown:
        table = ["| program | level | expected | reported | verdict |",
                 "|---|---|---|---|---|"]
        for p in programs:
            want = ", ".join(f"{k}@{ln}" for k, ln in p.expects) or "—"
            for l in levels:
                r = res(p, "borrowscope", l)
                if "error" in r:
                    table.append(f"| {p.name} | O{l} | {want} | ERROR | {r['error'][:80]} |")
                    continue
                got, verdict = verdict_of(p, r["findings"])
                table.append(f"| {p.name} | O{l} | {want} | {got} | {verdict} |")
            if miri_ok and p.expects:
                m = res(p, "miri")
                table.append(f"| {p.name} | Miri | {want} | "
                             f"{m.get('message') or m.get('error', '—')} | "
                             f"{'found' if m.get('found') else 'missed'} |")
        print("\n".join(table))
        print()

    failed = list(too_many)
    for l in levels:
        line = scores[f"O{l}-line"]
        for kind in KINDS:
            c = line[kind]
            if args.min_precision is not None and c["precision"] is not None \
                    and c["precision"] < args.min_precision:
                failed.append(f"O{l} {kind}: precision {c['precision']:.2f} < {args.min_precision}")
            if args.min_recall is not None and c["recall"] is not None \
                    and c["recall"] < args.min_recall:
                failed.append(f"O{l} {kind}: recall {c['recall']:.2f} < {args.min_recall}")
    for f in failed:
        print("below threshold: " + f)

    if args.json:
        out = {"date": datetime.date.today().isoformat(), "commit": commit, "rustc": version,
               "levels": levels, "scores": scores, "errors": errors, "below_threshold": failed,
               "miri": miri_why if miri_ok else None,
               "programs": [{"name": p.name, "expects": p.expects, "uses": p.uses,
                             "results": {f"{t}-{l}" if l else t: r
                                         for (t, l), r in sorted(results.get(p.name, {}).items())
                                         if t != "plain"}} for p in programs]}
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
