//===- Instrumenter.cpp - Emit the events of one function -----------------===//
//
// Works in two steps, so that the work stays linear in the function's size:
//   1. plan: decide which events go before which instruction;
//   2. emit: walk each block once, in order, reading the clock once per run of
//      events that no call separates (the clock read costs more than the event).
//
// Each variable gets an i32 "id slot" alloca holding its live instance id (0
// when none). New stores the id; Borrow and Drop load it; Drop at a lifetime
// end stores 0, so a later exit does not drop the instance again. The slots
// are never address-taken: SROA turns them into SSA values at -O1 and above.
//
//===----------------------------------------------------------------------===//
#include "Instrumenter.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

namespace {

enum class EventKind { New, Drop, Borrow };

struct PlannedEvent {
  EventKind Kind;
  const TrackedVariable *Var; ///< New/Drop: the variable.
  const Borrow *B;            ///< Borrow (or Move): what the pass found.
  uint32_t Site;
  bool ClearSlot; ///< Drop at a lifetime end: the instance is gone.
  /// Records this event takes: wide events (an address) take two.
  unsigned records() const {
    if (Kind == EventKind::Borrow)
      return B->Address || B->Destination ? 2 : 1;
    return Kind == EventKind::New && Wide ? 2 : 1;
  }
  bool Wide = false; ///< New of an address-taken variable.
};

/// "New 'x' (int)", "Borrow of 'x' by 'p' (variable, mutable)", "Drop 'x'".
std::string describeSite(const SiteInfo &S) {
  switch (S.Kind) {
  case BS_SITE_NEW:
    return "New '" + S.Name + "' (" + S.TypeName + ")" +
           (S.Flags & BS_SITE_FLAG_WIDE ? " at its address" : "");
  case BS_SITE_BORROW:
    return (S.Flags & BS_SITE_FLAG_REBORROW ? std::string("Reborrow")
                                            : "Borrow of '" + S.Owner + "'") +
           " by '" + S.Name + "' (" + bs_borrower_kind_name(S.BorrowerKind) +
           ", " + bs_mutability_name(S.Mutability) + ")";
  case BS_SITE_MOVE:
    return "Move of '" + S.Owner + "' into '" + S.Name + "'";
  default:
    return "Drop '" + S.Name + "'" +
           (S.Flags & BS_SITE_FLAG_UNWIND ? " on unwind" : "");
  }
}

/// A call may record events of its own, which use up the room reserved for
/// a group: a group ends at a call.
bool endsClockRun(const Instruction &I) {
  return isa<CallBase>(I) && !isa<IntrinsicInst>(I);
}

/// The first instruction after the entry block's static allocas. Nothing may
/// be inserted between those allocas: an alloca after a non-alloca is no
/// longer static, and later passes mishandle its lifetime markers.
Instruction *entryInsertionPoint(Function &F) {
  for (Instruction &I : F.getEntryBlock()) {
    auto *AI = dyn_cast<AllocaInst>(&I);
    if (!AI || !AI->isStaticAlloca())
      return &I;
  }
  llvm_unreachable("a block ends with a terminator");
}

/// Drops at a `ret` go before a musttail call, which must stay last.
Instruction *exitInsertionPoint(ReturnInst &Ret) {
  if (CallInst *Tail = Ret.getParent()->getTerminatingMustTailCall())
    return Tail;
  return &Ret;
}

class FunctionInstrumenter {
public:
  FunctionInstrumenter(Function &F, const std::vector<TrackedVariable> &Vars,
                       const BorrowAnalysis &Analysis,
                       const BlockingCalls &Blocking, SiteTable &Sites,
                       const HotPath &Hot)
      : F(F), Vars(Vars), Analysis(Analysis), Blocking(Blocking),
        Sites(Sites), Hot(Hot),
        FunctionName(demangle(F.getName())), SP(F.getSubprogram()) {}

  void run() {
    createSlots();
    planNews();
    for (const Borrow &B : Analysis.Borrows)
      planBorrow(B);
    planDrops();
    SmallVector<Instruction *, 16> Points = blockingPoints();
    emit();
    markClockStale(Points);
  }

private:
  void createSlots() {
    IRBuilder<> B(&F.getEntryBlock(), F.getEntryBlock().begin());
    for (const TrackedVariable &V : Vars)
      Slots[&V] = B.CreateAlloca(B.getInt32Ty(), nullptr, V.Name + ".bsid");
    // Variables that may not be live on every path start with "no instance".
    B.SetInsertPoint(entryInsertionPoint(F));
    for (const TrackedVariable &V : Vars)
      if (V.Mode != LifetimeMode::Entry)
        B.CreateStore(B.getInt32(0), Slots[&V]);
  }

