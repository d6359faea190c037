#!/usr/bin/env python3
"""Summarises the machine code of an instrumented binary, for the perf tests.

  asm_summary.py BINARY FUNCTION...

Prints, from `llvm-objdump -d` and `llvm-nm` (first on PATH):
  hot-symbols N         symbols named __borrowscope_hot_* (0 once inlined)
  tls-get-addr N        references to __tls_get_addr (0 with initial-exec TLS)
  calls-to-runtime ...  every BorrowScope function called from anywhere, sorted
  violation F -> T      a call from F to a BorrowScope function T that an
                        event must not cost (anything but the slow path, and
                        register/unregister in the module constructor/destructor)
  violations N
  function F rdtsc=N fs=N runtime-calls=...   for each FUNCTION asked for:
                        clock reads, %fs-relative (thread-local) accesses, and
                        the BorrowScope functions it calls
"""
import re
import shutil
import subprocess
import sys

SLOW_PATH = {"__borrowscope_refill_v1", "__borrowscope_clock_high_v1"}
MODULE_HOOKS = {
    "borrowscope.module_ctor": {"__borrowscope_register_module_v1"},
    "borrowscope.module_dtor": {"__borrowscope_unregister_module_v1"},
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

    called = set()
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
        per_function[name] = targets
        called |= targets
        allowed = SLOW_PATH | MODULE_HOOKS.get(name, set())
        violations += [f"violation {name} -> {t}" for t in sorted(targets - allowed)]

    print("calls-to-runtime " + " ".join(sorted(called)))
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
        calls = ",".join(sorted(per_function.get(name, ()))) or "none"
        print(f"function {name} rdtsc={rdtsc} fs={fs} runtime-calls={calls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
