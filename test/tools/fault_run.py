#!/usr/bin/env python3
"""Runs one case of the fault matrix (test/fault/) plain and instrumented.

  fault_run.py PLAIN TRACED TRACE [--reference TRACE] [--no-trace]
               [--stderr FILE] [--max-seconds N] -- ARGS...

Runs PLAIN ARGS and TRACED ARGS (the latter with BORROWSCOPE_OUTPUT=TRACE)
and compares how they ended (exit code or signal), their stdout and their
stderr. Then reads TRACE with `borrowscope report`, `check` and `export`, all
without flags, each of which must succeed. With --reference, the events of
TRACE must be those of the reference trace (the same program ending with
exit() at the same point): trace_summary.py's listing of both is compared.
--no-trace: TRACE is not a file to read (a FIFO, /dev/full). --stderr: the
instrumented run's stderr goes to FILE instead of being compared.
--max-seconds: the instrumented run must end within N seconds.

Prints what a test checks with FileCheck:
  ended: signal 11 (SIGSEGV), as plain
  output: as plain
  trace: the process was killed by signal 11 (SIGSEGV)
  events: 9005 (thread 1: 8903, thread 2: 102), as the reference
Exits 1 at the first difference, saying what differs.
"""
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import trace_summary  # noqa: E402


def ended(code):
    if code < 0:
        return "signal %d (%s)" % (-code, signal.Signals(-code).name)
    return "exit %d" % code


def run(argv, env):
    p = subprocess.run(argv, env=env, capture_output=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def tool(*args):
    p = subprocess.run(["borrowscope"] + list(args), capture_output=True, text=True,
                       timeout=120)
    return p.returncode, p.stdout, p.stderr


def summary_lines(trace):
    """trace_summary.py's listing, thread after thread: how the threads'
    events interleave depends on timing. The events of a thread's signal
    handlers (a stream of its own, "NAME (signal handlers)") are listed
    after that thread's own: the cases run their handlers at the end, where
    a reference run records the same events on the thread itself. (Their
    timestamps place them only as precisely as the clock mode does.)"""
    import contextlib
    import io
    threads = trace.get("threads", [])
    main_of = {t["os_tid"]: t["id"] for t in threads
               if not t.get("name", "").endswith(" (signal handlers)")}
    owner = {t["id"]: main_of.get(t["os_tid"], t["id"]) for t in threads}
    lines = []
    events = trace_summary.program_events(trace)
    for thread in sorted({owner.get(e["thread"], e["thread"]) for e in events}):
        out = io.StringIO()
        mine = [e for e in trace["events"] if e["thread"] == thread]
        mine += [e for e in trace["events"]
                 if e["thread"] != thread and owner.get(e["thread"]) == thread]
        part = dict(trace, events=mine)
        with contextlib.redirect_stdout(out):
            trace_summary.summary(part)
        lines.append("thread %d" % thread)
        lines += out.getvalue().splitlines()
    return lines


def main():
    args = sys.argv[1:]
    if "--" not in args:
        sys.exit(__doc__)
    split = args.index("--")
    opts, program_args = args[:split], args[split + 1:]
    plain, traced, trace = opts[0], opts[1], opts[2]
    reference = stderr_file = max_seconds = None
    read_trace = True
    i = 3
    while i < len(opts):
        if opts[i] == "--reference":
            reference = opts[i + 1]
            i += 2
        elif opts[i] == "--stderr":
            stderr_file = opts[i + 1]
            i += 2
        elif opts[i] == "--max-seconds":
            max_seconds = float(opts[i + 1])
            i += 2
        elif opts[i] == "--no-trace":
            read_trace = False
            i += 1
        else:
            sys.exit("fault_run.py: unknown option " + opts[i])

    # BORROWSCOPE_* settings given to this script are for the traced run.
    env = {k: v for k, v in os.environ.items() if not k.startswith("BORROWSCOPE")}
    p_code, p_out, p_err = run([plain] + program_args, env)
    env_traced = dict(os.environ, BORROWSCOPE_OUTPUT=trace)
    started = time.monotonic()
    t_code, t_out, t_err = run([traced] + program_args, env_traced)
    took = time.monotonic() - started
    if p_code != t_code:
        fail("plain %s, instrumented %s" % (ended(p_code), ended(t_code)))
    print("ended: %s, as plain" % ended(t_code))
    if p_out != t_out:
        fail("stdout differs:\nplain: %r\ninstrumented: %r" % (p_out, t_out))
    if stderr_file:
        with open(stderr_file, "wb") as f:
            f.write(t_err)
    elif p_err != t_err:
        fail("stderr differs:\nplain: %r\ninstrumented: %r" % (p_err, t_err))
    print("output: as plain")
    if max_seconds is not None:
        if took > max_seconds:
            fail("the instrumented run took %.1f s" % took)
        print("time: within %g s" % max_seconds)
    if not read_trace:
        return

    code, out, err = tool("report", "--color=never", trace)
    if code != 0:
        fail("report failed (%d): %s" % (code, err.strip()))
    lines = out.splitlines()
    end_line = [l for l in lines[2:4] if l.startswith("the process")
                or l.startswith("warning: the trace")]
    print("trace: " + (end_line[0] if end_line else "ended by exit 0"))
    code, out, err = tool("check", trace)
    # A trace cut short is checked and says so ("borrowscope: warning:").
    errors = [l for l in err.splitlines()
              if l.strip() and not l.startswith("borrowscope: warning: ")]
    if code not in (0, 1) or errors:
        fail("check failed (%d): %s" % (code, err.strip()))
    code, out, err = tool("export", trace, "-f", "json", "-o", "-")
    if code != 0:
        fail("export failed (%d): %s" % (code, err.strip()))

    data = trace_summary.load(trace)
    listing = summary_lines(data)
    counts = {}
    for e in trace_summary.program_events(data):
        counts[e["thread"]] = counts.get(e["thread"], 0) + 1
    text = "events: %d (%s)" % (sum(counts.values()), ", ".join(
        "thread %d: %d" % (t, n) for t, n in sorted(counts.items())))
    if reference:
        ref_listing = summary_lines(trace_summary.load(reference))
        if ref_listing != listing:
            import difflib
            diff = "\n".join(list(difflib.unified_diff(
                ref_listing, listing, "reference", "fault", lineterm=""))[:40])
            fail("events differ from the reference:\n" + diff)
        text += ", as the reference"
    print(text)


if __name__ == "__main__":
    main()
