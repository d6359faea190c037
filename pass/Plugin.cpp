//===- Plugin.cpp - Registration with clang and opt -----------------------===//
//
//   clang -fpass-plugin=libBorrowScope.so ...   runs at PipelineStart (-O0..-Oz,
//                                                and the compile step of -flto)
//   opt -load-pass-plugin=libBorrowScope.so -passes=borrowscope
//
// BORROWSCOPE=off (or 0) in the compiler's environment registers nothing at
// all, so the output is byte-identical to a build without the plugin.
//
//===----------------------------------------------------------------------===//
#include "BorrowScopePass.h"
#include "Compat.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

using namespace llvm;

#ifndef BORROWSCOPE_VERSION
#define BORROWSCOPE_VERSION "0.0.0"
#endif

namespace {

/// BORROWSCOPE=off|0 disables; unset, empty, on or 1 enables. Anything else
/// is a mistake worth one line, and leaves instrumentation on.
bool enabledByEnvironment() {
  const char *Value = std::getenv("BORROWSCOPE");
  if (!Value)
    return true;
  StringRef V(Value);
  if (V == "off" || V == "0")
    return false;
  if (!V.empty() && V != "on" && V != "1")
    errs() << "borrowscope: ignoring BORROWSCOPE='" << V
           << "' (expected on, off, 1 or 0)\n";
  return true;
}

void registerCallbacks(PassBuilder &PB) {
  if (!enabledByEnvironment())
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

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT
    PassPluginLibraryInfo
    llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "BorrowScope", BORROWSCOPE_VERSION,
          registerCallbacks};
}
