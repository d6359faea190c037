# lit configuration for BorrowScope. Run through ctest, or directly with the
# lit of the LLVM built against:
#   python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
#   python3 /usr/lib/llvm-22/bin/lit -sv build-llvm22/test
import os

import lit.formats

config.name = "BorrowScope"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".ll", ".rs", ".test"]
config.excludes = ["Inputs", "unit", "tools", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.borrowscope_obj_root, "test")

# Tools of the LLVM the plugin was built against come first on PATH:
# FileCheck, not, count, opt, llvm-objdump.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.borrowscope_bin_dir, config.environment.get("PATH", "")])
# Tests must not inherit the caller's BorrowScope settings.
for var in list(os.environ):
    if var.startswith("BORROWSCOPE"):
        config.environment.pop(var, None)

lib = config.borrowscope_lib_dir
tools = os.path.join(config.test_source_root, "tools")
config.substitutions += [
    ("%clangxx", config.clangxx),
    ("%clang", config.clang),
    ("%opt", os.path.join(config.llvm_tools_dir, "opt")),
    ("%plugin", os.path.join(lib, "libBorrowScope.so")),
    ("%runtime", os.path.join(lib, "libborrowscope_rt.so")),
    ("%libdir", lib),
    ("%bsclangxx", os.path.join(config.borrowscope_bin_dir, "borrowscope-clang++")),
    ("%bsclang", os.path.join(config.borrowscope_bin_dir, "borrowscope-clang")),
    ("%include", os.path.join(config.borrowscope_src_root, "include")),
    ("%trace-summary", config.python + " " + os.path.join(tools, "trace_summary.py")),
    ("%python", config.python),
    # The build and source trees (e2e/install.test installs the build).
    ("%obj-root", config.borrowscope_obj_root),
    ("%src-root", config.borrowscope_src_root),
    # C source to the IR clang hands to the pass at PipelineStart.
    ("%ir-O0", config.clang + " -g -O0 -Xclang -fsanitize-address-use-after-scope"
               " -Xclang -disable-llvm-passes -S -emit-llvm"),
    ("%borrowscope-opt", os.path.join(config.llvm_tools_dir, "opt")
     + " -load-pass-plugin=" + os.path.join(lib, "libBorrowScope.so")
     + " -passes=borrowscope -pass-remarks=borrowscope -S"),
]
config.available_features.add("llvm-%d" % config.llvm_version_major)
config.substitutions.append(("%llvm-major", str(config.llvm_version_major)))

# Another LLVM installed next to ours (Debian: /usr/lib/llvm-N/bin), for
# pass/llvm_mismatch.test: the newest major other than ours that has clang and
# opt and is 16 or newer (the plugin asks its host through LLVMGetVersion,
# LLVM 16+). In the LLVM 19 build that is 22 when installed, and 19 in the 22
# build.
def other_llvm():
    import glob, re
    found = []
    for bin_dir in glob.glob("/usr/lib/llvm-*/bin"):
        m = re.fullmatch(r"/usr/lib/llvm-(\d+)/bin", bin_dir)
        major = int(m.group(1)) if m else 0
        if major < 16 or major == config.llvm_version_major:
            continue
        if all(os.access(os.path.join(bin_dir, t), os.X_OK) for t in ("clang", "opt")):
            found.append((major, bin_dir))
    return max(found) if found else None

other = other_llvm()
if other:
    config.available_features.add("other-llvm")
    config.substitutions += [
        ("%other-llvm-major", str(other[0])),
        ("%other-clang", os.path.join(other[1], "clang")),
        ("%other-opt", os.path.join(other[1], "opt")),
    ]
config.substitutions.append(
    ("%borrowscope", os.path.join(config.borrowscope_bin_dir, "borrowscope")))
config.substitutions.append(
    ("%fault-run", config.python + " " + os.path.join(tools, "fault_run.py")))
config.substitutions.append(
    ("%corpus-check", config.python + " " + os.path.join(tools, "corpus_check.py")
     + " " + os.path.join(config.borrowscope_bin_dir, "borrowscope")))

# rustc, for test/rust: the toolchain's own binary (not rustup's proxy, which
# needs HOME), from $BORROWSCOPE_RUSTC, PATH or ~/.cargo/bin. Feature "rustc"
# when its LLVM major is ours (the plugin loads into it), "rustc-other-llvm"
# when it is not (the wrappers' one-line refusal is tested instead). Without
# a rustc the Rust tests are reported as unsupported, not passed; with
# BORROWSCOPE_REQUIRE_RUSTC=1 (CI, where one is installed) that is an error.
# A candidate of our LLVM major wins over an earlier one of another.
def find_rustc():
    import re, shutil, subprocess
    candidates = [os.environ.get("BORROWSCOPE_RUSTC"), shutil.which("rustc"),
                  os.path.expanduser("~/.cargo/bin/rustc"), "/root/.cargo/bin/rustc"]
    found = []
    for rustc in candidates:
        if not rustc or not os.access(rustc, os.X_OK):
            continue
        try:
            sysroot = subprocess.run([rustc, "--print", "sysroot"], capture_output=True,
                                     text=True, timeout=120).stdout.strip()
            real = os.path.join(sysroot, "bin", "rustc")
            if not os.access(real, os.X_OK):
                real = rustc
            version = subprocess.run([real, "-vV"], capture_output=True, text=True,
                                     timeout=120).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        m = re.search(r"^LLVM version: (\d+)", version, re.M)
        if m:
            found.append((real, int(m.group(1)), os.path.join(sysroot, "bin", "cargo")))
    ours = [f for f in found if f[1] == config.llvm_version_major]
    return (ours or found or [None])[0]

rustc = find_rustc()
if rustc:
    real_rustc, rustc_llvm, cargo = rustc
    lit_config.note("rustc for test/rust: %s (LLVM %d)" % (real_rustc, rustc_llvm))
    config.available_features.add(
        "rustc" if rustc_llvm == config.llvm_version_major else "rustc-other-llvm")
    if os.access(cargo, os.X_OK):
        config.available_features.add("cargo")
    # Longer names first: lit substitutes in this order.
    wrapper = os.path.join(config.borrowscope_bin_dir, "borrowscope-rustc")
    config.substitutions += [
        ("%bsrustc-wrapper", wrapper),
        ("%bsrustc", wrapper + " " + real_rustc),
        ("%rustc-llvm-major", str(rustc_llvm)),
        ("%rustc", real_rustc),
        ("%cargo", cargo),
    ]
else:
    lit_config.note("no rustc found: test/rust is unsupported")
if os.environ.get("BORROWSCOPE_REQUIRE_RUSTC") == "1" and \
        "rustc" not in config.available_features:
    lit_config.fatal("BORROWSCOPE_REQUIRE_RUSTC=1 but no rustc of LLVM %d was found "
                     "(BORROWSCOPE_RUSTC, PATH, ~/.cargo/bin)" % config.llvm_version_major)
