//===- Instrumenter.cpp - Emit the events of one function -----------------===//
//
// Works in two steps, so that the work stays linear in the function's size:
//   1. plan: decide which events go before which instruction;
//   2. emit: walk each block once, in order; the events between two calls
//      form a group, which opens with one room check (begin), writes its
//      records through a cursor held in a register, and publishes them with
//      one commit (runtime/hot_path.h).
//
// Each traced variable with a scope (lifetime markers, VLAs) gets an i32 "id
// slot" alloca holding its live instance id (0 when none). New stores the id;
// Borrow, Release and Drop load it; Drop at a lifetime end stores 0, so a
// later exit does not drop the instance again. The slots are never
// address-taken: SROA turns them into SSA values at -O1 and above.
//
// Variables that live for the whole call (no markers: all of them at -O0,
// every one in a function with computed goto) take consecutive ids at entry
// instead: id = frame base + index. The base is kept in one slot that each
// group reads with a volatile load, so no id stays live across the function:
// an interpreter loop with hundreds of such variables would otherwise keep
// hundreds of ids in registers and spill slots (Lua's luaV_execute: 5 KB).
//
//===----------------------------------------------------------------------===//
#include "Instrumenter.h"
#include "SourceLanguage.h"
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

enum class EventKind { New, Drop, Release, Borrow, Clock };

struct PlannedEvent {
  EventKind Kind;
  const TrackedVariable *Var = nullptr; ///< New, Drop, Release
  const Borrow *B = nullptr;            ///< Borrow (or Move)
  uint32_t Site = 0;
  bool ClearSlot = false; ///< Drop at a lifetime end: the instance is gone
  bool Dynamic = false;   ///< New of a VLA: a size record follows
  unsigned records() const { return Dynamic ? 2 : 1; }
};

/// "New 'x' (int)", "Borrow of 'x' by 'p' (variable, mutable)", "Drop 'x'".
std::string describeSite(const SiteInfo &S) {
  switch (S.Kind) {
  case BS_SITE_NEW:
    return "New '" + S.Name + "' (" + S.TypeName + ")" +
           (S.Flags & BS_SITE_FLAG_ADDRESS ? " at its address" : "");
  case BS_SITE_BORROW:
    return (S.Flags & BS_SITE_FLAG_REBORROW ? std::string("Reborrow")
                                            : "Borrow of '" + S.Owner + "'") +
           " by '" + S.Name + "' (" + bs_borrower_kind_name(S.BorrowerKind) +
           ", " + bs_mutability_name(S.Mutability) +
           (S.Flags & BS_SITE_FLAG_KEPT ? ", kept" : "") + ")";
  case BS_SITE_MOVE:
    return "Move of '" + S.Owner + "' into '" + S.Name + "'";
  case BS_SITE_RELEASE:
    return "Release of what '" + S.Name + "' holds (last use)";
  default:
    return "Drop '" + S.Name + "'" +
           (S.Flags & BS_SITE_FLAG_UNWIND ? " on unwind" : "");
  }
}

