# lit configuration for BorrowScope (run through ctest, or directly:
#   python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
import os

import lit.formats

config.name = "BorrowScope"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".ll", ".test"]
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
    # C source to the IR clang hands to the pass at PipelineStart.
    ("%ir-O0", config.clang + " -g -O0 -Xclang -fsanitize-address-use-after-scope"
               " -Xclang -disable-llvm-passes -S -emit-llvm"),
    ("%borrowscope-opt", os.path.join(config.llvm_tools_dir, "opt")
     + " -load-pass-plugin=" + os.path.join(lib, "libBorrowScope.so")
     + " -passes=borrowscope -pass-remarks=borrowscope -S"),
]
config.available_features.add("llvm-%d" % config.llvm_version_major)
config.substitutions.append(
    ("%borrowscope", os.path.join(config.borrowscope_bin_dir, "borrowscope")))
config.substitutions.append(
    ("%corpus-check", config.python + " " + os.path.join(tools, "corpus_check.py")
     + " " + os.path.join(config.borrowscope_bin_dir, "borrowscope")))
