#!/usr/bin/env python3
"""timed.py SECONDS COMMAND...: runs COMMAND; fails (exit 1) if it fails or
takes longer than SECONDS. Prints "ok: <first word> in <s> s (limit <s>)"."""
import os
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
limit = float(sys.argv[1])
start = time.monotonic()
done = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL)
took = time.monotonic() - start
name = os.path.basename(sys.argv[2]) + " " + " ".join(sys.argv[3:4])
if done.returncode != 0:
    sys.exit("timed: %s exited with %d" % (name, done.returncode))
if took > limit:
    sys.exit("timed: %s took %.1f s, more than %.0f s" % (name, took, limit))
print("ok: %s (limit %.0f s)" % (name, limit))
