//===- Borrows.cpp - Where the address of a variable goes -----------------===//
//
// Two steps. First, every pointer *derived* from a tracked variable is mapped
// to it: address arithmetic (GEP, casts), std::move/std::forward (casts in
// disguise), and the pointer returned by a call that received exactly one
// derived pointer (`v.front()`, `s.c_str()`, `strchr(buf, c)`: as in Rust's
// lifetime elision, a returned reference borrows from the one reference
// passed in).
//
// Second, the function is walked in order for the places where addresses go:
//  - a store of a pointer into a variable, into memory inside a variable, or
//    into other memory (heap, globals). A derived pointer is a borrow of its
//    owner; any other pointer is a *reborrow*, whose owner the reader finds at
//    run time from the address (a parameter passed on, a pointer loaded from
//    memory, null). Stores into compiler temporaries are not recorded: they
//    live for one full expression;
//  - a derived pointer passed to a call: a borrow by the callee, shared or
//    mutable from the parameter's declared type, a move when bound to T&&.
//    When the call returns a pointer derived from the argument (an accessor),
//    what is done with that pointer decides: kept in a variable, that
//    variable's borrow is the borrow; only read through, a shared one;
//  - a move constructor or move assignment into a variable: a Move;
//  - a derived pointer returned.
// PHIs and selects are not followed: on each path the address comes from a
// different owner, which a static site cannot name; addresses that flow
// through them are reborrows once stored.
//
//===----------------------------------------------------------------------===//
#include "Borrows.h"
#include "CalleeMutability.h"
#include "TypeNames.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DataLayout.h"
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

/// std::move, std::forward, std::addressof: casts, not uses.
bool isTransparentCall(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return false;
  StringRef N = Callee->getName();
  return N.starts_with("_ZSt4move") || N.starts_with("_ZSt7forward") ||
         N.starts_with("_ZSt9addressof") || N.starts_with("_ZSt11__addressof");
}

/// Itanium names of constructors (C1/C2) and assignment operators (aS):
/// the calls through which a value moves into `this`.
bool isConstructorOrAssignment(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || !Callee->getName().starts_with("_ZN"))
    return false;
  StringRef N = Callee->getName();
  return N.contains("C1E") || N.contains("C2E") || N.contains("aSE");
}

/// The first argument that is not `sret`: `this` of a member function.
std::optional<unsigned> thisArgument(const CallBase &Call) {
  for (unsigned I = 0; I < Call.arg_size(); ++I)
    if (!Call.paramHasAttr(I, Attribute::StructRet))
      return I;
  return std::nullopt;
}

class BorrowFinder {
public:
  explicit BorrowFinder(const std::vector<TrackedVariable> &Vars)
      : Vars(Vars) {
    for (const TrackedVariable &V : Vars)
      ByAlloca[V.Alloca] = &V;
  }

  BorrowAnalysis run() {
    if (Vars.empty())
      return {};
    F = Vars.front().Alloca->getFunction();
    mapDerivedPointers();
    findAddressTaken();
    for (Instruction &I : instructions(*F)) {
      if (auto *SI = dyn_cast<StoreInst>(&I))
        visitStore(*SI);
      else if (auto *Call = dyn_cast<CallBase>(&I))
        visitCall(*Call);
      else if (auto *Ret = dyn_cast<ReturnInst>(&I))
        visitReturn(*Ret);
    }
    return {std::move(Result), std::move(AddressTaken)};
  }

private:
  // --- Step 1: which pointers are derived from which variable -------------

  void mapDerivedPointers() {
    for (const TrackedVariable &V : Vars)
      derive(V.Alloca, V);
    // A reference is bound once: reading it gives the address it was bound
    // to, so `int &r = x; f(r);` passes x to f.
    for (const TrackedVariable &V : Vars)
      if (const TrackedVariable *Bound = boundReferent(V))
        for (User *U : V.Alloca->users())
          if (auto *LI = dyn_cast<LoadInst>(U);
              LI && LI->getPointerOperand() == V.Alloca &&
              LI->getType()->isPointerTy())
            derive(LI, *Bound, &V);
    // Accessor results, in a few rounds: one accessor's result may be passed
    // to another (`v.front().name.c_str()`).
    for (unsigned Round = 0; Round < 4; ++Round) {
      bool Changed = false;
      for (Instruction &I : instructions(*F)) {
        auto *Call = dyn_cast<CallBase>(&I);
        if (!Call || !Call->getType()->isPointerTy() || Derived.count(Call) ||
            isIgnoredCall(*Call))
          continue;
        if (const Value *Arg = soleDerivedArgument(*Call)) {
          Accessors.insert(Call);
          derive(Call, *ownerOf(Arg), throughOf(Arg));
          Changed = true;
        }
      }
      if (!Changed)
        break;
    }
  }

