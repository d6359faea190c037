#!/usr/bin/env python3
"""Instrumented vs plain: builds the programs of bench/programs/ (and the
generated huge.c, bench/gen_huge.py) plain, with BorrowScope, with
AddressSanitizer and with XRay, at -O2 and -O0; runs them and prints
slowdown ratios (medians, geometric means), trace bytes per event, events
per second, instruction-count ratios (callgrind), compile-time and .text
ratios.

  python3 bench/compare.py --build build-bench                 (about an hour)
  python3 bench/compare.py --build build-bench --quick         (a few minutes)
  python3 bench/compare.py --build build-bench --markdown      (tables for docs/)
  cmake --build build-bench --target bench-compare             (the full run)

Variants of each program:
  plain     clang -O2 prog.c                           the baseline
  rec       borrowscope-clang -O2, run with BORROWSCOPE=off: every event is
            recorded into the thread buffers, full buffers are discarded; the
            default clock (BORROWSCOPE_CLOCK=sync: windows and synchronising
            calls are stamped, no clock read per group)
  rec-exact the same with BORROWSCOPE_CLOCK=exact (a clock read per group)
  file      borrowscope-clang -O2, the trace written to a real file in a new
            directory under --trace-dir (deleted after each run, its size
            kept). At full scale the traces would take 10^1..10^2 GB, so this
            variant runs at the largest scale whose trace fits --trace-budget
            (measured at 1 % first), against plain at that scale
  null      the trace written to /dev/null at full scale; --trace-runs rounds.
            Events are the records of the file variant's
            trace (events per second: of plain at the file's scale)
  asan      clang -O2 -fsanitize=address (ASAN_OPTIONS=detect_leaks=0)
  xray      clang -O2 -fxray-instrument -fxray-instruction-threshold=1, run
            with XRay's premain patching, in FDR mode where it starts on this
            CPU, else basic mode (probed first; the log goes to a new
            directory, deleted after each run); XRay's default filters
            (functions under 5 µs leave no record)

Times are CPU seconds (user + sys, from getrusage) of the child: on a shared
machine they move less than wall time. Each round runs every variant once,
in a rotating order, so slow spells hit all variants alike; the tables give
medians over rounds (asan and xray in the first --anchor-runs rounds). Every
variant's output must equal the plain one's at the same scale, or the script
fails.

Compile times: `-c` of each program, median of --compile-runs (fewer rounds
once a program's compiles took --compile-budget CPU seconds: huge.c):
  wrapper  borrowscope-clang -O2 -c  vs  clang -O2 -c   (what users see; includes -g)
  plugin   the wrapper's flags with vs without -fpass-plugin (the pass alone)
  .text    of the wrapper's object vs the plain one (as bench/code_size.py)
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = ["tokenizer.c", "sort.cpp", "strings.cpp", "interp.c", "graph.cpp", "nbody.c",
            "hashtable.c", "huge.c"]
# Programs written by a generator into the work directory: name -> its
# command, given the number of locals of the huge function (--huge-locals).
GENERATED = {"huge.c": lambda n: [os.path.join(HERE, "gen_huge.py"), "--locals", str(n)]}
# What the wrappers add besides the plugin (tools/wrappers/borrowscope-cc.in).
WRAPPER_FLAGS = ["-g", "-Xclang", "-fsanitize-address-use-after-scope",
                 "-Xclang", "-fexperimental-assignment-tracking=disabled"]
ASAN_FLAGS = ["-fsanitize=address"]
# Leak checking at exit is not part of what is compared, and would fail a
# program that leaves memory to the exit.
ASAN_OPTIONS = "detect_leaks=0"
XRAY_FLAGS = ["-fxray-instrument", "-fxray-instruction-threshold=1"]
# Issue #8's targets (geometric means): recording only, the trace written
# to a file, compile time and .text of the wrapper against plain clang.
TARGETS = {"rec_O2": 1.5, "file_O2": 2.0, "file_O0": 1.3, "compile_O2": 1.3,
           "text_O2": 2.0}
RECORDING = ("rec", "rec-exact")  # the variants the slowdown targets apply to
# --quick: a smoke run of a few minutes; explicit options still win.
# (huge.c with 500 locals: its instrumented compile takes 3 s, not 90 s.)
QUICK = {"runs": 2, "anchor_runs": 1, "trace_runs": 1, "compile_runs": 1, "scale": 10,
         "callgrind_scale": 0, "trace_budget": 100, "huge_locals": 500}
FULL = {"runs": 5, "anchor_runs": 3, "trace_runs": 1, "compile_runs": 5, "scale": 100,
        "callgrind_scale": 5, "trace_budget": 1000, "huge_locals": 2000}


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


def timed(argv, env=None, cwd=None):
    """CPU seconds (user+sys) of one child, wall seconds, exit status, stdout,
    stderr. The child is reaped before the children's usage is read again, so
    it grew by exactly the child's own."""
    before = children_cpu()
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    wall, status = time.perf_counter() - start, p.returncode
    return children_cpu() - before, wall, status, out, err


