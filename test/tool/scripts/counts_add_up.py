#!/usr/bin/env python3
"""counts_add_up.py FILE...: every "N borrows (a shared, b mut, c move,
d unknown)" in the files (the report's totals, run's summary, ...) must add
up: a + b + c + d == N. Prints "adds up: FILE, K counts" per file; exits 1
with the first one that does not (or when a file has none)."""
import re
import sys

PATTERN = re.compile(r"(\d+) borrows? \(([^)]*)\)")

if len(sys.argv) < 2:
    sys.exit(__doc__)
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"\x1b\[[0-9;]*m", "", f.read())
    found = 0
    for m in PATTERN.finditer(text):
        parts = [p.strip().split(" ", 1) for p in m.group(2).split(",")]
        kinds = {k: int(n) for n, k in parts}
        if sum(kinds.values()) != int(m.group(1)):
            sys.exit("counts_add_up: %s: %r does not add up" % (path, m.group(0)))
        found += 1
    if not found:
        sys.exit("counts_add_up: %s: no borrow counts" % path)
    print("adds up: %s, %d %s" % (path.rsplit("/", 1)[-1], found,
                                  "count" if found == 1 else "counts"))