  /// The variable a reference variable is bound to: its one store is of a
  /// pointer derived from that variable. Pointers can be reassigned, so only
  /// references qualify.
  const TrackedVariable *boundReferent(const TrackedVariable &V) const {
    if (!isReference(V.Type) && !StringRef(V.Name).starts_with("__range"))
      return nullptr;
    const TrackedVariable *Bound = nullptr;
    for (const User *U : V.Alloca->users()) {
      const auto *SI = dyn_cast<StoreInst>(U);
      if (!SI || SI->getPointerOperand() != V.Alloca)
        continue;
      const TrackedVariable *Owner = ownerOf(SI->getValueOperand());
      if (!Owner || Bound)
        return nullptr; // bound to no variable, or stored twice
      Bound = Owner;
    }
    return Bound;
  }

  /// Maps \p Root and everything computed from it by address arithmetic or a
  /// transparent call to \p Owner.
  void derive(Value *Root, const TrackedVariable &Owner,
              const TrackedVariable *Through = nullptr) {
    SmallVector<Value *, 8> Work{Root};
    while (!Work.empty()) {
      Value *Ptr = Work.pop_back_val();
      if (!Derived.try_emplace(Ptr, &Owner).second)
        continue;
      if (Through)
        ThroughReference[Ptr] = Through;
      for (User *U : Ptr->users()) {
        if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U) ||
            isa<AddrSpaceCastInst>(U))
          Work.push_back(U);
        else if (auto *Call = dyn_cast<CallBase>(U);
                 Call && isTransparentCall(*Call) &&
                 Call->getType()->isPointerTy())
          Work.push_back(Call);
      }
    }
  }

  /// The argument derived from a variable, if exactly one variable is the
  /// source of the call's derived arguments.
  const Value *soleDerivedArgument(const CallBase &Call) const {
    const Value *Found = nullptr;
    for (const Use &Arg : Call.args()) {
      const TrackedVariable *Owner = ownerOf(Arg.get());
      if (!Owner)
        continue;
      if (Found && ownerOf(Found) != Owner)
        return nullptr;
      Found = Arg.get();
    }
    return Found;
  }

  /// The reference variable a derived pointer was read through, if any.
  const TrackedVariable *throughOf(const Value *V) const {
    auto It = ThroughReference.find(V);
    return It == ThroughReference.end() ? nullptr : It->second;
  }

  const TrackedVariable *ownerOf(const Value *V) const {
    auto It = V ? Derived.find(V) : Derived.end();
    return It == Derived.end() ? nullptr : It->second;
  }

  /// A derived pointer used as anything but an address to load from or store
  /// to lets the address out.
  void findAddressTaken() {
    for (auto [V, Owner] : Derived)
      for (const User *U : V->users()) {
        bool Escapes = false;
        if (const auto *SI = dyn_cast<StoreInst>(U))
          Escapes = SI->getValueOperand() == V;
        else if (const auto *Call = dyn_cast<CallBase>(U))
          Escapes = !isIgnoredCall(*Call) && !isTransparentCall(*Call);
        else
          Escapes = isa<PHINode>(U) || isa<SelectInst>(U) ||
                    isa<PtrToIntInst>(U) || isa<ReturnInst>(U);
        if (Escapes)
          AddressTaken.insert(Owner);
      }
  }

  // --- Step 2: where addresses go -----------------------------------------

  void visitStore(StoreInst &SI) {
    Value *Stored = SI.getValueOperand();
    if (!Stored->getType()->isPointerTy())
      return;
    Value *Dest = SI.getPointerOperand();
    const Value *Base = baseObject(Dest);
    const TrackedVariable *Holder = nullptr;
    if (auto It = ByAlloca.find(Base); It != ByAlloca.end())
      Holder = It->second;
    else if (isa<AllocaInst>(Base))
      return; // a compiler temporary: lives for one full expression

    Borrow B;
    B.At = &SI;
    B.Owner = ownerOf(Stored);
    B.Through = throughOf(Stored);
    if (!B.Owner)
      B.Address = Stored;
    if (Holder) {
      B.Kind = BS_BORROWER_VARIABLE;
      B.Borrower = Holder;
      B.BorrowerName = Holder->Name;
      if (Dest == Base) {
        // A range-for's hidden reference: the loop only reads through it
        // unless its body says otherwise, which the types do not tell.
        B.Mutability = StringRef(Holder->Name).starts_with("__range")
                           ? BS_MUT_UNKNOWN
                           : Holder->HoldsAs;
      } else {
        B.Destination = Dest; // a field or element: one of several holders
        describeMember(*Holder, *Dest, B);
      }
    } else {
      B.Kind = BS_BORROWER_ESCAPE;
      B.Destination = Dest;
      if (const auto *GV = dyn_cast<GlobalVariable>(Base))
        B.BorrowerName = demangle(GV->getName());
      else
        B.BorrowerName = "<memory>";
    }
    // Stores of pointers that are neither borrows nor reborrows of anything
    // a variable holds are of no interest: a constant (null, a string
    // literal, a function) into memory that no variable owns.
    if (B.Address && !Holder && isa<Constant>(B.Address) &&
        !isa<ConstantPointerNull>(B.Address))
      return;
    Result.push_back(std::move(B));
  }

  /// A store into a member of a variable (a lambda's capture, a struct's
  /// pointer field): the member's name and declared type, when debug info
  /// has them.
  void describeMember(const TrackedVariable &Holder, const Value &Dest,
                      Borrow &B) const {
    const DataLayout &DL = F->getDataLayout();
    APInt Offset(DL.getIndexTypeSizeInBits(Dest.getType()), 0);
    const Value *Base =
        Dest.stripAndAccumulateConstantOffsets(DL, Offset, true);
    if (Base != Holder.Alloca || Offset.isNegative())
      return;
    std::string Member;
    if (const DIType *T =
            memberTypeAt(Holder.Type, Offset.getZExtValue(), Member)) {
      B.Mutability = pointeeMutability(T);
      if (!Member.empty())
        B.BorrowerName = Holder.Name + "." + Member;
    }
  }

  void visitCall(CallBase &Call) {
    if (isIgnoredCall(Call) || isTransparentCall(Call))
      return;
    for (unsigned ArgNo = 0; ArgNo < Call.arg_size(); ++ArgNo) {
      const TrackedVariable *Owner = ownerOf(Call.getArgOperand(ArgNo));
      if (!Owner || Call.paramHasAttr(ArgNo, Attribute::StructRet))
        continue; // sret: the callee constructs its result in the variable
      if (const TrackedVariable *Target = moveTarget(Call, ArgNo)) {
        addMove(Call, *Owner, *Target);
        continue;
      }
      Borrow B;
      B.At = &Call;
      B.Owner = Owner;
      B.Through = throughOf(Call.getArgOperand(ArgNo));
      B.Kind = BS_BORROWER_CALL;
      B.BorrowerName = calleeName(Call);
      B.Mutability = isRValueArgument(Call, ArgNo)
                         ? BS_MUT_MOVE
                         : argumentMutability(Call, ArgNo);
      if (Accessors.count(&Call)) {
        // The borrow is what is done with the returned pointer: kept in a
        // variable, that variable's borrow; else read or written through. A
        // const accessor's result cannot be written through.
        std::optional<bs_mutability> Use = accessorUse(&Call);
        if (!Use)
          continue;
        if (B.Mutability != BS_MUT_SHARED)
          B.Mutability = *Use;
      }
      Result.push_back(std::move(B));
    }
  }

  /// The variable a constructor or assignment moves into, when argument
  /// \p ArgNo is a whole variable bound to T&& and `this` is a whole tracked
  /// variable. Moving out of a member or an element is a borrow of kind move:
  /// the variable itself is not moved-from.
  const TrackedVariable *moveTarget(const CallBase &Call,
                                    unsigned ArgNo) const {
    if (!isConstructorOrAssignment(Call) || !isRValueArgument(Call, ArgNo) ||
        !isWholeVariable(Call.getArgOperand(ArgNo)))
      return nullptr;
    std::optional<unsigned> This = thisArgument(Call);
    if (!This || *This == ArgNo)
      return nullptr;
    auto It = ByAlloca.find(Call.getArgOperand(*This));
    return It == ByAlloca.end() ? nullptr : It->second;
  }

  /// The address of a whole variable: its alloca, possibly through
  /// std::move or std::forward.
  bool isWholeVariable(const Value *V) const {
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      if (ByAlloca.count(V))
        return true;
      const auto *Call = dyn_cast<CallBase>(V);
      if (!Call || !isTransparentCall(*Call) || Call->arg_size() == 0)
        return false;
      V = Call->getArgOperand(0);
    }
    return false;
  }

  void addMove(CallBase &Call, const TrackedVariable &From,
               const TrackedVariable &To) {
    Borrow B;
    B.At = &Call;
    B.Owner = &From;
    B.Kind = BS_BORROWER_VARIABLE;
    B.Borrower = &To;
    B.BorrowerName = To.Name;
    B.Mutability = BS_MUT_MOVE;
    B.IsMove = true;
    Result.push_back(std::move(B));
  }

  /// How the pointer an accessor returned is used: nullopt when it is stored
  /// into a tracked variable (that store is the borrow), shared when only
  /// read through, mutable when written through, passed on or escaping.
  std::optional<bs_mutability> accessorUse(const Value *Result) const {
    bool Writes = false, Kept = false;
    SmallVector<const Value *, 8> Work{Result};
    DenseSet<const Value *> Seen;
    while (!Work.empty()) {
      const Value *V = Work.pop_back_val();
      if (!Seen.insert(V).second)
        continue;
      for (const User *U : V->users()) {
        if (isa<LoadInst>(U) || isa<ICmpInst>(U))
          continue;
        if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U) ||
            isa<AddrSpaceCastInst>(U)) {
          Work.push_back(U);
        } else if (const auto *SI = dyn_cast<StoreInst>(U)) {
          if (SI->getPointerOperand() == V)
            Writes = true;
          else if (ByAlloca.count(baseObject(SI->getPointerOperand())))
            Kept = true;
          else
            Writes = true; // escapes: assume the worst
        } else if (const auto *Call = dyn_cast<CallBase>(U)) {
          // Passed on to another call, which records its own borrow when it
          // is an accessor too; otherwise it may write.
          if (!isIgnoredCall(*Call) && !Accessors.count(Call) &&
              !isTransparentCall(*Call))
            Writes = true;
          else if (Accessors.count(Call) || isTransparentCall(*Call))
            Work.push_back(Call);
        } else {
          Writes = true;
        }
      }
    }
    if (Kept && !Writes)
      return std::nullopt;
    return Writes ? BS_MUT_MUTABLE : BS_MUT_SHARED;
  }

  void visitReturn(ReturnInst &Ret) {
    const TrackedVariable *Owner = ownerOf(Ret.getReturnValue());
    if (!Owner)
      return;
    Borrow B;
    B.At = &Ret;
    B.Owner = Owner;
    B.Through = throughOf(Ret.getReturnValue());
    B.Kind = BS_BORROWER_RETURN;
    B.BorrowerName = "<return>";
    if (const DISubprogram *SP = F->getSubprogram())
      if (const DISubroutineType *Ty = SP->getType())
        if (Ty->getTypeArray().size() > 0)
          B.Mutability = pointeeMutability(Ty->getTypeArray()[0]);
    Result.push_back(std::move(B));
  }

  const std::vector<TrackedVariable> &Vars;
  Function *F = nullptr;
  DenseMap<const Value *, const TrackedVariable *> ByAlloca;
  DenseMap<const Value *, const TrackedVariable *> Derived;
  DenseMap<const Value *, const TrackedVariable *> ThroughReference;
  DenseSet<const CallBase *> Accessors;
  DenseSet<const TrackedVariable *> AddressTaken;
  std::vector<Borrow> Result;
};

} // namespace

BorrowAnalysis findBorrows(const std::vector<TrackedVariable> &Vars) {
  return BorrowFinder(Vars).run();
}

} // namespace borrowscope