def run_in_tempdir(argv, env_for, parent, inspect=None):
    """timed() of argv in a new directory under parent (its cwd; env_for(dir)
    gives the environment, which may name the directory), plus the bytes of
    the files the run left there and inspect(dir, stderr)'s answer. The
    directory is deleted before returning: traces and logs take GBs."""
    d = tempfile.mkdtemp(prefix="bench-run-", dir=parent)
    try:
        cpu, wall, status, out, err = timed(argv, env_for(d), cwd=d)
        size = sum(os.path.getsize(os.path.join(root, f))
                   for root, _, files in os.walk(d) for f in files)
        extra = inspect(d, err) if inspect and status == 0 else None
        return cpu, wall, status, out, err, size, extra
    finally:
        shutil.rmtree(d, ignore_errors=True)


def v2_records(path):
    """The 16-byte records of a v2 trace: the END block's count, else the
    EVENTS and WINDOW blocks' (docs/trace-format.md). Walks the block
    headers only, so a GB trace takes milliseconds (`borrowscope report`
    builds the whole model: minutes). None if it is no v2 trace."""
    import struct
    with open(path, "rb") as f:
        head = f.read(64)
        if len(head) < 32 or head[:8] != b"BSTRACE\0":
            return None
        header_size, block_header_size, record_size = struct.unpack_from("<3I", head, 16)
        f.seek(header_size)
        counted = 0
        end = None
        while True:
            bh = f.read(block_header_size)
            if len(bh) < block_header_size:
                break
            magic, btype, _flags, size = struct.unpack_from("<IHHI", bh, 0)
            if magic != 0x4B425342:
                break
            if btype == 6:  # END: reason, status, records, lost
                end = struct.unpack_from("<iiQQ", f.read(size), 0)[2]
                continue
            if btype == 4:  # EVENTS
                counted += size // record_size
            elif btype == 5:  # WINDOW: records up to cur
                w = f.read(24)
                base, cur = struct.unpack_from("<QQ", w, 0)
                counted += (cur - base) // record_size
                f.seek(size - 24, 1)
                continue
            f.seek(size, 1)
    return end if end is not None else counted


def trace_events(err, trace_dir=None):
    """How many events a traced run wrote: the one place that knows where
    that is said. A JSON trace's runtime line ("wrote N events to PATH"),
    else the record count of the one v2 trace file the run left in
    trace_dir (16-byte records: events and the clock records between them).
    None if neither says."""
    m = re.search(rb"wrote (\d+) events", err)
    if m:
        return int(m.group(1))
    if not trace_dir:
        return None
    files = [os.path.join(trace_dir, f) for f in os.listdir(trace_dir)]
    if len(files) != 1:
        return None
    return v2_records(files[0])


def compile_cmd(compiler, level, src, out, extra=(), link=True):
    cmd = [compiler, level, "-Wall", "-Wextra"] + list(extra) + [src, "-o", out]
    if not link:
        cmd.insert(1, "-c")
    elif src.endswith(".c"):
        cmd.append("-lm")
    return cmd


def link_cmd(driver, obj, out, lang):
    return [driver, obj, "-o", out] + (["-lm"] if lang == "c" else [])


def check(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True, env=env_with())
    if res.returncode != 0 or res.stderr.strip():
        sys.exit(f"compare.py: {' '.join(cmd)}\n{res.stderr}")


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def geomean(xs):
    xs = [x for x in xs if x and x > 0 and not math.isnan(x)]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def ratio(a, b):
    return a / b if a is not None and b and not math.isnan(a) and not math.isnan(b) \
        else float("nan")


def env_with(**kv):
    """The environment without BORROWSCOPE* (BORROWSCOPE=off would also turn
    the wrappers into plain clang), plus kv."""
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


