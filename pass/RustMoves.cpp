//===- RustMoves.cpp - Moves out of Rust variables, as the IR shows them --===//
#include "RustMoves.h"
#include "TypeNames.h"
#include "llvm/IR/CFG.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace borrowscope {

namespace {

bool isDropInPlace(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  return Callee && isRustDropInPlace(Callee->getName());
}

/// The blocks a path from \p I can enter after it (its own block only when
/// a cycle leads back to it). Unbounded, unlike isPotentiallyReachable,
/// which says "reachable" past 32 blocks: rustc's functions have hundreds.
SmallPtrSet<const BasicBlock *, 32> blocksAfter(const Instruction &I) {
  SmallPtrSet<const BasicBlock *, 32> Seen;
  SmallVector<const BasicBlock *, 16> Work(succ_begin(I.getParent()),
                                           succ_end(I.getParent()));
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    if (Seen.insert(BB).second)
      Work.append(succ_begin(BB), succ_end(BB));
  }
  return Seen;
}

/// True when something may use \p A after \p Copy: read it, or write it.
bool usedAfter(const AllocaInst &A, const MemTransferInst &Copy) {
  SmallPtrSet<const BasicBlock *, 32> After = blocksAfter(Copy);
  auto Reachable = [&](const Instruction *I) {
    return After.contains(I->getParent()) ||
           (I->getParent() == Copy.getParent() && Copy.comesBefore(I));
  };
  SmallVector<const Value *, 8> Work{&A};
  SmallPtrSet<const Value *, 16> Seen;
  while (!Work.empty()) {
    const Value *P = Work.pop_back_val();
    if (!Seen.insert(P).second)
      continue;
    for (const User *U : P->users()) {
      const auto *I = dyn_cast<Instruction>(U);
      if (!I)
        return true;
      if (I == &Copy)
        continue;
      if (isa<GetElementPtrInst>(I) || isa<BitCastInst>(I)) {
        Work.push_back(I);
        continue;
      }
      if (const auto *II = dyn_cast<IntrinsicInst>(I);
          II && (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II)))
        continue;
      // A drop where it was not moved (a drop flag) reads nothing. Anything
      // else after the copy, a write included, makes it no move we record:
      // a value stored into it again (a loop's binding at opt-level 0,
      // where one instance spans the call) is no event the checks see.
      if (const auto *Call = dyn_cast<CallBase>(I); Call && isDropInPlace(*Call))
        continue;
      if (Reachable(I))
        return true;
    }
  }
  return false;
}

/// Who receives a value copied into the temporary \p Temp: the first call
/// given it (not its drop), or the variable or memory it is copied on to.
void receiverOfTemporary(const AllocaInst &Temp, const DerivedPointers &Derived,
                         Borrow &B) {
  for (const User *U : Temp.users()) {
    if (const auto *Mem = dyn_cast<MemTransferInst>(U);
        Mem && Mem->getRawSource() == &Temp) {
      if (const TrackedVariable *To = Derived.variable(Mem->getRawDest())) {
        B.Borrower = To;
        B.BorrowerName = To->Name;
        return;
      }
      B.IntoCall = true;
      B.BorrowerName = "<memory>";
      return;
    }
    const auto *Call = dyn_cast<CallBase>(U);
    if (!Call || isa<IntrinsicInst>(Call) || isDropInPlace(*Call))
      continue;
    B.IntoCall = true;
    const Function *Callee = Call->getCalledFunction();
    B.BorrowerName = Callee ? demangle(Callee->getName()) : "<indirect call>";
    return;
  }
  B.IntoCall = true;
  B.BorrowerName = "<temporary>";
}

} // namespace

std::optional<Borrow> rustMoveOf(MemTransferInst &Copy,
                                 const DerivedPointers &Derived) {
  const TrackedVariable *From = Derived.variable(Copy.getRawSource());
  const auto *Len = dyn_cast<ConstantInt>(Copy.getLength());
  if (!From || !Len || isPointerLike(From->Type))
    return std::nullopt;
  const AllocaInst &A = *From->Alloca;
  std::optional<TypeSize> Size = A.getAllocationSize(A.getDataLayout());
  if (!Size || Size->isScalable() || Len->getZExtValue() != Size->getFixedValue() ||
      Len->isZero() || usedAfter(A, Copy))
    return std::nullopt;

  Borrow B;
  B.At = &Copy;
  B.Loc = Copy.getDebugLoc();
  B.Owner = From;
  B.Source = AddressSource::Storage;
  B.IsMove = true;
  B.Mutability = BS_MUT_MOVE;
  B.Kind = BS_BORROWER_VARIABLE;
  const Value *Dest = Copy.getRawDest();
  if (const TrackedVariable *To = Derived.variable(Dest)) {
    B.Borrower = To;
    B.BorrowerName = To->Name;
  } else if (const auto *Temp = dyn_cast<AllocaInst>(Dest)) {
    receiverOfTemporary(*Temp, Derived, B);
  } else if (const auto *Arg = dyn_cast<Argument>(Dest);
             Arg && Arg->hasStructRetAttr()) {
    B.IntoCall = true;
    B.BorrowerName = "<return>";
  } else {
    B.IntoCall = true;
    B.BorrowerName = "<memory>";
  }
  return B;
}

std::optional<Borrow> rustPtrReadMove(CallBase &Call,
                                      const DerivedPointers &Derived) {
  const Function *Callee = Call.getCalledFunction();
  // v0 names are length-prefixed: "4read" is `read` exactly, not
  // read_volatile ("13read_volatile") or read_unaligned.
  if (!Callee || !Callee->getName().starts_with("_R") ||
      !Callee->getName().contains("4core3ptr4read"))
    return std::nullopt;
  const TrackedVariable *From = nullptr, *To = nullptr;
  for (unsigned ArgNo = 0; ArgNo < Call.arg_size(); ++ArgNo) {
    const TrackedVariable *V = Derived.variable(Call.getArgOperand(ArgNo));
    if (!V)
      continue;
    if (Call.paramHasAttr(ArgNo, Attribute::StructRet))
      To = V;
    else if (!From)
      From = V;
  }
  if (!From || isPointerLike(From->Type))
    return std::nullopt;
  Borrow B;
  B.At = &Call;
  B.Loc = Call.getDebugLoc();
  B.Owner = From;
  B.Source = AddressSource::Storage;
  B.IsMove = true;
  B.Mutability = BS_MUT_MOVE;
  B.Kind = BS_BORROWER_VARIABLE;
  if (To) {
    B.Borrower = To;
    B.BorrowerName = To->Name;
  } else {
    B.IntoCall = true;
    B.BorrowerName = demangle(Callee->getName());
  }
  return B;
}

} // namespace borrowscope
