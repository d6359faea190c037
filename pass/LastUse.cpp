//===- LastUse.cpp - Where a holder's value is used for the last time -----===//
//
// Classic backward liveness with one bit per holder: a load, a copy from it
// or a call given its address is a use, a store or copy over the whole
// variable a definition, a store into part of it neither. Linear in the function's size
// times the number of holders / 64, per iteration of the fixpoint.
//
//===----------------------------------------------------------------------===//
#include "LastUse.h"
#include "DerivedPointers.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

using namespace llvm;

namespace borrowscope {

namespace {

/// The bytes an access through \p Ptr covers from the start of the alloca
/// it is derived from: whole when it starts at offset 0 and covers all of it.
bool coversWhole(const Value *Ptr, uint64_t Bytes, const AllocaInst &A) {
  const DataLayout &DL = A.getDataLayout();
  APInt Offset(DL.getIndexTypeSizeInBits(Ptr->getType()), 0);
  const Value *Base = Ptr->stripAndAccumulateConstantOffsets(DL, Offset, true);
  std::optional<TypeSize> Size = A.getAllocationSize(DL);
  return Base == &A && Offset.isZero() && Size && !Size->isScalable() &&
         Bytes >= Size->getFixedValue();
}

} // namespace

std::optional<HolderAccesses> findHolderAccesses(const TrackedVariable &V,
                                                 KeptArguments &Kept) {
  HolderAccesses Result;
  const AllocaInst &A = *V.Alloca;
  const DataLayout &DL = A.getDataLayout();
  SmallVector<const Value *, 8> Work{&A};
  SmallPtrSet<const Value *, 16> Seen;
  while (!Work.empty()) {
    const Value *P = Work.pop_back_val();
    if (!Seen.insert(P).second)
      continue;
    for (const User *U : P->users()) {
      const auto *I = dyn_cast<Instruction>(U);
      if (!I)
        return std::nullopt;
      if (isa<GetElementPtrInst>(I) || isa<BitCastInst>(I) ||
          isa<AddrSpaceCastInst>(I)) {
        Work.push_back(I);
      } else if (const auto *LI = dyn_cast<LoadInst>(I)) {
        Result.push_back({LI, HolderAccess::Use});
      } else if (const auto *SI = dyn_cast<StoreInst>(I)) {
        if (SI->getValueOperand() == P)
          return std::nullopt; // its address is stored: it escapes
        uint64_t Bytes = DL.getTypeStoreSize(SI->getValueOperand()->getType());
        Result.push_back({SI, coversWhole(P, Bytes, A) ? HolderAccess::Def
                                                       : HolderAccess::Partial});
      } else if (const auto *II = dyn_cast<IntrinsicInst>(I)) {
        if (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II))
          continue;
        const auto *Mem = dyn_cast<MemIntrinsic>(II);
        if (!Mem)
          return std::nullopt;
        if (const auto *Copy = dyn_cast<MemTransferInst>(Mem);
            Copy && Copy->getRawSource() == P && Copy->getRawDest() != P) {
          Result.push_back({II, HolderAccess::Use});
          continue;
        }
        const auto *Len = dyn_cast<ConstantInt>(Mem->getLength());
        bool Whole = Len && coversWhole(P, Len->getZExtValue(), A);
        Result.push_back(
            {II, Whole ? HolderAccess::Def : HolderAccess::Partial});
      } else if (const auto *Call = dyn_cast<CallBase>(I)) {
        if (isIgnoredCall(*Call))
          continue;
        if (isTransparentCall(*Call)) {
          Work.push_back(Call);
          continue;
        }
        // A member call or a function reading the object: a use while the
        // call runs, unless the callee keeps the address (then nothing here
        // says when the object is used for the last time).
        const Function *Callee = Call->getCalledFunction();
        if (!Callee)
          return std::nullopt;
        for (unsigned ArgNo = 0; ArgNo < Call->arg_size(); ++ArgNo)
          if (Call->getArgOperand(ArgNo) == P &&
              (Call->isBundleOperand(ArgNo) || Kept.keeps(*Callee, ArgNo, 0)))
            return std::nullopt;
        if (Call->getCalledOperand() == P)
          return std::nullopt;
        Result.push_back({Call, HolderAccess::Use});
      } else if (isa<ICmpInst>(I)) {
        continue; // an address compared: not a use of the value
      } else {
        return std::nullopt; // PHI, select, ptrtoint, return: it escapes
      }
    }
  }
  return Result;
}