def text_bytes(obj):
    """Bytes of the .text sections of an object (code_size.py uses it too)."""
    out = subprocess.run(["size", "-A", obj], capture_output=True, text=True,
                         check=True).stdout
    return sum(int(line.split()[1]) for line in out.splitlines()
               if line.startswith(".text"))


def source_of(prog, work, huge_locals=2000):
    """The source of a program: bench/programs/PROG, or for a generated one
    the file its generator writes into work (rewritten each time: cheap)."""
    if prog not in GENERATED:
        return os.path.join(HERE, "programs", prog)
    path = os.path.join(work, prog)
    subprocess.run([sys.executable] + GENERATED[prog](huge_locals) + ["-o", path], check=True)
    return path


def provenance(clang):
    """Where the numbers come from, for the head of each table: the command,
    the date, the commit, the machine and its load."""
    def git(*a):
        r = subprocess.run(["git", "-C", HERE] + list(a), capture_output=True, text=True)
        return r.stdout.strip()
    dirty = " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    clang = subprocess.run([clang, "--version"], capture_output=True, text=True).stdout
    return {
        "command": "python3 bench/" + os.path.basename(sys.argv[0]) + " "
                   + " ".join(shlex.quote(a) for a in sys.argv[1:]),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": f"{git('rev-parse', '--short', 'HEAD')} ({git('rev-parse', '--abbrev-ref', 'HEAD')}){dirty}",
        "machine": f"{os.cpu_count()} CPUs ({model}), kernel {platform.release()}, "
                   + (clang.splitlines()[0] if clang else "clang ?"),
        "load": "%.2f %.2f %.2f" % os.getloadavg(),
    }


def xray_env(mode, logdir, extra=""):
    return env_with(XRAY_OPTIONS=f"patch_premain=true xray_mode={mode} verbosity=0 "
                                 f"xray_logfile_base={logdir}/xray-log. {extra}".strip())


def xray_mode(clang, work, extra=""):
    """xray-fdr if FDR mode writes a log on this CPU, else xray-basic if basic
    mode does, else None. FDR needs rdtscp (a VM may not offer it): without,
    it prints "Missing rdtscp support" and records nothing."""
    src = os.path.join(work, "xray_probe.c")
    exe = os.path.join(work, "xray_probe")
    with open(src, "w", encoding="utf-8") as f:
        f.write("#include <stdio.h>\n__attribute__((noinline)) long f(long x) { return x * 3 + 1; }\n"
                "int main(void) { long s = 0; for (long i = 0; i < 100000; ++i) s += f(i);\n"
                "  printf(\"%ld\\n\", s); return 0; }\n")
    if subprocess.run([clang, "-O2"] + XRAY_FLAGS + [src, "-o", exe], capture_output=True).returncode:
        return None
    for mode in ("xray-fdr", "xray-basic"):
        *_, status, _, _, size, _ = run_in_tempdir([exe], lambda d: xray_env(mode, d, extra), work)
        if status == 0 and size > 0:
            return mode
    return None


def compile_times(ccmds, runs, budget):
    """Median CPU seconds of each compile command, run in rotating rounds;
    fewer than `runs` rounds once the program's compiles took `budget`
    seconds (at least one). The first round must compile without a warning."""
    ctimes = {k: [] for k in ccmds}
    spent = 0.0
    for r in range(runs):
        keys = list(ccmds)
        for k in keys[r % len(keys):] + keys[:r % len(keys)]:
            cpu, _, status, _, err = timed(ccmds[k], env_with())
            if status != 0 or (r == 0 and err.strip()):
                sys.exit(f"compare.py: {' '.join(ccmds[k])}\n{err.decode()}")
            ctimes[k].append(cpu)
            spent += cpu
        if spent > budget:
            break
    return {k: median(v) for k, v in ctimes.items()}, len(ctimes["plain"])


