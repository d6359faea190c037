//===- BorrowScopePass.h - The BorrowScope module pass --------------------===//
#ifndef BORROWSCOPE_BORROWSCOPEPASS_H
#define BORROWSCOPE_BORROWSCOPEPASS_H

#include "Ownership.h"
#include "llvm/IR/PassManager.h"

namespace borrowscope {

struct PassOptions {
  /// Also instrument code from system headers (the standard library's
  /// templates instantiated in the user's file). Calls into it are borrows at
  /// the call site either way.
  bool InstrumentSystemHeaders = false;
  /// Which variables are traced: those that take part in ownership (the
  /// default), or all of them.
  VariableSelection Variables = VariableSelection::Ownership;

  /// From BORROWSCOPE_SYSTEM_HEADERS=1 or -borrowscope-system-headers, and
  /// BORROWSCOPE_VARIABLES=ownership|all or -borrowscope-variables=...
  static PassOptions fromEnvironment();
};

/// Instruments the stack variables of every function in a module with New,
/// Borrow, Move, Release and Drop events, links the inlined hot path, and
/// emits the module's site table. Runs at PipelineStart, before SROA, while every
/// source variable is still an alloca.
class BorrowScopePass : public llvm::PassInfoMixin<BorrowScopePass> {
public:
  explicit BorrowScopePass(PassOptions Options) : Options(Options) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  /// -O0 marks every function optnone; the pass must run there too.
  static bool isRequired() { return true; }

private:
  PassOptions Options;
};

} // namespace borrowscope

#endif // BORROWSCOPE_BORROWSCOPEPASS_H
