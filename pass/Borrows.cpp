//===- Borrows.cpp - Where the address of a variable goes -----------------===//
//
// DerivedPointers says which pointers point into which variable; this walks
// the function in order for the places where such addresses go:
//  - a store of a pointer into a variable, into memory inside a variable, or
//    into other memory (heap, globals). A derived pointer is a borrow of its
//    owner; any other pointer is a *reborrow*, whose owner the reader finds
//    at run time from the address (a parameter passed on, a pointer loaded
//    from memory, null). Stores into compiler temporaries are followed by
//    DerivedPointers instead: they live for one full expression;
//  - a derived pointer passed to a call: a borrow by the callee, shared or
//    mutable from the parameter's declared type. When the callee keeps it
//    (an object's constructor, push_back, a std::function), the object is
//    its holder. When the call returns a pointer derived from the argument
//    (an accessor), what is done with that pointer decides: kept in a
//    variable, that variable's borrow is the borrow; only read or written
//    through, a borrow of what it points to by the call;
//  - a variable bound to T&& and moved into another variable, a parameter or
//    a temporary: a Move;
//  - a derived pointer returned.
//
//===----------------------------------------------------------------------===//
#include "Borrows.h"
#include "AccessesAfterEnd.h"
#include "CalleeMutability.h"
#include "RustMoves.h"
#include "SourceLanguage.h"
#include "TypeNames.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

namespace {

std::string calleeName(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return "<indirect call>";
  return demangle(Callee->getName());
}

/// The address of (a part of) a global variable that is not a vtable or
/// typeinfo object.
bool isPlainGlobalAddress(const Value *V) {
  const auto *GV = dyn_cast<GlobalVariable>(V->stripPointerCasts()
                                                ->stripInBoundsConstantOffsets());
  if (!GV)
    return false;
  StringRef Name = GV->getName();
  return !Name.starts_with("_ZTV") && !Name.starts_with("_ZTI") &&
         !Name.starts_with("_ZTS");
}

/// Itanium names of constructors (C1/C2) and assignment operators (aS):
/// the calls through which a value moves into `this`.
bool isConstructorOrAssignment(const Function *Callee) {
  if (!Callee || !Callee->getName().starts_with("_ZN"))
    return false;
  StringRef N = Callee->getName();
  return isConstructorName(N) || N.contains("aSE");
}

/// Constructors (C1/C2) and destructors (D0/D1/D2): they begin or end
/// their object's life, whatever their bodies write.
bool isConstructorOrDestructor(const Function *Callee) {
  return Callee && (isConstructorName(Callee->getName()) ||
                    isDestructorName(Callee->getName()));
}

/// An object that may own what the pointers inside it point to (a vector's
/// or string's buffer): a class, not a plain pointer or scalar.
bool ownsContents(const TrackedVariable &V) {
  return V.Alloca && V.Alloca->getAllocatedType()->isStructTy();
}

/// The first argument that is not `sret`: `this` of a member function.
std::optional<unsigned> thisArgument(const CallBase &Call) {
  for (unsigned I = 0; I < Call.arg_size(); ++I)
    if (!Call.paramHasAttr(I, Attribute::StructRet))
      return I;
  return std::nullopt;
}

/// A call of a member function that may change its object: not const
/// (`_ZNK`). The mangling spells namespaces and classes alike (`_ZN3fmt6format`
/// is a free function), so the object is told by its attributes: clang marks
/// `this` dereferenceable, which a free function's first parameter is only
/// when it is a reference (then taken for the object, as before).
bool isMutatingMember(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || !Callee->getName().starts_with("_ZN") ||
      Callee->getName().starts_with("_ZNK"))
    return false;
  std::optional<unsigned> This = thisArgument(Call);
  return This && (Call.paramHasAttr(*This, Attribute::Dereferenceable) ||
                  Call.paramHasAttr(*This, Attribute::DereferenceableOrNull));
}