def build(prog, level, ctx):
    """Compiles one program: the timed objects (plain, wrapper, flags,
    plugin), their .text, and the executables of every variant."""
    src = source_of(prog, ctx["work"], ctx["args"].huge_locals)
    lang = "c" if prog.endswith(".c") else "cpp"
    clang, wrapper = ctx["clang"][lang], ctx["wrapper"][lang]
    stem = os.path.join(ctx["work"], os.path.splitext(prog)[0] + level)
    objs = {k: f"{stem}.{k}.o" for k in ("plain", "wrapper", "flags", "plugin")}
    ccmds = {
        "plain": compile_cmd(clang, level, src, objs["plain"], link=False),
        "wrapper": compile_cmd(wrapper, level, src, objs["wrapper"], link=False),
        "flags": compile_cmd(clang, level, src, objs["flags"], WRAPPER_FLAGS, link=False),
        "plugin": compile_cmd(clang, level, src, objs["plugin"],
                              WRAPPER_FLAGS + ["-fpass-plugin=" + ctx["plugin"]], link=False),
    }
    ctimes, cruns = compile_times(ccmds, ctx["args"].compile_runs, ctx["args"].compile_budget)
    exes = {k: f"{stem}.{k}" for k in ("plain", "instr", "asan", "xray")}
    # Link the timed objects rather than compile again: huge.c takes minutes.
    check(link_cmd(clang, objs["plain"], exes["plain"], lang))
    check(link_cmd(wrapper, objs["wrapper"], exes["instr"], lang))
    check(compile_cmd(clang, level, src, exes["asan"], ASAN_FLAGS))
    if ctx["xray_mode"]:
        check(compile_cmd(clang, level, src, exes["xray"], XRAY_FLAGS))
    return exes, ctimes, cruns, {k: text_bytes(objs[k]) for k in ("plain", "wrapper")}


def variants(exes, scale, file_scale, ctx):
    """name -> (argv, environment or a function of the run's directory, runs
    in a directory of its own). plain-file is plain at the file variant's
    scale, when that is not the full one."""
    args = ctx["args"]
    v = {
        "plain": ([exes["plain"], str(scale)], env_with(), False),
        "rec": ([exes["instr"], str(scale)], env_with(BORROWSCOPE="off"), False),
        "rec-exact": ([exes["instr"], str(scale)],
                     env_with(BORROWSCOPE="off", BORROWSCOPE_CLOCK="exact"), False),
        # No BORROWSCOPE_OUTPUT: the default name (borrowscope-<pid>.json, or
        # whatever the runtime calls it) in the run's directory.
        "file": ([exes["instr"], str(file_scale)],
                 lambda d: env_with(BORROWSCOPE_VERBOSE="1"), True),
        "null": ([exes["instr"], str(scale)],
                 env_with(BORROWSCOPE_OUTPUT="/dev/null", BORROWSCOPE_VERBOSE="1"), False),
        "asan": ([exes["asan"], str(scale)], env_with(ASAN_OPTIONS=ASAN_OPTIONS), False),
    }
    if ctx["xray_mode"]:
        v["xray"] = ([exes["xray"], str(scale)],
                     lambda d: xray_env(ctx["xray_mode"], d, args.xray_options), True)
    if file_scale != scale:
        v["plain-file"] = ([exes["plain"], str(file_scale)], env_with(), False)
    return v


def round_keys(r, v, args):
    """The variants of round r, rotated by r."""
    keys = ["plain", "rec", "rec-exact", "file"] + (["plain-file"] if "plain-file" in v else [])
    if r < args.anchor_runs:
        keys += ["asan"] + (["xray"] if "xray" in v else [])
    if r < args.trace_runs:
        keys.append("null")
    return keys[r % len(keys):] + keys[:r % len(keys)]


def run_variant(name, variant, ctx):
    """One run: CPU and wall seconds, stdout, and for the file variant the
    trace's bytes and events."""
    argv, env, own_dir = variant
    if own_dir:
        inspect = (lambda d, err: trace_events(err, d)) if name == "file" else None
        cpu, wall, status, out, err, size, events = run_in_tempdir(argv, env, ctx["trace_dir"],
                                                                   inspect)
    else:
        cpu, wall, status, out, err = timed(argv, env)
        size, events = None, (trace_events(err) if name == "null" else None)
    if status != 0:
        sys.exit(f"compare.py: {name} {' '.join(argv)} exited {status}: {err.decode()[-500:]}")
    return cpu, wall, out, size, events


def choose_file_scale(exe, ctx):
    """The largest scale whose trace fits --trace-budget MB, from the size of
    one trace at 1 % (or --file-scale)."""
    args = ctx["args"]
    if args.file_scale:
        return min(args.file_scale, args.scale)
    *_, status, _, err, size, _ = run_in_tempdir([exe, "1"], lambda d: env_with(),
                                                 ctx["trace_dir"])
    if status != 0:
        sys.exit(f"compare.py: {exe} 1 exited {status}: {err.decode()[-500:]}")
    return max(1, min(args.scale, int(args.trace_budget * 1e6 / max(size, 1))))


