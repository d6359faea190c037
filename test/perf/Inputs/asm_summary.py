#!/usr/bin/env python3
"""Summarises the machine code of an instrumented binary, for the perf tests.

  asm_summary.py BINARY FUNCTION...

Prints, from `llvm-objdump -d` and `llvm-nm` (first on PATH):
  hot-symbols N         symbols named __borrowscope_hot_* (0 once inlined)
  tls-get-addr N        references to __tls_get_addr (0 with initial-exec TLS)
  module-hooks ...      BorrowScope functions the module constructor and
                        destructor call (register/unregister)
  violation F -> T      a call from F to a BorrowScope function T that an
                        event must not cost: anything but the out-of-line slow
                        path (SLOW_PATH below: __borrowscope_refill_stub_v2,
                        called from the inline assembly of the room check
                        when a window is full), and the module hooks
  violations N
  function F rdtsc=N fs=N slow-path-calls=N   for each FUNCTION asked for:
                        clock reads, %fs-relative (thread-local) accesses, and
                        how many distinct slow-path functions it calls
"""
import re
import shutil
import subprocess
import sys

# The slow path's names by ABI version (include/borrowscope/abi.h).
SLOW_PATH_RE = re.compile(r"^__borrowscope_(refill|refill_stub|clock_high|slow)_v[0-9]+$")
MODULE_HOOKS = {
    "borrowscope.module_ctor": {"__borrowscope_register_module_v2"},
    "borrowscope.module_dtor": {"__borrowscope_unregister_module_v2"},
}

FUNC_RE = re.compile(r"^[0-9a-f]+ <(.+)>:$")
# Direct calls and tail calls: "callq 0x2090 <__borrowscope_refill_v1@plt>".
CALL_RE = re.compile(r"\s(?:call|jmp)q?\s+(?:0x)?[0-9a-f]+ <([^>+]+)(?:\+0x[0-9a-f]+)?>")


def tool(name):
    path = shutil.which(name)
    if not path:
        sys.exit(f"asm_summary.py: {name} is not on PATH")
    return path


def disassemble(binary):
    out = subprocess.run([tool("llvm-objdump"), "-d", "--no-show-raw-insn", binary],
                         check=True, capture_output=True, text=True).stdout
    functions = {}
    current = None
    for line in out.splitlines():
        m = FUNC_RE.match(line)
        if m:
            current = functions.setdefault(m.group(1), [])
        elif current is not None and line.strip():
            current.append(line)
    return out, functions


def symbols(binary):
    names = set()
    for flags in ([], ["-D"]):
        res = subprocess.run([tool("llvm-nm")] + flags + [binary],
                             capture_output=True, text=True)
        names.update(line.split()[-1] for line in res.stdout.splitlines() if line.split())
    return names


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, wanted = sys.argv[1], sys.argv[2:]
    text, functions = disassemble(binary)

    hot = sorted(n for n in symbols(binary) if n.startswith("__borrowscope_hot"))
    print(f"hot-symbols {len(hot)} {' '.join(hot)}".rstrip())
    print(f"tls-get-addr {text.count('__tls_get_addr')}")

    hooks = set()
    violations = []
    per_function = {}
    for name, lines in functions.items():
        if name.endswith("@plt") or name == ".plt":
            continue
        targets = set()
        for line in lines:
            m = CALL_RE.search(line)
            if not m:
                continue
            target = m.group(1).removesuffix("@plt")
            if target.startswith("__borrowscope"):
                targets.add(target)
        per_function[name] = {t for t in targets if SLOW_PATH_RE.match(t)}
        allowed = MODULE_HOOKS.get(name, set())
        hooks |= targets & allowed
        violations += [f"violation {name} -> {t}" for t in sorted(targets)
                       if t not in allowed and not SLOW_PATH_RE.match(t)]

    print("module-hooks " + " ".join(sorted(hooks)))
    for v in violations:
        print(v)
    print(f"violations {len(violations)}")

    for name in wanted:
        if name not in functions:
            print(f"function {name} missing")
            continue
        lines = functions[name]
        rdtsc = sum(1 for l in lines if re.search(r"\srdtscp?\b", l))
        fs = sum(1 for l in lines if "%fs:" in l)
        slow = len(per_function.get(name, ()))
        print(f"function {name} rdtsc={rdtsc} fs={fs} slow-path-calls={slow}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
