//===- Borrows.cpp - Where the address of a variable is taken -------------===//
//
// Follows each tracked alloca through address arithmetic (GEPs, casts) to the
// instructions that let its address go: a store of the address, a call
// argument, a return. Loads and stores *through* the address are uses of the
// variable, not borrows. PHIs and selects are not followed: on each path the
// address comes from a different owner, which the static site cannot name.
//
//===----------------------------------------------------------------------===//
#include "Borrows.h"
#include "CalleeMutability.h"
#include "TypeNames.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace borrowscope {

namespace {

/// Strips address arithmetic: the alloca or global a pointer points into.
const Value *baseObject(const Value *V) {
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    if (const auto *GEP = dyn_cast<GEPOperator>(V))
      V = GEP->getPointerOperand();
    else if (const auto *Cast = dyn_cast<Operator>(V);
             Cast && (Cast->getOpcode() == Instruction::BitCast ||
                      Cast->getOpcode() == Instruction::AddrSpaceCast))
      V = Cast->getOperand(0);
    else
      return V;
  }
  return V;
}

std::string calleeName(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return "<indirect call>";
  return demangle(Callee->getName());
}

/// Calls that are not the program's: debug and lifetime markers, memcpy and
/// other intrinsics (the compiler's copies), and BorrowScope's own runtime.
bool isIgnoredCall(const CallBase &Call) {
  if (isa<IntrinsicInst>(Call) || Call.isInlineAsm())
    return true;
  const Function *Callee = Call.getCalledFunction();
  return Callee && Callee->getName().starts_with("__borrowscope_");
}

class BorrowFinder {
public:
  explicit BorrowFinder(const std::vector<TrackedVariable> &Vars)
      : Vars(Vars) {
    for (const TrackedVariable &V : Vars)
      ByAlloca[V.Alloca] = &V;
  }

  std::vector<Borrow> run() {
    if (Vars.empty())
      return {};
    for (const TrackedVariable &V : Vars)
      mapAddresses(V);
    // In instruction order, so that events and remarks follow the source.
    Function &F = *Vars.front().Alloca->getFunction();
    for (Instruction &I : instructions(F)) {
      if (auto *SI = dyn_cast<StoreInst>(&I)) {
        if (const TrackedVariable *Owner = ownerOf(SI->getValueOperand()))
          addStore(*Owner, *SI);
      } else if (auto *Call = dyn_cast<CallBase>(&I)) {
        if (isIgnoredCall(*Call))
          continue;
        for (unsigned ArgNo = 0; ArgNo < Call->arg_size(); ++ArgNo)
          if (const TrackedVariable *Owner =
                  ownerOf(Call->getArgOperand(ArgNo)))
            addCallArgument(*Owner, *Call, ArgNo);
      } else if (auto *Ret = dyn_cast<ReturnInst>(&I)) {
        if (const TrackedVariable *Owner = ownerOf(Ret->getReturnValue()))
          addReturn(*Owner, *Ret);
      }
    }
    return std::move(Result);
  }

private:
  /// Records every pointer derived from \p Owner's address by address
  /// arithmetic.
  void mapAddresses(const TrackedVariable &Owner) {
    SmallVector<const Value *, 8> Work{Owner.Alloca};
    while (!Work.empty()) {
      const Value *Ptr = Work.pop_back_val();
      if (!Derived.try_emplace(Ptr, &Owner).second)
        continue;
      for (const User *U : Ptr->users())
        if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U) ||
            isa<AddrSpaceCastInst>(U))
          Work.push_back(U);
    }
  }

  const TrackedVariable *ownerOf(const Value *V) const {
    auto It = V ? Derived.find(V) : Derived.end();
    return It == Derived.end() ? nullptr : It->second;
  }

  void addStore(const TrackedVariable &Owner, StoreInst &SI) {
    Borrow B;
    B.At = &SI;
    B.Owner = &Owner;
    const Value *Dest = SI.getPointerOperand();
    const Value *Base = baseObject(Dest);
    if (auto It = ByAlloca.find(Base); It != ByAlloca.end()) {
      B.Kind = BS_BORROWER_VARIABLE;
      B.Borrower = It->second;
      B.BorrowerName = It->second->Name;
      // Only a store into the variable itself has the variable's declared
      // type; a field's type is not read here.
      if (Dest == Base)
        B.Mutability = pointeeMutability(It->second->Type);
    } else {
      B.Kind = BS_BORROWER_ESCAPE;
      if (const auto *GV = dyn_cast<GlobalVariable>(Base))
        B.BorrowerName = demangle(GV->getName());
      else
        B.BorrowerName = "<memory>";
    }
    Result.push_back(std::move(B));
  }

  void addCallArgument(const TrackedVariable &Owner, CallBase &Call,
                       unsigned ArgNo) {
    // sret: the callee constructs its result in the variable.
    if (Call.paramHasAttr(ArgNo, Attribute::StructRet))
      return;
    Borrow B;
    B.At = &Call;
    B.Owner = &Owner;
    B.Kind = BS_BORROWER_CALL;
    B.BorrowerName = calleeName(Call);
    B.Mutability = argumentMutability(Call, ArgNo);
    Result.push_back(std::move(B));
  }

  void addReturn(const TrackedVariable &Owner, ReturnInst &Ret) {
    Borrow B;
    B.At = &Ret;
    B.Owner = &Owner;
    B.Kind = BS_BORROWER_RETURN;
    B.BorrowerName = "<return>";
    if (const DISubprogram *SP = Ret.getFunction()->getSubprogram())
      if (const DISubroutineType *Ty = SP->getType())
        if (Ty->getTypeArray().size() > 0)
          B.Mutability = pointeeMutability(Ty->getTypeArray()[0]);
    Result.push_back(std::move(B));
  }

  const std::vector<TrackedVariable> &Vars;
  DenseMap<const Value *, const TrackedVariable *> ByAlloca;
  DenseMap<const Value *, const TrackedVariable *> Derived;
  std::vector<Borrow> Result;
};

} // namespace

std::vector<Borrow> findBorrows(const std::vector<TrackedVariable> &Vars) {
  return BorrowFinder(Vars).run();
}

} // namespace borrowscope