def measure(prog, level, ctx):
    """All figures of one program at one level: a row of the tables."""
    args = ctx["args"]
    exes, ctimes, cruns, text = build(prog, level, ctx)
    file_scale = choose_file_scale(exes["instr"], ctx)
    v = variants(exes, args.scale, file_scale, ctx)
    # Reference outputs (untimed; they also warm the caches).
    expected = {s: timed([exes["plain"], str(s)], env_with())[3] for s in {args.scale, file_scale}}
    times = {k: [] for k in v}
    walls = {k: [] for k in v}
    trace_bytes = events = file_events = None
    for r in range(args.runs):
        for k in round_keys(r, v, args):
            cpu, wall, out, size, ev = run_variant(k, v[k], ctx)
            scale = int(v[k][0][1])
            if out != expected[scale]:
                sys.exit(f"compare.py: {prog} {level} ({k}) printed\n{out.decode()}"
                         f"instead of\n{expected[scale].decode()}")
            times[k].append(cpu)
            walls[k].append(wall)
            if k == "file":
                trace_bytes, file_events = size, ev
            if k == "null":
                events = ev
    if events is None and file_scale == args.scale:
        events = file_events
    ir = {}
    if args.callgrind_scale:
        for k in ("plain",) + RECORDING:
            argv, env, _ = v[k]
            ir[k], _ = callgrind_ir([argv[0], str(args.callgrind_scale)], env)
    t = {k: median(x) for k, x in times.items()}
    w = {k: median(x) for k, x in walls.items()}
    row = {
        "program": prog, "level": level, "plain": t["plain"],
        "rec_x": ratio(t["rec"], t["plain"]), "rec-exact_x": ratio(t["rec-exact"], t["plain"]),
        "file_x": ratio(t["file"], t.get("plain-file", t["plain"])),
        "null_x": ratio(t.get("null"), t["plain"]),
        "asan_x": ratio(t.get("asan"), t["plain"]), "xray_x": ratio(t.get("xray"), t["plain"]),
        "xray_wall_x": ratio(w.get("xray"), w["plain"]),
        # Events per second of plain run time: of the full-scale count when
        # known, else of the trace file's run against plain at its scale.
        "events": events,
        "events_per_s": (ratio(events, t["plain"]) if events is not None
                         else ratio(file_events, t.get("plain-file", t["plain"]))),
        "file_scale": file_scale, "trace_bytes": trace_bytes, "file_events": file_events,
        "bytes_per_event": ratio(trace_bytes, file_events),
        "ir_rec_x": ratio(ir.get("rec"), ir.get("plain")),
        "ir_rec-exact_x": ratio(ir.get("rec-exact"), ir.get("plain")),
        "c_plain": ctimes["plain"], "c_runs": cruns,
        "cw_x": ratio(ctimes["wrapper"], ctimes["plain"]),
        "cp_x": ratio(ctimes["plugin"], ctimes["flags"]),
        "text_x": ratio(text["wrapper"], text["plain"]),
    }
    print(f"# {prog} {level}: plain {t['plain']:.3f}s rec {row['rec_x']:.2f}x "
          f"rec-exact {row['rec-exact_x']:.2f}x file {fmt(row['file_x'], '.1f')}x "
          f"(at {file_scale}%, {fmt(trace_bytes, ',')} B) asan {fmt(row['asan_x'], '.2f')}x "
          f"xray {fmt(row['xray_x'], '.2f')}x events {fmt(events, ',')} "
          f"compile {row['cw_x']:.2f}x ({cruns} runs)", file=sys.stderr, flush=True)
    return row


def fmt(x, spec):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


