#!/usr/bin/env python3
"""Prints parts of a JSON file for FileCheck, one per line.

  json_query.py FILE EXPR...   evaluates each Python EXPR with `d` bound to
                               the document and prints the result as
                               compact JSON (sorted keys)
"""
import json
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
for expr in sys.argv[2:]:
    print(json.dumps(eval(expr, {"d": d}), sort_keys=True, separators=(",", ":")))
