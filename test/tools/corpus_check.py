#!/usr/bin/env python3
"""Compares `borrowscope check --json` with the findings a corpus program
expects, for tests and for docs/semantics.md's precision and recall.

  corpus_check.py BORROWSCOPE SOURCE TRACE
      exit 0 when the findings are exactly the `// EXPECT: <kind>` lines of
      SOURCE (kind and line), else print the difference and exit 1.
  corpus_check.py --score BORROWSCOPE (SOURCE TRACE)...
      print true/false positives and negatives over all pairs, and precision
      and recall.

A finding matches an expectation when its kind is the same and its location
is on the line of the `// EXPECT:` comment.
"""
import json
import re
import subprocess
import sys


def expected(source):
    found = set()
    with open(source, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = re.search(r"//\s*EXPECT:\s*(\w+)", line)
            if m:
                found.add((m.group(1), number))
    return found


def reported(borrowscope, trace):
    result = subprocess.run([borrowscope, "check", "--json", trace],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"borrowscope check failed ({result.returncode}): {result.stderr.strip()}")
    violations = json.loads(result.stdout)["violations"]
    if bool(violations) != (result.returncode == 1):
        sys.exit("exit status does not match the findings")
    return {(v["kind"], int(v["location"].rsplit(":", 2)[1])) for v in violations}


def main(argv):
    if len(argv) == 4 and argv[1] != "--score":
        want, got = expected(argv[2]), reported(argv[1], argv[3])
        if want != got:
            for kind, line in sorted(want - got):
                print(f"missed: {kind} at line {line}")
            for kind, line in sorted(got - want):
                print(f"unexpected: {kind} at line {line}")
            return 1
        print(f"ok: {len(got)} finding(s) as expected")
        return 0
    if len(argv) >= 5 and argv[1] == "--score" and len(argv[3:]) % 2 == 0:
        tp = fp = fn = 0
        pairs = argv[3:]
        for source, trace in zip(pairs[0::2], pairs[1::2]):
            want, got = expected(source), reported(argv[2], trace)
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"programs {len(pairs) // 2} expected {tp + fn} reported {tp + fp} "
              f"true-positives {tp} false-positives {fp} false-negatives {fn}")
        print(f"precision {precision:.0%} recall {recall:.0%}")
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
