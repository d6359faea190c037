//===- Instrumenter.h - Emit the events of one function -------------------===//
#ifndef BORROWSCOPE_INSTRUMENTER_H
#define BORROWSCOPE_INSTRUMENTER_H

#include "BlockingCalls.h"
#include "Borrows.h"
#include "RuntimeLinker.h"
#include "SiteTable.h"
#include "Variables.h"

namespace borrowscope {

/// Instruments \p F: New, Borrow, Move and Drop events for \p Vars and the
/// borrows found in \p Analysis, through the inlined hot path \p Hot, with
/// static facts in \p Sites; the clock is marked stale after the calls
/// \p Blocking says may block.
void instrumentFunction(llvm::Function &F,
                        const std::vector<TrackedVariable> &Vars,
                        const BorrowAnalysis &Analysis,
                        const BlockingCalls &Blocking, SiteTable &Sites,
                        const HotPath &Hot);

} // namespace borrowscope

#endif // BORROWSCOPE_INSTRUMENTER_H