  void planNews() {
    Instruction *Entry = entryInsertionPoint(F);
    for (const TrackedVariable &V : Vars) {
      PlannedEvent New{EventKind::New, &V, nullptr, newSite(V), false};
      New.Wide = Analysis.AddressTaken.contains(&V); // same as the site's
      switch (V.Mode) {
      case LifetimeMode::Entry:
        plan(Entry, New);
        break;
      case LifetimeMode::Markers:
        for (IntrinsicInst *Start : V.Starts)
          plan(Start->getNextNode(), New);
        break;
      case LifetimeMode::Dynamic: {
        // Executing the alloca again (a VLA in a loop) ends the previous
        // instance.
        Instruction *After = V.Alloca->getNextNode();
        plan(After, {EventKind::Drop, &V, nullptr, dropSite(V, *V.Alloca),
                     false});
        plan(After, New);
        break;
      }
      }
    }
  }

  void planBorrow(const Borrow &B) {
    SiteInfo S = siteAt(B.IsMove ? BS_SITE_MOVE : BS_SITE_BORROW, *B.At);
    // A parameter's incoming pointer is stored where no statement is: say
    // where the parameter is declared.
    if (S.Line == 0 && B.Borrower) {
      S.File = B.Borrower->File;
      S.Line = B.Borrower->Line;
      S.Column = B.Borrower->Column;
    }
    S.Name = B.BorrowerName;
    S.Owner = B.Owner ? B.Owner->Name : "";
    S.Through = B.Through ? B.Through->Name : "";
    S.Mutability = B.Mutability;
    S.BorrowerKind = B.Kind;
    if (B.Address || B.Destination)
      S.Flags |= BS_SITE_FLAG_WIDE;
    if (!B.Owner)
      S.Flags |= BS_SITE_FLAG_REBORROW;
    plan(borrowPoint(B), {EventKind::Borrow, nullptr, &B,
                          addSite(std::move(S), *B.At), false});
  }

  /// Where a borrow is recorded: before its store, call or return, except
  /// that `return &local` is recorded before the local's lifetime ends on
  /// the way out (clang ends it before the `ret`): the address outlives it.
  Instruction *borrowPoint(const Borrow &B) const {
    if (!isa<ReturnInst>(B.At) || !B.Owner)
      return B.At;
    for (IntrinsicInst *End : B.Owner->Ends)
      if (End->getParent() == B.At->getParent())
        return End;
    return B.At;
  }

  void planDrops() {
    for (const TrackedVariable &V : Vars)
      for (IntrinsicInst *End : V.Ends)
        plan(End, {EventKind::Drop, &V, nullptr, dropSite(V, *End), true});

    // Exits drop in reverse declaration order, like C++ destructors.
    for (BasicBlock &BB : F) {
      Instruction *Term = BB.getTerminator();
      bool IsResume = isa<ResumeInst>(Term);
      if (!isa<ReturnInst>(Term) && !IsResume)
        continue;
      Instruction *At = IsResume ? Term
                                 : exitInsertionPoint(*cast<ReturnInst>(Term));
      for (const TrackedVariable &V : reverse(Vars)) {
        // On a normal return, marker-scoped variables have already ended at
        // their lifetime.end; on the unwind path every live one ends here.
        if (!IsResume && V.Mode == LifetimeMode::Markers)
          continue;
        SiteInfo S = dropSiteInfo(V, *At);
        if (IsResume)
          S.Flags |= BS_SITE_FLAG_UNWIND;
        plan(At, {EventKind::Drop, &V, nullptr, addSite(std::move(S), *At),
                  false});
      }
    }
  }

  void plan(Instruction *Before, PlannedEvent E) {
    Plan[Before].push_back(E);
  }

  /// Emits the planned events block by block. A run is the events between
  /// two calls: it opens with one begin(n) (a clock read and one check for
  /// room), and reserves again every BS_MAX_GROUP events.
  void emit() {
    for (BasicBlock &BB : F) {
      SmallVector<Instruction *, 32> Original;
      for (Instruction &I : BB)
        Original.push_back(&I);
      for (size_t First = 0; First < Original.size();) {
        size_t End = First;
        while (End < Original.size() && !endsClockRun(*Original[End]))
          ++End;
        if (End < Original.size())
          ++End; // the call itself may have events before it
        emitRun(ArrayRef(Original).slice(First, End - First));
        First = End;
      }
    }
  }

