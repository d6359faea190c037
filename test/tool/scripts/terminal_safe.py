#!/usr/bin/env python3
"""Checks that text written by borrowscope is safe to print on a terminal.

  terminal_safe.py [--sgr] [--forged WORD] FILE...

Fails (exit 1, one line per problem) when a file holds a byte a terminal
would act on rather than show: a C0 control other than the newline (ESC,
BEL, CR, ...), DEL, a C1 control (U+0080-U+009F, U+009B is CSI), a
bidirectional override or isolate, a line or paragraph separator, or bytes
that are not UTF-8. With --sgr, the colour sequences the tool writes itself
(ESC [ digits;... m) are allowed, and nothing else after an ESC. With
--forged WORD, a line that starts with WORD (a newline from a trace that
forged a line of the output) is a problem too. Prints "safe: FILE, N lines"
for each file that passes.
"""
import re
import sys

ACTING = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f\u061c\u200e\u200f"
    "\u2028-\u202e\u2066-\u2069\ufeff]")
SGR = re.compile("\x1b\\[[0-9;]*m")


def check(path, sgr, forged):
    problems = []
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["%s: byte %d (0x%02x) is not UTF-8" % (path, e.start, data[e.start])], 0
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        plain = SGR.sub("", line) if sgr else line
        for m in ACTING.finditer(plain):
            problems.append("%s:%d: raw U+%04X in %r" % (path, number, ord(m.group()), line[:120]))
        if forged and SGR.sub("", line).lstrip().startswith(forged):
            problems.append("%s:%d: a forged line: %r" % (path, number, line[:120]))
    return problems, len(lines) - (1 if text.endswith("\n") else 0)


def main():
    args = sys.argv[1:]
    sgr = "--sgr" in args
    if sgr:
        args.remove("--sgr")
    forged = None
    if "--forged" in args:
        i = args.index("--forged")
        forged = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    failed = False
    for path in args:
        problems, lines = check(path, sgr, forged)
        for p in problems:
            print(p)
        if problems:
            failed = True
        else:
            print("safe: %s, %d lines" % (path.rsplit("/", 1)[-1], lines))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