bool followsLastUse(const TrackedVariable &V, KeptArguments &Kept) {
  return findHolderAccesses(V, Kept).has_value();
}

namespace {

class Liveness {
public:
  Liveness(Function &F, const std::vector<const TrackedVariable *> &Holders,
           KeptArguments &Kept)
      : F(F), Count(unsigned(Holders.size())) {
    for (unsigned H = 0; H < Count; ++H) {
      HolderOf.push_back(Holders[H]);
      if (std::optional<HolderAccesses> Accesses =
              findHolderAccesses(*Holders[H], Kept))
        for (auto [I, Kind] : *Accesses)
          AccessOf[I].push_back({H, Kind});
    }
  }

  LastUses run() {
    computeBlockSets();
    solve();
    LastUses Result;
    for (BasicBlock &BB : F)
      scanBlock(BB, Result);
    // Splitting edges adds blocks: visit the ones there were.
    std::vector<BasicBlock *> Blocks;
    for (BasicBlock &BB : F)
      Blocks.push_back(&BB);
    for (BasicBlock *BB : Blocks)
      releaseOnEdges(*BB, Result);
    return Result;
  }

private:
  struct Access {
    unsigned Holder;
    HolderAccess Kind;
  };

  ArrayRef<Access> accessesOf(const Instruction &I) const {
    auto It = AccessOf.find(&I);
    if (It == AccessOf.end())
      return {};
    return It->second;
  }

  void computeBlockSets() {
    for (BasicBlock &BB : F) {
      BitVector Gen(Count), Kill(Count);
      for (Instruction &I : BB)
        for (auto [H, Kind] : accessesOf(I)) {
          if (Kind == HolderAccess::Use && !Kill[H])
            Gen.set(H);
          else if (Kind == HolderAccess::Def)
            Kill.set(H);
        }
      GenOf[&BB] = std::move(Gen);
      KillOf[&BB] = std::move(Kill);
      LiveIn[&BB] = BitVector(Count);
      LiveOut[&BB] = BitVector(Count);
    }
  }

  void solve() {
    // Post order visits successors first: few iterations for a backward
    // problem.
    std::vector<BasicBlock *> Order;
    DenseSet<const BasicBlock *> Reachable;
    for (BasicBlock *BB : post_order(&F.getEntryBlock())) {
      Order.push_back(BB);
      Reachable.insert(BB);
    }
    for (BasicBlock &BB : F) // unreachable blocks too
      if (!Reachable.contains(&BB))
        Order.push_back(&BB);
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (BasicBlock *BB : Order) {
        BitVector Out(Count);
        for (BasicBlock *S : successors(BB))
          Out |= LiveIn[S];
        BitVector In = Out;
        In.reset(KillOf[BB]);
        In |= GenOf[BB];
        if (In != LiveIn[BB] || Out != LiveOut[BB]) {
          LiveIn[BB] = std::move(In);
          LiveOut[BB] = std::move(Out);
          Changed = true;
        }
      }
    }
  }

  /// Where a value loaded at \p Load stops being used in its block: after
  /// the last instruction using it (or what is computed from it by address
  /// arithmetic), but not past the next store into the same holder. A value
  /// that only goes into a call as an argument is given to the call: the
  /// holder lets go before it (the callee's own borrow covers the call).
  Instruction *releasePoint(LoadInst &Load, unsigned H) {
    Instruction *Last = &Load;
    bool OnlyArgument = true;
    SmallVector<const Value *, 8> Work{&Load};
    while (!Work.empty()) {
      const Value *V = Work.pop_back_val();
      for (const User *U : V->users()) {
        const auto *I = dyn_cast<Instruction>(U);
        if (!I || I->getParent() != Load.getParent())
          continue;
        if (Last->comesBefore(I))
          Last = const_cast<Instruction *>(I);
        if (isa<GetElementPtrInst>(I) || isa<CastInst>(I))
          Work.push_back(I);
      }
    }
    for (Instruction *I = Load.getNextNode(); I && I != Last;
         I = I->getNextNode())
      for (auto [Other, Kind] : accessesOf(*I))
        if (Other == H && Kind == HolderAccess::Def)
          return I; // before the store of a new value
    if (const auto *Call = dyn_cast<CallBase>(Last)) {
      for (const User *U : Load.users())
        if (U != Call || Call->getCalledOperand() == &Load)
          OnlyArgument = false;
      if (OnlyArgument && !isIgnoredCall(*Call))
        return Last;
    }
    return after(*Last);
  }

