#!/usr/bin/env python3
"""doc_commands.py DOC MARKER [CLANG]: prints the commands of the first
```sh block after the first line of DOC (a Markdown file) that contains
MARKER, as the documentation gives them, so that a test runs exactly what a
reader would copy. With CLANG, `clang-19` is replaced by it (the clang of the
build's LLVM). Exits 1 when there is no such block."""
import sys

if len(sys.argv) not in (3, 4):
    sys.exit(__doc__)
with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().splitlines()
start = next((i for i, l in enumerate(lines) if sys.argv[2] in l), None)
if start is None:
    sys.exit("doc_commands: %s: no line with %r" % (sys.argv[1], sys.argv[2]))
block, inside = [], False
for line in lines[start + 1:]:
    if not inside and line.strip() == "```sh":
        inside = True
    elif inside and line.strip() == "```":
        break
    elif inside:
        block.append(line)
if not block:
    sys.exit("doc_commands: %s: no ```sh block after %r" % (sys.argv[1], sys.argv[2]))
text = "\n".join(block) + "\n"
if len(sys.argv) == 4:
    text = text.replace("clang-19 ", sys.argv[3] + " ")
sys.stdout.write(text)
