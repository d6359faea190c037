//===- Plugin.cpp - Registration with clang and opt -----------------------===//
//
//   clang -fpass-plugin=libBorrowScope.so ...   runs at PipelineStart (-O0..-Oz,
//                                                and the compile step of -flto)
//   opt -load-pass-plugin=libBorrowScope.so -passes=borrowscope
//
// BORROWSCOPE=off (or 0) in the compiler's environment registers nothing at
// all, so the output is byte-identical to a build without the plugin.
//
// A plugin built for one LLVM major and loaded into another (LLVM 19's into
// clang-22, opt-22 or rustc; 22's into clang-19) says so in one line and is
// refused by the host; see llvmGetPassPluginInfo.
//
//===----------------------------------------------------------------------===//
#include "BorrowScopePass.h"
#include "Compat.h"
#include "Settings.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

using namespace llvm;

#ifndef BORROWSCOPE_VERSION
#define BORROWSCOPE_VERSION "0.0.0"
#endif

namespace {

void registerCallbacks(PassBuilder &PB) {
  // BORROWSCOPE=off (or 0, false, no): the pass is not even registered, so
  // the output is byte-identical to a plain build.
  if (!borrowscope::switchFromEnvironment("BORROWSCOPE", true))
    return;
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name != "borrowscope")
          return false;
        MPM.addPass(borrowscope::BorrowScopePass(
            borrowscope::PassOptions::fromEnvironment()));
        return true;
      });
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(borrowscope::BorrowScopePass(
            borrowscope::PassOptions::fromEnvironment()));
      });
}

/// Registers nothing: what a refused plugin hands over, in case a host ever
/// accepted API version 0.
void registerNothing(PassBuilder &) {}

/// The one line of a mismatched plugin, with C stdio only: llvm::errs() is
/// the host's, and its inline operator<< would use this LLVM's layout.
void reportMismatch(const borrowscope::HostLLVMVersion &Host) {
  Dl_info Self{};
  const char *Path = "libBorrowScope.so";
  if (dladdr(reinterpret_cast<void *>(&reportMismatch), &Self) &&
      Self.dli_fname)
    Path = Self.dli_fname;
  std::fprintf(stderr,
               "borrowscope: error: %s was built for LLVM %d but this "
               "compiler runs LLVM %u.%u.%u; build BorrowScope for LLVM %u "
               "(cmake -DLLVM_DIR=/usr/lib/llvm-%u/lib/cmake/llvm, or "
               "BORROWSCOPE_LLVM=%u tools/quickstart.sh) and load that "
               "plugin\n",
               Path, LLVM_VERSION_MAJOR, Host.Major, Host.Minor, Host.Patch,
               Host.Major, Host.Major, Host.Major);
  std::fflush(stderr);
}

} // namespace

/// The host calls this right after loading the plugin (clang -fpass-plugin,
/// opt -load-pass-plugin, rustc -Z llvm-plugins). By then only static
/// constructors have run, and the one that touches LLVM (a cl::opt) stays
/// out of a mismatched host (BorrowScopePass.cpp).
///
/// In another LLVM major, this prints one line and returns API version 0:
/// every LLVM's PassPlugin::Load compares APIVersion with its own
/// LLVM_PLUGIN_API_VERSION (1 up to LLVM 21, 2 from 22) before it uses
/// anything else of the struct, and rejects the plugin with its own error
/// ("Wrong API version on plugin ..."): the compile fails cleanly, the host
/// keeps control, and no callback ever sees the other LLVM's PassBuilder.
/// Returning our real version instead would be accepted by a host of the
/// same API number (LLVM 19 and 21 both say 1) and crash in the callback;
/// 0 has never been a valid version. Exiting the process here would also be
/// safe, but would take the host's own error (and rustc or a JIT) with it.
///
/// Caveat, in the host's code and out of reach of any C++ definition: the
/// struct is returned in memory the caller reserves, and LLVM 22's has one
/// more pointer (PreCodeGenCallback), so a 22 plugin in a 19 host writes 8
/// bytes past the host's 32-byte temporary. In Debian's 19.1.7
/// PassPlugin::Load those bytes belong to a Twine temporary that is written
/// before it is read (checked in its disassembly), and the lit test
/// pass/llvm_mismatch.test runs that case when LLVM 19 is installed.
extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT
    PassPluginLibraryInfo
    llvmGetPassPluginInfo() {
  if (!borrowscope::hostLLVMMatches()) {
    static bool Reported = false; // Once, should a host ask twice.
    if (!Reported)
      reportMismatch(borrowscope::hostLLVMVersion());
    Reported = true;
    return {0, "BorrowScope", BORROWSCOPE_VERSION, registerNothing};
  }
  return {LLVM_PLUGIN_API_VERSION, "BorrowScope", BORROWSCOPE_VERSION,
          registerCallbacks};
}