  void emitRun(ArrayRef<Instruction *> Run) {
    unsigned Remaining = 0;
    for (Instruction *I : Run)
      if (auto It = Plan.find(I); It != Plan.end())
        for (const PlannedEvent &E : It->second)
          Remaining += E.records();
    Value *Clock = nullptr;
    unsigned Reserved = 0;
    for (Instruction *I : Run) {
      auto It = Plan.find(I);
      if (It == Plan.end())
        continue;
      IRBuilder<> B(I);
      B.SetCurrentDebugLocation(debugLocFor(*I));
      for (const PlannedEvent &E : It->second) {
        if (Reserved < E.records()) {
          Reserved = std::min<unsigned>(Remaining, BS_MAX_GROUP);
          if (!Clock)
            Clock = B.CreateCall(Hot.Begin, {B.getInt32(Reserved)}, "bs.clock");
          else
            B.CreateCall(Hot.Reserve, {Clock, B.getInt32(Reserved)});
        }
        emitEvent(B, Clock, E);
        Reserved -= E.records();
        Remaining -= E.records();
      }
    }
  }

  void emitEvent(IRBuilder<> &B, Value *Clock, const PlannedEvent &E) {
    Type *I32 = B.getInt32Ty();
    Value *Site = Sites.emitSiteNumber(B, E.Site);
    auto LoadId = [&](const TrackedVariable *V, const char *Name) -> Value * {
      if (!V)
        return B.getInt32(0);
      return B.CreateLoad(I32, Slots[V], Name);
    };
    switch (E.Kind) {
    case EventKind::New: {
      Value *Id =
          E.Wide ? B.CreateCall(Hot.NewAt, {Clock, Site, E.Var->Alloca,
                                            allocaSize(B, *E.Var->Alloca)},
                                "bs.id")
                 : B.CreateCall(Hot.New, {Clock, Site}, "bs.id");
      B.CreateStore(Id, Slots[E.Var]);
      break;
    }
    case EventKind::Drop:
      B.CreateCall(Hot.Drop, {Clock, Site, LoadId(E.Var, "bs.id")});
      if (E.ClearSlot)
        B.CreateStore(B.getInt32(0), Slots[E.Var]);
      break;
    case EventKind::Borrow:
      emitBorrow(B, Clock, Site, *E.B, LoadId);
      break;
    }
  }

  template <typename LoadIdFn>
  void emitBorrow(IRBuilder<> &B, Value *Clock, Value *Site, const Borrow &Br,
                  LoadIdFn LoadId) {
    Value *Borrower = LoadId(Br.Borrower, "bs.borrower");
    Value *Null = ConstantPointerNull::get(B.getPtrTy());
    Value *Destination = Br.Destination ? Br.Destination : Null;
    if (Br.IsMove) {
      B.CreateCall(Hot.Move, {Clock, Site, LoadId(Br.Owner, "bs.from"),
                              Borrower});
    } else if (!Br.Owner) {
      B.CreateCall(Hot.Reborrow,
                   {Clock, Site, Borrower, Br.Address, Destination});
    } else if (Br.Destination) {
      B.CreateCall(Hot.BorrowAt, {Clock, Site, LoadId(Br.Owner, "bs.owner"),
                                  Borrower, Destination});
    } else {
      B.CreateCall(Hot.Borrow,
                   {Clock, Site, LoadId(Br.Owner, "bs.owner"), Borrower});
    }
  }

  /// Bytes of the variable: fixed for an ordinary local, computed for a VLA.
  Value *allocaSize(IRBuilder<> &B, AllocaInst &AI) {
    const DataLayout &DL = F.getParent()->getDataLayout();
    Value *Size = B.getInt64(DL.getTypeAllocSize(AI.getAllocatedType()));
    if (AI.isArrayAllocation())
      Size = B.CreateMul(Size, B.CreateZExtOrTrunc(AI.getArraySize(),
                                                   B.getInt64Ty()));
    return Size;
  }

  /// Calls that may block, and landing pads (an exception was in flight),
  /// found before emitting: afterwards the clock must be read again.
  SmallVector<Instruction *, 16> blockingPoints() {
    SmallVector<Instruction *, 16> Points;
    for (Instruction &I : instructions(F))
      if ((isa<CallBase>(I) && Blocking.mayBlock(cast<CallBase>(I))) ||
          isa<LandingPadInst>(I))
        Points.push_back(&I);
    return Points;
  }

