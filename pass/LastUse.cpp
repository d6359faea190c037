//===- LastUse.cpp - Where a holder's value is used for the last time -----===//
//
// Classic backward liveness with one bit per holder: a load is a use, a
// store of the whole variable a definition. Linear in the function's size
// times the number of holders / 64, per iteration of the fixpoint.
//
//===----------------------------------------------------------------------===//
#include "LastUse.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

bool followsLastUse(const TrackedVariable &V) {
  for (const User *U : V.Alloca->users()) {
    if (const auto *LI = dyn_cast<LoadInst>(U)) {
      if (LI->getPointerOperand() != V.Alloca)
        return false;
    } else if (const auto *SI = dyn_cast<StoreInst>(U)) {
      if (SI->getPointerOperand() != V.Alloca ||
          SI->getValueOperand() == V.Alloca)
        return false;
    } else if (const auto *II = dyn_cast<IntrinsicInst>(U)) {
      if (!II->isLifetimeStartOrEnd() && !isa<DbgInfoIntrinsic>(II))
        return false;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

class Liveness {
public:
  Liveness(Function &F, const std::vector<const TrackedVariable *> &Holders)
      : F(F), Count(unsigned(Holders.size())) {
    for (unsigned I = 0; I < Count; ++I)
      Index[Holders[I]->Alloca] = I;
    for (unsigned I = 0; I < Count; ++I)
      HolderOf.push_back(Holders[I]);
  }

  LastUses run() {
    computeBlockSets();
    solve();
    LastUses Result;
    for (BasicBlock &BB : F)
      scanBlock(BB, Result);
    for (BasicBlock &BB : F)
      releaseOnEdges(BB, Result);
    return Result;
  }

private:
  /// The holder an instruction loads (Use) or stores (Def), if any.
  std::optional<unsigned> holderOf(const Instruction &I, bool &IsUse) const {
    const Value *P = nullptr;
    if (const auto *LI = dyn_cast<LoadInst>(&I)) {
      P = LI->getPointerOperand();
      IsUse = true;
    } else if (const auto *SI = dyn_cast<StoreInst>(&I)) {
      P = SI->getPointerOperand();
      IsUse = false;
    } else {
      return std::nullopt;
    }
    auto It = Index.find(P);
    if (It == Index.end())
      return std::nullopt;
    return It->second;
  }

  void computeBlockSets() {
    for (BasicBlock &BB : F) {
      BitVector Gen(Count), Kill(Count);
      for (Instruction &I : BB) {
        bool IsUse = false;
        if (std::optional<unsigned> H = holderOf(I, IsUse)) {
          if (IsUse && !Kill[*H])
            Gen.set(*H);
          else if (!IsUse)
            Kill.set(*H);
        }
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
  /// arithmetic), but not past the next store into the same holder.
  Instruction *releasePoint(LoadInst &Load, unsigned H) {
    Instruction *Last = &Load;
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
         I = I->getNextNode()) {
      bool IsUse = false;
      if (std::optional<unsigned> Other = holderOf(*I, IsUse);
          Other && *Other == H && !IsUse)
        return I; // before the store of a new value
    }
    // The value goes into a call that may throw: after it returns, where
    // only it leads; else before it.
    if (auto *Invoke = dyn_cast<InvokeInst>(Last))
      if (BasicBlock *Next = Invoke->getNormalDest();
          Next->getSinglePredecessor())
        return &*Next->getFirstInsertionPt();
    if (Last->isTerminator())
      return Last;
    return Last->getNextNode();
  }

  void scanBlock(BasicBlock &BB, LastUses &Result) {
    BitVector Live = LiveOut[&BB];
    for (Instruction &I : reverse(BB)) {
      bool IsUse = false;
      std::optional<unsigned> H = holderOf(I, IsUse);
      if (!H)
        continue;
      if (IsUse) {
        if (!Live[*H])
          Result.Releases.push_back(
              {releasePoint(cast<LoadInst>(I), *H), HolderOf[*H], &I});
        Live.set(*H);
      } else {
        if (!Live[*H])
          Result.DeadStores.insert(cast<StoreInst>(&I));
        Live.reset(*H);
      }
    }
  }

  /// Live at the end of BB but not at the start of a successor: the value
  /// dies on that edge (a branch that uses it on one side only).
  void releaseOnEdges(BasicBlock &BB, LastUses &Result) {
    const BitVector &Out = LiveOut[&BB];
    if (Out.none())
      return;
    for (BasicBlock *S : successors(&BB)) {
      BitVector Dies = Out;
      Dies.reset(LiveIn[S]);
      if (Dies.none() || !Released.insert(S).second)
        continue;
      BasicBlock::iterator At = S->getFirstInsertionPt();
      if (At == S->end())
        continue;
      // Every holder live out of any predecessor and dead into S.
      BitVector All(Count);
      for (BasicBlock *P : predecessors(S))
        All |= LiveOut[P];
      All.reset(LiveIn[S]);
      for (unsigned H : All.set_bits())
        Result.Releases.push_back({&*At, HolderOf[H], BB.getTerminator()});
    }
  }

  Function &F;
  unsigned Count;
  DenseMap<const Value *, unsigned> Index;
  std::vector<const TrackedVariable *> HolderOf;
  DenseMap<const BasicBlock *, BitVector> GenOf, KillOf, LiveIn, LiveOut;
  DenseSet<const BasicBlock *> Released;
};

} // namespace

LastUses findLastUses(Function &F,
                      const std::vector<const TrackedVariable *> &Holders) {
  if (Holders.empty())
    return {};
  return Liveness(F, Holders).run();
}

} // namespace borrowscope