/// A call may record events of its own: a group ends at a call.
bool endsGroup(const Instruction &I) {
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

/// Where events "after I" go: the next instruction, or the start of an
/// invoke's normal destination when only the invoke leads there.
Instruction *after(Instruction &I) {
  if (auto *Invoke = dyn_cast<InvokeInst>(&I)) {
    BasicBlock *Next = Invoke->getNormalDest();
    if (!Next->getSinglePredecessor())
      return nullptr;
    return &*Next->getFirstInsertionPt();
  }
  if (I.isTerminator())
    return nullptr;
  if (auto *Call = dyn_cast<CallInst>(&I); Call && Call->isMustTailCall())
    return nullptr;
  return I.getNextNode();
}

class FunctionInstrumenter {
public:
  FunctionInstrumenter(Function &F, const FunctionFacts &Facts,
                       const SyncCalls &Sync, SiteTable &Sites,
                       const HotPath &Hot)
      : F(F), Facts(Facts), Sync(Sync), Sites(Sites), Hot(Hot),
        FunctionName(demangle(F.getName())), SP(F.getSubprogram()) {}

  void run() {
    createSlots();
    planNews();
    // At one point, what a holder lets go of goes first: a Release says the
    // value was last used before that point.
    planReleases();
    planBorrows();
    planDrops();
    planClocks();
    emit();
  }

private:
  bool traced(const TrackedVariable *V) const {
    return V && Facts.Traced.Traced.contains(V);
  }
  bool addressTaken(const TrackedVariable *V) const {
    return Facts.Analysis.AddressTaken.contains(V);
  }

  void createSlots() {
    IRBuilder<> B(&F.getEntryBlock(), F.getEntryBlock().begin());
    for (const TrackedVariable &V : Facts.Vars) {
      if (!traced(&V))
        continue;
      if (V.Mode == LifetimeMode::Entry) {
        unsigned Index = FrameIndex.size();
        FrameIndex[&V] = Index;
      } else
        Slots[&V] = B.CreateAlloca(B.getInt32Ty(), nullptr, V.Name + ".bsid");
    }
    if (!FrameIndex.empty())
      FrameSlot = B.CreateAlloca(B.getInt32Ty(), nullptr, "bs.frame");
    // Variables that may not be live on every path start with "no instance".
    B.SetInsertPoint(entryInsertionPoint(F));
    for (const TrackedVariable &V : Facts.Vars)
      if (traced(&V) && V.Mode != LifetimeMode::Entry)
        B.CreateStore(B.getInt32(0), Slots[&V]);
  }

  void planNews() {
    Instruction *Entry = entryInsertionPoint(F);
    for (const TrackedVariable &V : Facts.Vars) {
      if (!traced(&V))
        continue;
      PlannedEvent New{EventKind::New, &V, nullptr, newSite(V)};
      New.Dynamic = V.Mode == LifetimeMode::Dynamic;
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
        plan(After, {EventKind::Drop, &V, nullptr, dropSite(V, *V.Alloca)});
        plan(After, New);
        break;
      }
      }
    }
  }

  void planBorrows() {
    const Instruction *GroupCall = nullptr;
    uint32_t GroupSite = ~0u;
    for (const Borrow &B : Facts.Analysis.Borrows) {
      SiteInfo S = borrowSite(B);
      // The arguments of one call are borrowed together; what an accessor
      // returned is borrowed after the call, on its own.
      if (isa<CallBase>(B.At) && !B.After) {
        if (B.At != GroupCall) {
          GroupCall = B.At;
          GroupSite = Sites.next();
        }
        S.Call = GroupSite;
      }
      Instruction *Point = B.After ? after(*B.At) : borrowPoint(B);
      if (!Point)
        continue;
      plan(Point, {EventKind::Borrow, nullptr, &B, addSite(std::move(S), *B.At)});
    }
  }

  SiteInfo borrowSite(const Borrow &B) {
    SiteInfo S = siteAt(B.IsMove ? BS_SITE_MOVE : BS_SITE_BORROW, *B.At);
    if (DebugLoc Loc = userCodeLocation(B.Loc); Loc && Loc.getLine() != 0) {
      S.Line = Loc.getLine();
      S.Column = Loc.getCol();
      if (auto *Scope = dyn_cast<DIScope>(Loc.getScope()))
        S.File = Scope->getFilename().str();
    }
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
    S.Size = B.Size;
    if (B.Borrower && traced(B.Borrower))
      S.Decl = newSite(*B.Borrower);
    if (B.Owner && traced(B.Owner))
      S.OwnerDecl = newSite(*B.Owner);
    if (B.IsMove) {
      if (B.IntoCall)
        S.Flags |= BS_SITE_FLAG_INTO_CALL;
      return S;
    }
    if (B.Destination)
      S.Flags |= BS_SITE_FLAG_MEMORY;
    if (B.Source == AddressSource::Accessor)
      S.Flags |= BS_SITE_FLAG_OWNER_ID;
    if (B.Contents)
      S.Flags |= BS_SITE_FLAG_CONTENTS;
    if (B.Source == AddressSource::Unknown)
      S.Flags |= BS_SITE_FLAG_REBORROW;
    if (B.Kept)
      S.Flags |= BS_SITE_FLAG_KEPT;
    if (B.Borrower) {
      if (B.HeldUntilHolderEnds || !followsLastUse(B.Borrower))
        S.Flags |= BS_SITE_FLAG_LEXICAL;
      else if (auto *SI = dyn_cast<StoreInst>(B.At);
               SI && Facts.Uses.DeadStores.contains(SI))
        S.Flags |= BS_SITE_FLAG_DEAD;
    } else if (B.Kept) {
      S.Flags |= BS_SITE_FLAG_LEXICAL;
    }
    return S;
  }

  bool followsLastUse(const TrackedVariable *V) const {
    return is_contained(Facts.Traced.FollowLastUse, V);
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

  void planReleases() {
    for (auto [Before, H, Use] : Facts.Uses.Releases)
      if (traced(H)) {
        SiteInfo S = siteAt(BS_SITE_RELEASE, *Use);
        S.Name = H->Name;
        S.Decl = newSite(*H);
        plan(Before,
             {EventKind::Release, H, nullptr, addSite(std::move(S), *Before)});
      }
  }

  void planDrops() {
    for (const TrackedVariable &V : Facts.Vars)
      if (traced(&V))
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
      for (const TrackedVariable &V : reverse(Facts.Vars)) {
        // On a normal return, marker-scoped variables have already ended at
        // their lifetime.end; on the unwind path every live one ends here.
        // Markers made from debug scopes may miss an exit: those drop here
        // too (a dropped instance's slot holds 0, which nothing reads).
        if (!traced(&V) ||
            (!IsResume && V.Mode == LifetimeMode::Markers && !V.MadeMarkers))
          continue;
        SiteInfo S = dropSiteInfo(V, *At);
        if (IsResume)
          S.Flags |= BS_SITE_FLAG_UNWIND;
        plan(At, {EventKind::Drop, &V, nullptr, addSite(std::move(S), *At)});
      }
    }
  }

  /// A clock record before and after each call that orders threads, so that
  /// what happened before it on one thread is stamped earlier than what
  /// happens after it on another.
  void planClocks() {
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallBase>(&I);
          Call && Sync.synchronises(*Call)) {
        plan(&I, {EventKind::Clock});
        if (Instruction *Next = after(I))
          plan(Next, {EventKind::Clock}, /*Front=*/true);
      }
  }

  void plan(Instruction *Before, PlannedEvent E, bool Front = false) {
    auto &List = Plan[Before];
    List.insert(Front ? List.begin() : List.end(), E);
  }

  /// Emits the planned events block by block, a group per run of code
  /// between calls.
  void emit() {
    for (BasicBlock &BB : F) {
      SmallVector<Instruction *, 32> Original;
      for (Instruction &I : BB)
        Original.push_back(&I);
      for (size_t First = 0; First < Original.size();) {
        size_t End = First;
        while (End < Original.size() && !endsGroup(*Original[End]))
          ++End;
        if (End < Original.size())
          ++End; // the call itself may have events before it
        emitGroup(ArrayRef(Original).slice(First, End - First));
        First = End;
      }
    }
  }

  using GroupEvent = std::pair<Instruction *, const PlannedEvent *>;

  /// A Release that the next event would make anyway: the holder drops or
  /// takes a new value, with only drops of variables that cannot be owners
  /// (their address is never taken) and other releases between.
  bool redundant(ArrayRef<GroupEvent> Events, size_t I) const {
    const TrackedVariable *H = Events[I].second->Var;
    for (size_t J = I + 1; J < Events.size(); ++J) {
      const PlannedEvent &E = *Events[J].second;
      if (E.Kind == EventKind::Drop && E.Var == H)
        return true;
      if (E.Kind == EventKind::Borrow && E.B->Borrower == H &&
          !E.B->Destination && !E.B->IsMove)
        return true;
      bool Harmless = E.Kind == EventKind::Release || E.Kind == EventKind::Clock ||
                      (E.Kind == EventKind::Drop && !addressTaken(E.Var));
      if (!Harmless)
        return false;
    }
    return false;
  }

  void emitGroup(ArrayRef<Instruction *> Run) {
    GroupBase = nullptr;
    SmallVector<GroupEvent, 16> Events;
    for (Instruction *I : Run)
      if (auto It = Plan.find(I); It != Plan.end())
        for (const PlannedEvent &E : It->second)
          Events.push_back({I, &E});
    SmallVector<GroupEvent, 16> Kept;
    for (size_t I = 0; I < Events.size(); ++I)
      if (Events[I].second->Kind != EventKind::Release || !redundant(Events, I))
        Kept.push_back(Events[I]);
    if (Kept.empty())
      return;
    unsigned Remaining = 0;
    for (auto [I, E] : Kept)
      Remaining += E->records();
    Value *W = nullptr;
    unsigned Reserved = 0;
    for (auto [I, E] : Kept) {
      IRBuilder<> B(I);
      B.SetCurrentDebugLocation(debugLocFor(*I));
      if (Reserved < E->records()) {
        Reserved = std::min<unsigned>(Remaining, BS_MAX_GROUP);
        W = W ? B.CreateCall(Hot.Reserve, {W, B.getInt32(Reserved)}, "bs.w")
              : B.CreateCall(Hot.Begin, {B.getInt32(Reserved)}, "bs.w");
      }
      W = emitEvent(B, W, *E);
      Reserved -= E->records();
      Remaining -= E->records();
    }
    Instruction *Last = Kept.back().first;
    IRBuilder<> B(Last);
    B.SetCurrentDebugLocation(debugLocFor(*Last));
    B.CreateCall(Hot.Commit, {W});
  }

  Value *loadId(IRBuilder<> &B, const TrackedVariable *V, const char *Name) {
    if (auto It = V ? FrameIndex.find(V) : FrameIndex.end();
        It != FrameIndex.end()) {
      if (!GroupBase)
        GroupBase = B.CreateLoad(B.getInt32Ty(), FrameSlot, /*isVolatile=*/true,
                                 "bs.frame");
      return frameId(B, It->second, Name);
    }
    auto It = V ? Slots.find(V) : Slots.end();
    if (It == Slots.end())
      return B.getInt32(0);
    return B.CreateLoad(B.getInt32Ty(), It->second, Name);
  }

  Value *frameId(IRBuilder<> &B, unsigned Index, const char *Name) {
    return Index ? B.CreateAdd(GroupBase, B.getInt32(Index), Name) : GroupBase;
  }

  /// The id of a New: whole-call variables take the frame's ids, all at once
  /// with the first.
  Value *newId(IRBuilder<> &B, const TrackedVariable &V) {
    auto It = FrameIndex.find(&V);
    if (It == FrameIndex.end())
      return B.CreateCall(Hot.NextId, {}, "bs.id");
    if (!FrameBase) {
      FrameBase = B.CreateCall(Hot.NextIds, {B.getInt32(FrameIndex.size())},
                               "bs.frame");
      B.CreateStore(FrameBase, FrameSlot);
    }
    GroupBase = FrameBase;
    return frameId(B, It->second, "bs.id");
  }

  Value *emitEvent(IRBuilder<> &B, Value *W, const PlannedEvent &E) {
    Value *Site = E.Kind == EventKind::Clock
                      ? nullptr
                      : Sites.emitSiteNumber(B, E.Site);
    switch (E.Kind) {
    case EventKind::New: {
      Value *Id = newId(B, *E.Var);
      Value *Address = Facts.Traced.AtAddress.contains(E.Var)
                           ? static_cast<Value *>(E.Var->Alloca)
                           : ConstantPointerNull::get(B.getPtrTy());
      W = B.CreateCall(Hot.New, {W, Site, Id, Address}, "bs.w");
      if (auto It = Slots.find(E.Var); It != Slots.end())
        B.CreateStore(Id, It->second);
      if (E.Dynamic)
        W = B.CreateCall(Hot.Ext, {W, allocaSize(B, *E.Var->Alloca)}, "bs.w");
      return W;
    }
    case EventKind::Drop:
    case EventKind::Release:
      W = B.CreateCall(Hot.Drop, {W, Site, loadId(B, E.Var, "bs.id")}, "bs.w");
      if (E.ClearSlot && Slots.contains(E.Var))
        B.CreateStore(B.getInt32(0), Slots[E.Var]);
      return W;
    case EventKind::Clock:
      return B.CreateCall(Hot.Clock, {W}, "bs.w");
    case EventKind::Borrow:
      return emitBorrow(B, W, Site, *E.B);
    }
    llvm_unreachable("all event kinds handled");
  }

  Value *emitBorrow(IRBuilder<> &B, Value *W, Value *Site, const Borrow &Br) {
    Value *Null = ConstantPointerNull::get(B.getPtrTy());
    if (Br.IsMove)
      return B.CreateCall(Hot.Move, {W, Site, loadId(B, Br.Owner, "bs.from"),
                                     loadId(B, Br.Borrower, "bs.to")},
                          "bs.w");
    Value *Address = Br.Address;
    if (!Address && Br.LoadFrom)
      Address = B.CreateLoad(B.getPtrTy(), Br.LoadFrom, "bs.held");
    if (!Address)
      Address = Null;
    if (Br.Destination) {
      switch (Br.Source) {
      case AddressSource::Storage:
        return B.CreateCall(Hot.BorrowMem, {W, Site, Address, Br.Destination},
                            "bs.w");
      case AddressSource::Unknown:
        return B.CreateCall(Hot.ReborrowMem,
                            {W, Site, Address, Br.Destination}, "bs.w");
      case AddressSource::Accessor:
        return B.CreateCall(Hot.BorrowOwnerMem,
                            {W, Site, loadId(B, Br.Owner, "bs.owner"),
                             Br.Destination},
                            "bs.w");
      }
    }
    Value *Holder = loadId(B, Br.Borrower, "bs.holder");
    switch (Br.Source) {
    case AddressSource::Storage:
      return B.CreateCall(Hot.Borrow, {W, Site, Holder, Address}, "bs.w");
    case AddressSource::Unknown:
      // A holder that keeps its borrow lexically must hear of every store,
      // null and heap pointers included: they let go of what it held.
      if (Br.Borrower && !Br.Kept && !followsLastUse(Br.Borrower))
        return B.CreateCall(Hot.Borrow, {W, Site, Holder, Address}, "bs.w");
      return B.CreateCall(Hot.Reborrow, {W, Site, Holder, Address}, "bs.w");
    case AddressSource::Accessor:
      return B.CreateCall(Hot.BorrowOwner,
                          {W, Site, loadId(B, Br.Owner, "bs.owner"), Holder,
                           Address},
                          "bs.w");
    }
    llvm_unreachable("all address sources handled");
  }

  /// Bytes of a VLA.
  Value *allocaSize(IRBuilder<> &B, AllocaInst &AI) {
    const DataLayout &DL = F.getParent()->getDataLayout();
    Value *Size = B.getInt64(DL.getTypeAllocSize(AI.getAllocatedType()));
    if (AI.isArrayAllocation())
      Size = B.CreateMul(Size, B.CreateZExtOrTrunc(AI.getArraySize(),
                                                   B.getInt64Ty()));
    return Size;
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
      const DataLayout &DL = F.getParent()->getDataLayout();
      if (V.Mode == LifetimeMode::Dynamic)
        S.Flags |= BS_SITE_FLAG_DYNAMIC_SIZE;
      else
        S.Size = uint32_t(DL.getTypeAllocSize(V.Alloca->getAllocatedType()));
      if (Facts.Traced.AtAddress.contains(&V))
        S.Flags |= BS_SITE_FLAG_ADDRESS;
      S.Decl = Sites.next();
      It->second = addSite(std::move(S), *V.Alloca);
    }
    return It->second;
  }

  SiteInfo dropSiteInfo(const TrackedVariable &V, const Instruction &At) {
    SiteInfo S = siteAt(BS_SITE_DROP, At);
    S.Name = V.Name;
    S.TypeName = V.TypeName;
    S.Decl = newSite(V);
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
  const FunctionFacts &Facts;
  const SyncCalls &Sync;
  SiteTable &Sites;
  const HotPath &Hot;
  std::string FunctionName;
  const DISubprogram *SP;
  DenseMap<const TrackedVariable *, AllocaInst *> Slots;
  DenseMap<const TrackedVariable *, unsigned> FrameIndex; ///< whole-call ones
  AllocaInst *FrameSlot = nullptr; ///< their first id, read once per group
  Value *FrameBase = nullptr;      ///< the same, as returned at entry
  Value *GroupBase = nullptr;      ///< the same, read in the current group
  DenseMap<const TrackedVariable *, uint32_t> NewSites;
  DenseMap<Instruction *, SmallVector<PlannedEvent, 2>> Plan;
};

} // namespace

void instrumentFunction(Function &F, const FunctionFacts &Facts,
                        const SyncCalls &Sync, SiteTable &Sites,
                        const HotPath &Hot) {
  FunctionInstrumenter(F, Facts, Sync, Sites, Hot).run();
}

} // namespace borrowscope
