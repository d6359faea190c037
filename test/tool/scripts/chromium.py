#!/usr/bin/env python3
"""Runs headless Chromium on a local HTML file, for the browser tests.

  chromium.py dom FILE [FRAGMENT]         prints the DOM after the page ran
  chromium.py selftest FILE [FRAGMENT]    prints the page's self-test output
                                          (FRAGMENT defaults to "selftest")
  chromium.py screenshot FILE OUT.png [FRAGMENT] [--size W,H]

Every run gets a fresh profile directory (removed afterwards) and the flags
that keep Chromium off the network. The browser is BORROWSCOPE_CHROMIUM or
chromium on PATH. Exits 1 with a message when Chromium fails or times out.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--hide-scrollbars", "--mute-audio",
         "--disable-extensions", "--disable-default-apps"]
TIMEOUT = 180
# Virtual time lets the page finish its timers and frames before the dump;
# a fixed window makes what is drawn the same everywhere.
BUDGET = ["--virtual-time-budget=5000", "--window-size=1400,860"]


def browser():
    path = os.environ.get("BORROWSCOPE_CHROMIUM") or shutil.which("chromium")
    if not path:
        sys.exit("chromium.py: no chromium (set BORROWSCOPE_CHROMIUM)")
    return path


def url(path, fragment):
    u = "file://" + os.path.abspath(path)
    return u + ("#" + fragment if fragment else "")


def run(args):
    profile = tempfile.mkdtemp(prefix="borrowscope-chromium-")
    env = dict(os.environ, HOME=profile, XDG_CONFIG_HOME=profile,
               XDG_CACHE_HOME=profile)
    try:
        done = subprocess.run([browser()] + FLAGS + ["--user-data-dir=" + profile]
                              + args, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        sys.exit("chromium.py: chromium did not finish in %d s" % TIMEOUT)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
        sys.exit("chromium.py: chromium exited with %d" % done.returncode)
    return done.stdout.decode("utf-8", errors="replace")


def main(argv):
    if len(argv) >= 3 and argv[1] == "dom":
        sys.stdout.write(run(BUDGET + ["--dump-dom", url(argv[2], argv[3] if len(argv) > 3 else "")]))
    elif len(argv) >= 3 and argv[1] == "selftest":
        dom = run(BUDGET + ["--dump-dom", url(argv[2], argv[3] if len(argv) > 3 else "selftest")])
        m = re.search(r'<pre id="bs-selftest"[^>]*>(.*?)</pre>', dom, re.S)
        if not m or not m.group(1).strip():
            sys.exit("chromium.py: the page wrote no self-test results")
        sys.stdout.write(html.unescape(m.group(1)))
    elif len(argv) >= 4 and argv[1] == "screenshot":
        rest = argv[4:]
        size = "1400,860"
        if "--size" in rest:
            i = rest.index("--size")
            size = rest[i + 1]
            del rest[i:i + 2]
        out = os.path.abspath(argv[3])
        if os.path.exists(out):
            os.remove(out)
        run(BUDGET[:1] + ["--window-size=" + size, "--screenshot=" + out,
                      url(argv[2], rest[0] if rest else "")])
        if not os.path.exists(out):
            sys.exit("chromium.py: no screenshot was written")
        with open(out, "rb") as f:
            head = f.read(24)
        if head[:8] != b"\x89PNG\r\n\x1a\n":
            sys.exit("chromium.py: the screenshot is not a PNG")
        width = int.from_bytes(head[16:20], "big")
        height = int.from_bytes(head[20:24], "big")
        print("screenshot %s: PNG %dx%d" % (os.path.basename(out), width, height))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