  /// After \p I: the next instruction, or past a call that may throw, where
  /// only its normal return leads.
  static Instruction *after(Instruction &I) {
    if (auto *Invoke = dyn_cast<InvokeInst>(&I))
      if (BasicBlock *Next = Invoke->getNormalDest();
          Next->getSinglePredecessor())
        return &*Next->getFirstInsertionPt();
    if (I.isTerminator())
      return &I;
    return I.getNextNode();
  }

  void scanBlock(BasicBlock &BB, LastUses &Result) {
    BitVector Live = LiveOut[&BB];
    for (Instruction &I : reverse(BB)) {
      for (auto [H, Kind] : accessesOf(I)) {
        if (Kind == HolderAccess::Use) {
          if (!Live[H]) {
            Instruction *At = isa<LoadInst>(I)
                                  ? releasePoint(cast<LoadInst>(I), H)
                                  : after(I);
            Result.Releases.push_back({At, HolderOf[H], &I});
          }
          Live.set(H);
        } else {
          // A store nothing reads: what it stores is dead at once.
          if (!Live[H])
            if (const auto *SI = dyn_cast<StoreInst>(&I))
              Result.DeadStores.insert(SI);
          if (Kind == HolderAccess::Def)
            Live.reset(H);
        }
      }
    }
  }

  /// True when \p S begins by ending \p A's lifetime (the scope the edge
  /// leaves): its Drop ends what it holds, a Release would only repeat it.
  static bool dropsFirst(BasicBlock &S, const AllocaInst &A) {
    for (Instruction &I : S) {
      const auto *II = dyn_cast<IntrinsicInst>(&I);
      if (II && isa<DbgInfoIntrinsic>(II))
        continue;
      if (!II || II->getIntrinsicID() != Intrinsic::lifetime_end)
        return false;
      if (baseObject(II->getArgOperand(II->arg_size() - 1)) == &A)
        return true;
    }
    return false;
  }

  /// Live at the end of BB but not at the start of a successor: the value
  /// dies on that edge (a branch that uses it on one side only). The
  /// Release goes on the edge itself: at the successor's start when BB is
  /// its only predecessor, before BB's branch when S is its only successor,
  /// else in a block that splits the edge (a Release in a join block would
  /// repeat on the paths that already let go).
  void releaseOnEdges(BasicBlock &BB, LastUses &Result) {
    const BitVector &Out = LiveOut[&BB];
    if (Out.none())
      return;
    Instruction *Term = BB.getTerminator();
    for (unsigned Succ = 0; Succ < Term->getNumSuccessors(); ++Succ) {
      BasicBlock *S = Term->getSuccessor(Succ);
      // Unwinding ends every holder's life in the cleanup that drops it.
      if (S->isEHPad())
        continue;
      BitVector Dies = Out;
      Dies.reset(LiveIn[S]);
      if (Dies.none())
        continue;
      for (unsigned H : Dies.set_bits())
        if (dropsFirst(*S, *HolderOf[H]->Alloca))
          Dies.reset(H);
      if (Dies.none())
        continue;
      Instruction *At = nullptr;
      if (S->getSinglePredecessor())
        At = &*S->getFirstInsertionPt();
      else if (Term->getNumSuccessors() == 1)
        At = Term;
      else if (BasicBlock *Edge = SplitCriticalEdge(Term, Succ))
        At = Edge->getTerminator();
      if (!At)
        continue; // an edge that cannot be split: the Drop ends it
      for (unsigned H : Dies.set_bits())
        Result.Releases.push_back({At, HolderOf[H], Term});
    }
  }

  Function &F;
  unsigned Count;
  DenseMap<const Instruction *, SmallVector<Access, 1>> AccessOf;
  std::vector<const TrackedVariable *> HolderOf;
  DenseMap<const BasicBlock *, BitVector> GenOf, KillOf, LiveIn, LiveOut;
};

} // namespace

LastUses findLastUses(Function &F,
                      const std::vector<const TrackedVariable *> &Holders,
                      KeptArguments &Kept) {
  if (Holders.empty())
    return {};
  return Liveness(F, Holders, Kept).run();
}

} // namespace borrowscope