# The two tables: (heading, [(column title, row key, format, geomean?)]).
TABLES = [
    ("Run time, instrumented and anchors vs plain (CPU time ratios)", [
        ("plain s", "plain", ".3f", False), ("rec ×", "rec_x", ".2f", True),
        ("rec-exact ×", "rec-exact_x", ".2f", True),
        ("trace file ×", "file_x", ".1f", True), ("trace /dev/null ×", "null_x", ".1f", True),
        ("ASan ×", "asan_x", ".2f", True), ("XRay ×", "xray_x", ".2f", True),
        ("events", "events", ",", False), ("M events/s plain", "events_per_s_m", ",.0f", True),
    ]),
    ("Trace on disk and code", [
        ("file scale %", "file_scale", "d", False), ("trace MB", "trace_mb", ",.0f", False),
        ("trace events", "file_events", ",", False), ("B/event", "bytes_per_event", ".1f", True),
        ("compile × wrapper", "cw_x", ".2f", True), ("compile × plugin", "cp_x", ".2f", True),
        ("compile runs", "c_runs", "d", False), (".text ×", "text_x", ".2f", True),
        ("Ir × rec", "ir_rec_x", ".2f", True), ("Ir × rec-exact", "ir_rec-exact_x", ".2f", True),
    ]),
]


def table_rows(rows, levels, columns):
    """The cells of one table: each program's row, and a geomean row per level."""
    out = []
    for level in levels:
        sel = [r for r in rows if r["level"] == level]
        for r in sel:
            out.append([r["program"], level] + [fmt(r.get(k), f) for _, k, f, _ in columns])
        out.append(["**geomean**", level] + [
            f"**{fmt(geomean([r.get(k) for r in sel]), f)}**" if g else ""
            for _, k, f, g in columns])
    return out


def render(title_cells, cells, markdown):
    """A table as markdown, or as aligned text columns."""
    if markdown:
        lines = ["| " + " | ".join(title_cells) + " |", "|---" * len(title_cells) + "|"]
        return "\n".join(lines + ["| " + " | ".join(c) + " |" for c in cells])
    cells = [[c.replace("**", "") for c in row] for row in cells]
    widths = [max(len(r[i]) for r in [title_cells] + cells) for i in range(len(title_cells))]
    return "\n".join("  ".join(c.rjust(w) if i > 1 else c.ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths)))
                     for r in [title_cells] + cells)


def report(rows, levels, ctx, prov):
    """The tables (each headed by the command, date and commit), then the
    figures against the targets."""
    args = ctx["args"]
    for r in rows:
        r["trace_mb"] = r["trace_bytes"] / 1e6 if r["trace_bytes"] is not None else None
        r["events_per_s_m"] = r["events_per_s"] / 1e6 if r["events_per_s"] else None
    how = (f"medians of {args.runs} rounds (ASan/XRay: {min(args.anchor_runs, args.runs)}, "
           f"trace to /dev/null: {min(args.trace_runs, args.runs)}), CPU seconds, scale "
           f"{args.scale} % (trace file: at its file scale, against plain at that scale; "
           f"huge.c: {args.huge_locals} locals); XRay mode: "
           f"{ctx['xray_mode'] or 'none (XRay did not run)'}; callgrind at "
           f"{args.callgrind_scale} %; compile: median of up to {args.compile_runs}.")
    for title, columns in TABLES:
        print(f"\n{'### ' if args.markdown else ''}{title}\n")
        print(f"`{prov['command']}`, {prov['date']}, commit {prov['commit']}; {prov['machine']}; "
              f"load average {prov['load']} at the start, {'%.2f %.2f %.2f' % os.getloadavg()} "
              f"at the end; {how}\n")
        print(render(["program", "level"] + [c[0] for c in columns],
                     table_rows(rows, levels, columns), args.markdown))
    print()
    for level in levels:
        sel = [r for r in rows if r["level"] == level]
        g = {k: geomean([r[k] for r in sel]) for k in sel[0] if k.endswith("_x")}
        lv = level.lstrip("-")

        def verdict_of(key, value):
            t = TARGETS.get(f"{key}_{lv}")
            return "" if not t or value is None else \
                f" (target <= {t}x: {'met' if value <= t else 'MISSED'})"
        for v in RECORDING:
            print(f"{level}: recording slowdown geomean, {v}: {g[f'{v}_x']:.2f}x"
                  f"{verdict_of('rec', g[f'{v}_x'])}; "
                  f"instructions {fmt(g[f'ir_{v}_x'], '.2f')}x")
        print(f"{level}: trace written to a file {fmt(g['file_x'], '.1f')}x"
              f"{verdict_of('file', g['file_x'])}, to /dev/null "
              f"{fmt(g['null_x'], '.1f')}x; anchors: ASan {fmt(g['asan_x'], '.2f')}x, XRay "
              f"{fmt(g['xray_x'], '.2f')}x CPU ({fmt(g['xray_wall_x'], '.2f')}x wall)")
        for key, name in (("cw_x", "wrapper vs plain clang"), ("cp_x", "plugin alone")):
            print(f"{level}: compile time {name} {g[key]:.2f}x{verdict_of('compile', g[key])}")
        print(f"{level}: .text wrapper vs plain {g['text_x']:.2f}x{verdict_of('text', g['text_x'])}")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build-bench", help="a Release build directory")
    ap.add_argument("--quick", action="store_true",
                    help="a smoke run: " + ", ".join(f"{k}={v}" for k, v in QUICK.items()))
    ap.add_argument("--markdown", action="store_true", help="tables for docs/performance.md")
    ap.add_argument("--runs", type=int, help=f"rounds of all variants ({FULL['runs']})")
    ap.add_argument("--anchor-runs", type=int,
                    help=f"rounds that also run ASan and XRay ({FULL['anchor_runs']})")
    ap.add_argument("--trace-runs", type=int,
                    help=f"rounds that also run the trace to /dev/null at full scale, which "
                         f"gives the event count ({FULL['trace_runs']}; 0: none)")
    ap.add_argument("--compile-runs", type=int, help=f"({FULL['compile_runs']})")
    ap.add_argument("--compile-budget", type=float, default=120,
                    help="CPU seconds of one program's compiles after which no further "
                         "compile round starts (default 120)")
    ap.add_argument("--levels", default="-O2,-O0")
    ap.add_argument("--programs", default=",".join(PROGRAMS))
    ap.add_argument("--scale", type=int, help=f"problem size, percent ({FULL['scale']})")
    ap.add_argument("--file-scale", type=int,
                    help="problem size of the trace-file variant (default: from --trace-budget)")
    ap.add_argument("--trace-budget", type=float,
                    help=f"MB a trace file may take ({FULL['trace_budget']})")
    ap.add_argument("--trace-dir", help="where trace files go (default: under the build "
                                        "directory, on disk; not a tmpfs)")
    ap.add_argument("--callgrind-scale", type=int,
                    help=f"problem size under callgrind, percent ({FULL['callgrind_scale']}; "
                         "0: skip callgrind)")
    ap.add_argument("--huge-locals", type=int,
                    help=f"locals of huge.c's function ({FULL['huge_locals']})")
    ap.add_argument("--xray-options", default="",
                    help="more XRAY_OPTIONS, e.g. for basic mode's thresholds")
    args = ap.parse_args()
    for k, v in (QUICK if args.quick else FULL).items():
        if getattr(args, k) is None:
            setattr(args, k, v)
    return args


