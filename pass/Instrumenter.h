//===- Instrumenter.h - Emit the events of one function -------------------===//
#ifndef BORROWSCOPE_INSTRUMENTER_H
#define BORROWSCOPE_INSTRUMENTER_H

#include "Borrows.h"
#include "LastUse.h"
#include "Ownership.h"
#include "RuntimeLinker.h"
#include "SiteTable.h"
#include "SyncCalls.h"
#include "Variables.h"

namespace borrowscope {

/// What the analyses found for one function.
struct FunctionFacts {
  const std::vector<TrackedVariable> &Vars;
  const BorrowAnalysis &Analysis;
  const TracedVariables &Traced;
  const LastUses &Uses;
};

/// Instruments \p F: New and Drop of the traced variables, Borrow, Move and
/// Release events, and clock records around the calls \p Sync says order
/// threads, through the inlined hot path \p Hot, with static facts in
/// \p Sites.
void instrumentFunction(llvm::Function &F, const FunctionFacts &Facts,
                        const SyncCalls &Sync, SiteTable &Sites,
                        const HotPath &Hot);

} // namespace borrowscope

#endif // BORROWSCOPE_INSTRUMENTER_H