/// A location with a line: the first of \p Candidates that has one.
DebugLoc statementLoc(std::initializer_list<const Value *> Candidates) {
  for (const Value *V : Candidates)
    if (const auto *I = dyn_cast_or_null<Instruction>(V))
      if (const DebugLoc &DL = I->getDebugLoc(); DL && DL.getLine() != 0)
        return DL;
  return DebugLoc();
}

class BorrowFinder {
public:
  BorrowFinder(const std::vector<TrackedVariable> &Vars, KeptArguments &Kept,
               WrittenArguments &Written, ReturnedArguments &Returned)
      : Vars(Vars), F(*Vars.front().Alloca->getFunction()),
        Derived(F, Vars, Returned), Kept(Kept), Written(Written),
        IsRust(isRust(F)) {}

  BorrowAnalysis run() {
    findAddressTaken();
    for (Instruction &I : instructions(F)) {
      if (auto *SI = dyn_cast<StoreInst>(&I))
        visitStore(*SI);
      else if (auto *Copy = dyn_cast<MemTransferInst>(&I); Copy && IsRust) {
        if (std::optional<Borrow> M = rustMoveOf(*Copy, Derived))
          Result.push_back(std::move(*M));
      } else if (auto *Call = dyn_cast<CallBase>(&I)) {
        if (std::optional<Borrow> M =
                IsRust ? rustPtrReadMove(*Call, Derived) : std::nullopt)
          Result.push_back(std::move(*M));
        else
          visitCall(*Call);
      }
      else if (auto *Ret = dyn_cast<ReturnInst>(&I))
        visitReturn(*Ret);
    }
    if (IsRust)
      holdBorrowsOfLocalsUsedAfterEnd(Result, Vars, Derived);
    return {std::move(Result), std::move(AddressTaken)};
  }

private:
  /// A derived pointer used as anything but an address to load from or
  /// store to lets the address out.
  void findAddressTaken() {
    for (Instruction &I : instructions(F))
      for (const Use &Op : I.operands()) {
        const Derivation *D = Derived.of(Op.get());
        if (!D || D->Accessor)
          continue;
        bool Escapes = false;
        if (const auto *SI = dyn_cast<StoreInst>(&I))
          Escapes = SI->getValueOperand() == Op.get();
        else if (const auto *Call = dyn_cast<CallBase>(&I))
          Escapes = !isIgnoredCall(*Call) && !isTransparentCall(*Call);
        else
          Escapes = isa<PHINode>(I) || isa<SelectInst>(I) ||
                    isa<PtrToIntInst>(I) || isa<ReturnInst>(I);
        if (Escapes)
          AddressTaken.insert(D->Owner);
      }
  }

  Borrow borrowOf(Instruction &At, Value *Address, const Derivation *D) {
    Borrow B;
    B.At = &At;
    B.Loc = At.getDebugLoc();
    B.Address = Address;
    if (D) {
      B.Owner = D->Owner;
      B.Through = D->Through;
      B.Source = D->Accessor ? AddressSource::Accessor : AddressSource::Storage;
      B.Size = D->Size;
    }
    return B;
  }