def main():
    args = parse_args()
    build_dir = os.path.abspath(args.build)
    prov = provenance(cache_value(build_dir, "BORROWSCOPE_CLANG"))
    ctx = {
        "args": args,
        "clang": {"c": cache_value(build_dir, "BORROWSCOPE_CLANG"),
                  "cpp": cache_value(build_dir, "BORROWSCOPE_CLANGXX")},
        "wrapper": {"c": os.path.join(build_dir, "bin", "borrowscope-clang"),
                    "cpp": os.path.join(build_dir, "bin", "borrowscope-clang++")},
        "plugin": os.path.join(build_dir, "lib", "libBorrowScope.so"),
        "tool": os.path.join(build_dir, "bin", "borrowscope"),
        "work": os.path.join(build_dir, "bench-compare"),
    }
    for path in list(ctx["wrapper"].values()) + [ctx["plugin"]]:
        if not os.path.exists(path):
            sys.exit(f"compare.py: {path} is missing; build first")
    if args.callgrind_scale and not shutil.which("valgrind"):
        sys.exit("compare.py: valgrind is not installed (or use --callgrind-scale 0)")
    os.makedirs(ctx["work"], exist_ok=True)
    ctx["trace_dir"] = os.path.abspath(args.trace_dir or ctx["work"])
    os.makedirs(ctx["trace_dir"], exist_ok=True)
    ctx["xray_mode"] = xray_mode(ctx["clang"]["c"], ctx["work"], args.xray_options)
    print(f"# XRay mode: {ctx['xray_mode'] or 'none: neither FDR nor basic mode wrote a log'}",
          file=sys.stderr, flush=True)
    levels = args.levels.split(",")
    rows = [measure(prog, level, ctx) for level in levels for prog in args.programs.split(",")]
    report(rows, levels, ctx, prov)
    return 0


if __name__ == "__main__":
    sys.exit(main())