  /// Marks the clock stale right after each blocking point, before any event
  /// emitted there: the hot path may reuse a clock value only while no
  /// blocking call came in between.
  void markClockStale(ArrayRef<Instruction *> Points) {
    for (Instruction *I : Points) {
      BasicBlock::iterator Where;
      if (auto *Invoke = dyn_cast<InvokeInst>(I))
        Where = Invoke->getNormalDest()->getFirstInsertionPt();
      else if (I->isTerminator())
        continue; // callbr and the like: no single place after it
      else
        Where = std::next(I->getIterator());
      if (auto *Tail = dyn_cast<CallInst>(I); Tail && Tail->isMustTailCall())
        continue; // nothing may follow a musttail call but its ret
      IRBuilder<> B(Where->getParent(), Where);
      B.SetCurrentDebugLocation(debugLocFor(*I));
      B.CreateCall(Hot.Stale);
    }
  }

  /// The verifier requires a location on inlinable calls in functions with
  /// debug info; line 0 when the instruction has none.
  DebugLoc debugLocFor(const Instruction &I) const {
    if (I.getDebugLoc() || !SP)
      return I.getDebugLoc();
    return DILocation::get(F.getContext(), 0, 0,
                           const_cast<DISubprogram *>(SP));
  }

  SiteInfo siteAt(bs_site_kind Kind, const Instruction &I) const {
    SiteInfo S;
    S.Kind = Kind;
    S.Function = FunctionName;
    if (const DebugLoc &DL = I.getDebugLoc(); DL && DL.getLine() != 0) {
      S.Line = DL.getLine();
      S.Column = DL.getCol();
      if (auto *Scope = dyn_cast<DIScope>(DL.getScope()))
        S.File = Scope->getFilename().str();
    } else if (SP) {
      S.File = SP->getFilename().str();
    } else {
      S.File = F.getParent()->getSourceFileName();
    }
    return S;
  }

  uint32_t newSite(const TrackedVariable &V) {
    auto [It, Inserted] = NewSites.try_emplace(&V, 0);
    if (Inserted) {
      SiteInfo S;
      S.Kind = BS_SITE_NEW;
      S.Function = FunctionName;
      S.File = V.File;
      S.Line = V.Line;
      S.Column = V.Column;
      S.Name = V.Name;
      S.TypeName = V.TypeName;
      if (Analysis.AddressTaken.contains(&V))
        S.Flags |= BS_SITE_FLAG_WIDE;
      It->second = addSite(std::move(S), *V.Alloca);
    }
    return It->second;
  }

  SiteInfo dropSiteInfo(const TrackedVariable &V, const Instruction &At) {
    SiteInfo S = siteAt(BS_SITE_DROP, At);
    S.Name = V.Name;
    S.TypeName = V.TypeName;
    return S;
  }

  uint32_t dropSite(const TrackedVariable &V, const Instruction &At) {
    return addSite(dropSiteInfo(V, At), At);
  }

  /// Adds a site to the table, and says so as an optimization remark
  /// (clang -Rpass=borrowscope, opt -pass-remarks=borrowscope).
  uint32_t addSite(SiteInfo S, const Instruction &Anchor) {
    ORE.emit([&] {
      DebugLoc Loc = Anchor.getDebugLoc();
      if (SP && S.Line != 0)
        Loc = DILocation::get(F.getContext(), S.Line, S.Column,
                              const_cast<DISubprogram *>(SP));
      return OptimizationRemark("borrowscope", "Site", Loc,
                                Anchor.getParent())
             << describeSite(S);
    });
    return Sites.add(std::move(S));
  }

  Function &F;
  OptimizationRemarkEmitter ORE{&F};
  const std::vector<TrackedVariable> &Vars;
  const BorrowAnalysis &Analysis;
  const BlockingCalls &Blocking;
  SiteTable &Sites;
  const HotPath &Hot;
  std::string FunctionName;
  const DISubprogram *SP;
  DenseMap<const TrackedVariable *, AllocaInst *> Slots;
  DenseMap<const TrackedVariable *, uint32_t> NewSites;
  DenseMap<Instruction *, SmallVector<PlannedEvent, 2>> Plan;
};

} // namespace

void instrumentFunction(Function &F, const std::vector<TrackedVariable> &Vars,
                        const BorrowAnalysis &Analysis,
                        const BlockingCalls &Blocking, SiteTable &Sites,
                        const HotPath &Hot) {
  FunctionInstrumenter(F, Vars, Analysis, Blocking, Sites, Hot).run();
}

} // namespace borrowscope