  void visitStore(StoreInst &SI) {
    Value *Stored = SI.getValueOperand();
    if (!Stored->getType()->isPointerTy())
      return;
    Value *Dest = SI.getPointerOperand();
    const Value *Base = baseObject(Dest);
    const TrackedVariable *Holder = Derived.variable(Base);
    if (!Holder && isa<AllocaInst>(Base))
      return; // a compiler temporary: DerivedPointers follows it
    const Derivation *D = Derived.of(Stored);
    // Constants other than null point at no variable: into a holder they
    // let go of what it held; into other memory only a global's address
    // does (memory that held a local is pointed at a static table), which
    // the runtime records only where a stack address was stored before.
    // Vtable and typeinfo stores (every constructor's) say nothing.
    if (!D && isa<Constant>(Stored) && !isa<ConstantPointerNull>(Stored) &&
        !Holder && !isPlainGlobalAddress(Stored))
      return;
    Borrow B = borrowOf(SI, Stored, D);
    if (Holder) {
      B.Kind = BS_BORROWER_VARIABLE;
      B.Borrower = Holder;
      B.BorrowerName = Holder->Name;
      if (Dest == Base) {
        // A range-for's hidden reference: through `auto &&` the loop may
        // read or write, which the types do not tell; a const reference (a
        // const range, `const auto &`) only reads.
        B.Mutability = StringRef(Holder->Name).starts_with("__range") &&
                               Holder->HoldsAs != BS_MUT_SHARED
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
    Result.push_back(std::move(B));
  }

  /// A store into a member of a variable (a lambda's capture, a struct's
  /// pointer field): the member's name and declared type, when debug info
  /// has them.
  void describeMember(const TrackedVariable &Holder, const Value &Dest,
                      Borrow &B) const {
    const DataLayout &DL = F.getDataLayout();
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
    int Group = -1;
    auto Add = [&](Borrow B) {
      if (Group < 0)
        Group = int(Result.size());
      B.CallGroup = Group;
      Result.push_back(std::move(B));
    };
    const Function *Callee = Call.getCalledFunction();
    std::optional<unsigned> This = thisArgument(Call);
    for (unsigned ArgNo = 0; ArgNo < Call.arg_size(); ++ArgNo) {
      if (Call.paramHasAttr(ArgNo, Attribute::StructRet))
        continue; // the callee constructs its result in the variable
      Value *Arg = Call.getArgOperand(ArgNo);
      const Derivation *D = Derived.of(Arg);
      if (!D) {
        if (This && ArgNo != *This && isMutatingMember(Call))
          if (std::optional<Borrow> B = keptIndirectly(Call, ArgNo, *This))
            Add(std::move(*B));
        continue;
      }
      if (std::optional<Borrow> M = moveOutOf(Call, ArgNo, *D)) {
        Add(std::move(*M));
        continue;
      }
      if (Derived.isAccessor(Call) && Derived.accessorArgument(Call) == Arg) {
        // A call that returns a pointer into its object and changes the
        // object (insert, erase, emplace_back): a borrow of the object too.
        // An aggregate result's borrow is taken before the call, as the
        // argument's: then the one borrow is the call's (not two of one
        // argument, which would conflict).
        bool Writes = Callee && Written.writes(*Callee, ArgNo) == Access::Written;
        if (std::optional<Borrow> B = accessorBorrow(Call, *D);
            B && (B->After || !Writes))
          Add(std::move(*B));
        if (!Writes)
          continue;
      }
      Borrow B = borrowOf(Call, Arg, D);
      B.Kind = BS_BORROWER_CALL;
      B.BorrowerName = calleeName(Call);
      B.Mutability = isRValueArgument(Call, ArgNo)
                         ? BS_MUT_MOVE
                         : callMutability(Call, ArgNo);
      if (This && ArgNo != *This && isMutatingMember(Call)) {
        if (Kept.keeps(*Callee, ArgNo, 0)) {
          keptBy(Call, *This, B);
        } else if (!D->Accessor && ownsContents(*D->Owner) &&
                   !isDestroyed(Call.getArgOperand(*This)) &&
                   Kept.keeps(*Callee, ArgNo, 1)) {
          // It keeps a pointer read from the argument: a view of the
          // argument's contents (a span or string_view of a vector or
          // string), named by the owner's id. A raw pointer variable does
          // not own what it points to: keeping that is no borrow of it. A
          // holder with a destructor (shared_ptr, weak_ptr) shares in the
          // ownership rather than borrowing.
          keptBy(Call, *This, B);
          if (B.Kept) {
            B.Contents = true;
            B.Source = AddressSource::Accessor;
            B.Size = 0;
          }
        }
      }
      Add(std::move(B));
    }
  }

  /// The declared mutability, unless the callee's body shows that a
  /// non-const parameter is only read. A constructor or destructor
  /// mutates its object even when its body writes nothing.
  bs_mutability callMutability(const CallBase &Call, unsigned ArgNo) {
    bs_mutability M = argumentMutability(Call, ArgNo);
    const Function *Callee = Call.getCalledFunction();
    if (M == BS_MUT_SHARED || !Callee)
      return M;
    if (isConstructorOrDestructor(Callee) && thisArgument(Call) == ArgNo)
      return M;
    if (std::optional<Access> W = Written.writes(*Callee, ArgNo))
      switch (*W) {
      case Access::Read:
        return BS_MUT_SHARED;
      case Access::Unknown:
        // C code omits const freely (Lua's k2proto(fs, &o, &o) only reads
        // both): what it hands on unseen is unknown. C++ keeps the
        // declared non-const reference or pointer: mutable.
        return isCLanguage(*Callee) ? BS_MUT_UNKNOWN : M;
      case Access::Written:
        return BS_MUT_MUTABLE;
      }
    return M;
  }

  /// The callee keeps the pointer in its object: that object holds the
  /// borrow (a variable), or the memory it is in does.
  void keptBy(CallBase &Call, unsigned This, Borrow &B) {
    Value *Object = Call.getArgOperand(This);
    // A free function in a namespace mangles like a member: its first
    // argument may be no pointer at all (a long double, an i64), and no
    // object to hold anything. Recording it as one made invalid IR.
    if (!Object->getType()->isPointerTy())
      return;
    const Value *Base = baseObject(Object);
    B.Kept = true;
    if (const TrackedVariable *V = Derived.variable(Base)) {
      B.Kind = BS_BORROWER_VARIABLE;
      B.Borrower = V;
      B.BorrowerName = V->Name;
    } else if (!Derived.isTemporary(Base)) {
      B.Kind = BS_BORROWER_ESCAPE;
      B.Destination = Object;
      if (const auto *GV = dyn_cast<GlobalVariable>(Base))
        B.BorrowerName = demangle(GV->getName());
      else
        B.BorrowerName = "<memory>";
    } else {
      B.Kept = false; // a temporary object: DerivedPointers follows it
    }
  }

  /// A borrowed pointer handed over inside a temporary (`push_back(&x)`
  /// passes a temporary holding &x; a lambda's closure holds its captures)
  /// or as a pointer variable passed by reference (`push_back(p)`), to a
  /// call that keeps it in its object.
  std::optional<Borrow> keptIndirectly(CallBase &Call, unsigned ArgNo,
                                       unsigned This) {
    Value *Arg = Call.getArgOperand(ArgNo);
    const Function *Callee = Call.getCalledFunction();
    const Value *Base = baseObject(Arg);
    bool TypeSays = isConstructorOrAssignment(Callee);
    if (!TypeSays && !Kept.keeps(*Callee, ArgNo, 1))
      return std::nullopt;
    Borrow B;
    B.At = &Call;
    B.Loc = Call.getDebugLoc();
    B.Kind = BS_BORROWER_CALL;
    B.BorrowerName = calleeName(Call);
    // The argument points to what holds the borrowed pointer: the held
    // pointer's type says how the callee may use it.
    if (const auto *Slots = Derived.contents(Base)) {
      const TempSlot &S = Slots->front();
      B.Mutability = heldMutability(Call, ArgNo, S.Offset);
      B.Owner = S.From.Owner;
      B.Through = S.From.Through;
      B.Source = S.From.Accessor ? AddressSource::Accessor
                                 : AddressSource::Storage;
      if (S.Offset != ~uint64_t(0) && Base == Arg && Slots->size() == 1)
        B.LoadFrom = Arg; // the temporary holds just that pointer
      else
        B.Source = AddressSource::Accessor; // address unknown: name the owner
    } else if (const TrackedVariable *P = Derived.variable(Base);
               P && Base == Arg && isPointerLike(P->Type)) {
      B.LoadFrom = Arg; // what the pointer variable holds now
      B.Source = AddressSource::Unknown;
      B.Mutability = heldMutability(Call, ArgNo);
    } else {
      return std::nullopt;
    }
    keptBy(Call, This, B);
    if (!B.Kept)
      return std::nullopt;
    return B;
  }

  /// A move out of a whole variable: into a variable by its move
  /// constructor or assignment, into a temporary (a by-value parameter being
  /// constructed), or into a T&& parameter of any other call.
  std::optional<Borrow> moveOutOf(CallBase &Call, unsigned ArgNo,
                                  const Derivation &D) {
    if (!isRValueArgument(Call, ArgNo) || D.Accessor || D.Through ||
        !isWholeVariable(Call.getArgOperand(ArgNo)))
      return std::nullopt;
    Borrow B = borrowOf(Call, Call.getArgOperand(ArgNo), &D);
    B.IsMove = true;
    B.Mutability = BS_MUT_MOVE;
    B.Kind = BS_BORROWER_VARIABLE;
    const Function *Callee = Call.getCalledFunction();
    std::optional<unsigned> This = thisArgument(Call);
    if (isConstructorOrAssignment(Callee) && This && *This != ArgNo) {
      const Value *Target = baseObject(Call.getArgOperand(*This));
      if (const TrackedVariable *To = Derived.variable(Target)) {
        B.Borrower = To;
        B.BorrowerName = To->Name;
        return B;
      }
      if (Derived.isTemporary(Target)) {
        B.IntoCall = true;
        B.BorrowerName = consumerOf(Call, Target);
        return B;
      }
    }
    B.IntoCall = true;
    B.BorrowerName = calleeName(Call);
    return B;
  }

  /// The call that a temporary constructed by \p Ctor is passed to (the
  /// function taking it by value), or "<temporary>".
  std::string consumerOf(const CallBase &Ctor, const Value *Temp) const {
    for (const Instruction *I = Ctor.getNextNode(); I; I = I->getNextNode())
      if (const auto *Call = dyn_cast<CallBase>(I);
          Call && !isIgnoredCall(*Call))
        for (const Use &A : Call->args())
          if (baseObject(A.get()) == Temp && Call != &Ctor)
            return calleeName(*Call);
    return "<temporary>";
  }

  /// The address of a whole variable: its alloca, possibly through
  /// std::move or std::forward.
  bool isWholeVariable(const Value *V) const {
    for (unsigned Depth = 0; Depth < 8; ++Depth) {
      if (Derived.variable(V))
        return true;
      const auto *Call = dyn_cast<CallBase>(V);
      if (!Call || !isTransparentCall(*Call) || Call->arg_size() == 0)
        return false;
      V = Call->getArgOperand(0);
    }
    return false;
  }

  /// An accessor's own borrow. Kept in a variable (or memory), the store
  /// records it. Else it is a borrow of what the result points to by the
  /// call, after it returned: shared when only read through, mutable when
  /// written through (a const accessor's result cannot be).
  std::optional<Borrow> accessorBorrow(CallBase &Call, const Derivation &D) {
    std::optional<bs_mutability> Use = accessorUse(&Call);
    if (!Use)
      return std::nullopt;
    const Derivation *Result = Derived.of(&Call);
    Borrow B = borrowOf(Call, nullptr, Result ? Result : &D);
    B.Kind = BS_BORROWER_CALL;
    B.BorrowerName = calleeName(Call);
    bs_mutability Declared = argumentMutability(Call, 0);
    B.Mutability = Declared == BS_MUT_SHARED ? BS_MUT_SHARED : *Use;
    if (Result && Call.getType()->isPointerTy()) {
      B.Address = &Call;
      B.After = true;
    } else if (Derived.of(Derived.accessorArgument(Call))) {
      // An aggregate result: the borrow of the argument, before the call.
      B.Address = const_cast<Value *>(Derived.accessorArgument(Call));
      B.Source = D.Accessor ? AddressSource::Accessor : AddressSource::Storage;
      B.Size = D.Size;
    }
    if (!B.Address)
      return std::nullopt;
    return B;
  }

  /// How the pointer an accessor returned is used: nullopt when it is stored
  /// into a tracked variable or memory (that store is the borrow), shared
  /// when only read through, mutable when written through or passed on.
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
            isa<AddrSpaceCastInst>(U) || isa<ExtractValueInst>(U)) {
          Work.push_back(U);
        } else if (const auto *SI = dyn_cast<StoreInst>(U)) {
          if (SI->getPointerOperand() == V)
            Writes = true;
          else if (!Derived.isTemporary(baseObject(SI->getPointerOperand())))
            Kept = true; // a variable, a field, memory: the store records it
          else
            Writes = true;
        } else if (const auto *Call = dyn_cast<CallBase>(U)) {
          // Passed on to another call, which records its own borrow when it
          // is an accessor too; otherwise it may write.
          if (Derived.isAccessor(*Call) || isTransparentCall(*Call))
            Work.push_back(Call);
          else if (!isIgnoredCall(*Call))
            Writes = true;
        } else {
          Writes = true;
        }
      }
    }
    if (Kept && !Writes)
      return std::nullopt;
    return Writes ? BS_MUT_MUTABLE : BS_MUT_SHARED;
  }

  /// The last instruction of \p At's block before it that fills \p Temp
  /// (a constructor call, a copy, a store): the returned expression.
  static const Instruction *lastWriteBefore(const Instruction &At,
                                            const Value *Temp) {
    const Instruction *Found = nullptr;
    for (const Instruction &I : *At.getParent()) {
      if (&I == &At)
        break;
      if (isa<LoadInst>(I) || !I.getDebugLoc())
        continue;
      for (const Value *Op : I.operands())
        if (Op->getType()->isPointerTy() && baseObject(Op) == Temp)
          Found = &I;
    }
    return Found;
  }

  void visitReturn(ReturnInst &Ret) {
    Value *V = Ret.getReturnValue();
    const Derivation *D = Derived.of(V);
    Value *Address = V;
    if (!D) {
      // A small object returned in registers (a span, a string_view, a
      // struct of pointers) loaded from the temporary it was built in:
      // what that temporary holds is returned, named by the owner's id.
      const auto *LI = dyn_cast_or_null<LoadInst>(V);
      const auto *Slots =
          LI ? Derived.contents(baseObject(LI->getPointerOperand())) : nullptr;
      if (!Slots || Slots->empty())
        return;
      D = &Slots->front().From;
      Address = nullptr;
    }
    Borrow B = borrowOf(Ret, Address, D);
    if (!Address) {
      B.Source = AddressSource::Accessor;
      B.Size = 0;
    }
    B.Kind = BS_BORROWER_RETURN;
    B.BorrowerName = "<return>";
    // The statement: the returned expression, or the store into the return
    // slot, rather than the closing brace where the ret of a function with
    // destructors is.
    const Value *Slot = nullptr;
    if (auto *LI = dyn_cast<LoadInst>(V))
      for (const User *U : LI->getPointerOperand()->users())
        if (const auto *SI = dyn_cast<StoreInst>(U);
            SI && SI->getPointerOperand() == LI->getPointerOperand())
          Slot = SI;
    if (!Address)
      Slot = lastWriteBefore(Ret, baseObject(cast<LoadInst>(V)->getPointerOperand()));
    if (DebugLoc Loc = statementLoc({Slot, V}))
      B.Loc = Loc;
    if (const DISubprogram *SP = F.getSubprogram())
      if (const DISubroutineType *Ty = SP->getType())
        if (Ty->getTypeArray().size() > 0)
          B.Mutability = pointeeMutability(Ty->getTypeArray()[0]);
    Result.push_back(std::move(B));
  }

  const std::vector<TrackedVariable> &Vars;
  Function &F;
  DerivedPointers Derived;
  KeptArguments &Kept;
  WrittenArguments &Written;
  const bool IsRust;
  DenseSet<const TrackedVariable *> AddressTaken;
  std::vector<Borrow> Result;
};

} // namespace

BorrowAnalysis findBorrows(const std::vector<TrackedVariable> &Vars,
                           KeptArguments &Kept, WrittenArguments &Written,
                           ReturnedArguments &Returned) {
  if (Vars.empty())
    return {};
  return BorrowFinder(Vars, Kept, Written, Returned).run();
}

} // namespace borrowscope
