//===- DerivedPointers.cpp - Which pointers point into which variable -----===//
#include "DerivedPointers.h"
#include "SourceLanguage.h"
#include "TypeNames.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include <cstdlib>

using namespace llvm;

namespace borrowscope {

namespace {

/// A slot of a temporary whose offset is unknown (a constructor filled it).
constexpr uint64_t AnyOffset = ~uint64_t(0);

bool isConstructor(const Function &F) {
  return isConstructorName(F.getName());
}

/// A copy or move constructor (`C(const C &)`, `C(C &&)`): the new object
/// has the argument's value; it holds no pointer to the argument.
bool isCopyOrMoveConstructor(const Function &F) {
  std::string Name = F.getName().str();
  ItaniumPartialDemangler D;
  if (D.partialDemangle(Name.c_str()) || !D.isCtorOrDtor())
    return false;
  char *Context = D.getFunctionDeclContextName(nullptr, nullptr);
  char *Params = D.getFunctionParameters(nullptr, nullptr);
  bool Result = false;
  if (Context && Params) {
    std::string C = Context;
    StringRef P = StringRef(Params).trim();
    Result = P == "(" + C + " const&)" || P == "(" + C + "&&)" ||
             P == "(" + C + "&)";
  }
  std::free(Context);
  std::free(Params);
  return Result;
}

/// Bytes a reference or pointer type points to; 0 when unknown.
uint32_t pointeeSize(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag == dwarf::DW_TAG_pointer_type ||
        Tag == dwarf::DW_TAG_reference_type ||
        Tag == dwarf::DW_TAG_rvalue_reference_type) {
      const DIType *Base = D->getBaseType();
      while (auto *Q = dyn_cast_or_null<DIDerivedType>(Base)) {
        if (Q->getTag() != dwarf::DW_TAG_const_type &&
            Q->getTag() != dwarf::DW_TAG_volatile_type &&
            Q->getTag() != dwarf::DW_TAG_typedef)
          break;
        Base = Q->getBaseType();
      }
      return Base ? uint32_t(Base->getSizeInBits() / 8) : 0;
    }
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type)
      return 0;
    T = D->getBaseType();
  }
  return 0;
}

/// What an accessor's result points to: its declared return type's pointee.
uint32_t resultSize(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  const DISubprogram *SP = Callee ? Callee->getSubprogram() : nullptr;
  const DISubroutineType *Ty = SP ? SP->getType() : nullptr;
  if (!Ty || Ty->getTypeArray().size() == 0)
    return 0;
  return pointeeSize(Ty->getTypeArray()[0]);
}

/// The base and constant byte offset of \p P, if constant.
std::optional<std::pair<const Value *, uint64_t>>
constantOffset(const Value *P, const DataLayout &DL) {
  APInt Offset(DL.getIndexTypeSizeInBits(P->getType()), 0);
  const Value *Base = P->stripAndAccumulateConstantOffsets(DL, Offset, true);
  if (Offset.isNegative())
    return std::nullopt;
  return std::make_pair(Base, Offset.getZExtValue());
}

} // namespace

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

bool isIgnoredCall(const CallBase &Call) {
  if (isa<IntrinsicInst>(Call) || Call.isInlineAsm())
    return true;
  const Function *Callee = Call.getCalledFunction();
  return Callee && Callee->getName().starts_with("__borrowscope_");
}

bool isTransparentCall(const CallBase &Call) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return false;
  StringRef N = Callee->getName();
  return N.starts_with("_ZSt4move") || N.starts_with("_ZSt7forward") ||
         N.starts_with("_ZSt9addressof") || N.starts_with("_ZSt11__addressof") ||
         N.starts_with("_ZSt10to_address") || N.starts_with("_ZSt12__to_address");
}

DerivedPointers::DerivedPointers(Function &F,
                                 const std::vector<TrackedVariable> &Vars,
                                 ReturnedArguments &Returned)
    : F(F), Returned(Returned), IsRust(isRust(F)) {
  const DataLayout &DL = F.getDataLayout();
  for (const TrackedVariable &V : Vars)
    ByAlloca[V.Alloca] = &V;
  for (const TrackedVariable &V : Vars) {
    Derivation D;
    D.Owner = &V;
    if (V.Alloca->isStaticAlloca() && !V.Alloca->isArrayAllocation())
      D.Size = uint32_t(DL.getTypeAllocSize(V.Alloca->getAllocatedType()));
    derive(V.Alloca, D);
  }
  bindReferences();
  // A few rounds: an accessor's result may be passed to another accessor
  // (`v.front().name.c_str()`), or through temporaries.
  for (unsigned Round = 0; Round < 6; ++Round) {
    bool Changed = forwardTemporaries();
    Changed |= findAccessors();
    if (!Changed)
      break;
  }
}

const Derivation *DerivedPointers::of(const Value *V) const {
  auto It = V ? Derived.find(V) : Derived.end();
  return It == Derived.end() ? nullptr : &It->second;
}

const TrackedVariable *DerivedPointers::variable(const Value *V) const {
  auto It = ByAlloca.find(V);
  return It == ByAlloca.end() ? nullptr : It->second;
}

bool DerivedPointers::isTemporary(const Value *V) const {
  return isa<AllocaInst>(V) && !ByAlloca.count(V);
}

const SmallVector<TempSlot, 2> *
DerivedPointers::contents(const Value *Temp) const {
  auto It = Temps.find(Temp);
  return It == Temps.end() ? nullptr : &It->second;
}

const Value *DerivedPointers::accessorArgument(const CallBase &Call) const {
  auto It = AccessorArgs.find(&Call);
  return It == AccessorArgs.end() ? nullptr : It->second;
}

void DerivedPointers::derive(Value *Root, Derivation D) {
  const DataLayout &DL = F.getDataLayout();
  SmallVector<std::pair<Value *, uint32_t>, 8> Work{{Root, D.Size}};
  while (!Work.empty()) {
    auto [Ptr, Size] = Work.pop_back_val();
    Derivation Here = D;
    Here.Size = Size;
    if (!Derived.try_emplace(Ptr, Here).second)
      continue;
    for (User *U : Ptr->users()) {
      if (auto *GEP = dyn_cast<GetElementPtrInst>(U)) {
        if (GEP->getPointerOperand() != Ptr)
          continue;
        Type *Elem = GEP->getResultElementType();
        uint32_t S = Elem->isSized() ? uint32_t(DL.getTypeAllocSize(Elem)) : 0;
        // An i8 GEP is byte arithmetic (clang's for offsetof-style code):
        // it says nothing about what is pointed to.
        Work.push_back({GEP, Elem->isIntegerTy(8) ? 0 : S});
      } else if (isa<BitCastInst>(U) || isa<AddrSpaceCastInst>(U)) {
        Work.push_back({U, Size});
      } else if (auto *Call = dyn_cast<CallBase>(U);
                 Call && isTransparentCall(*Call) &&
                 Call->getType()->isPointerTy()) {
        Work.push_back({Call, Size});
      }
    }
  }
}

const TrackedVariable *
DerivedPointers::boundReferent(const TrackedVariable &V) const {
  if (!isReference(V.Type) && !StringRef(V.Name).starts_with("__range"))
    return nullptr;
  const TrackedVariable *Bound = nullptr;
  for (const User *U : V.Alloca->users()) {
    const auto *SI = dyn_cast<StoreInst>(U);
    if (!SI || SI->getPointerOperand() != V.Alloca)
      continue;
    const Derivation *D = of(SI->getValueOperand());
    if (!D || Bound || D->Accessor)
      return nullptr; // bound to no variable, or stored twice
    Bound = D->Owner;
  }
  return Bound;
}

// A reference is bound once: reading it gives the address it was bound to,
// so `int &r = x; f(r);` passes x to f.
void DerivedPointers::bindReferences() {
  for (auto [Alloca, V] : ByAlloca)
    if (const TrackedVariable *Bound = boundReferent(*V))
      for (User *U : V->Alloca->users())
        if (auto *LI = dyn_cast<LoadInst>(U);
            LI && LI->getPointerOperand() == V->Alloca &&
            LI->getType()->isPointerTy()) {
          Derivation D;
          D.Owner = Bound;
          D.Through = V;
          derive(LI, D);
        }
}

// Derived pointers stored into a temporary come back out of it: loads, a
// memcpy into another temporary, a constructor that built the temporary
// from one (a std::string_view temporary passed by value).
bool DerivedPointers::forwardTemporaries() {
  const DataLayout &DL = F.getDataLayout();
  bool Changed = false;
  auto AddSlot = [&](const Value *Temp, uint64_t Offset, const Derivation &D) {
    auto &Slots = Temps[Temp];
    for (const TempSlot &S : Slots)
      if (S.Offset == Offset)
        return;
    Slots.push_back({Offset, D});
    Changed = true;
  };
  for (Instruction &I : instructions(F)) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      const Derivation *D = of(SI->getValueOperand());
      auto Place = constantOffset(SI->getPointerOperand(), DL);
      if (D && Place && isTemporary(Place->first))
        AddSlot(Place->first, Place->second, *D);
    } else if (auto *LI = dyn_cast<LoadInst>(&I)) {
      if (!LI->getType()->isPointerTy() || Derived.count(LI))
        continue;
      auto Place = constantOffset(LI->getPointerOperand(), DL);
      const auto *Slots = Place ? contents(Place->first) : nullptr;
      if (!Slots)
        continue;
      for (const TempSlot &S : *Slots)
        if (S.Offset == Place->second || S.Offset == AnyOffset) {
          derive(LI, S.From);
          Changed = true;
          break;
        }
    } else if (auto *Copy = dyn_cast<MemTransferInst>(&I)) {
      auto *Len = dyn_cast<ConstantInt>(Copy->getLength());
      auto Src = constantOffset(Copy->getSource(), DL);
      auto Dst = constantOffset(Copy->getDest(), DL);
      const auto *Slots = Src ? contents(Src->first) : nullptr;
      if (!Len || !Slots || !Dst || !isTemporary(Dst->first))
        continue;
      SmallVector<TempSlot, 2> Copied(*Slots);
      for (const TempSlot &S : Copied) {
        if (S.Offset == AnyOffset)
          AddSlot(Dst->first, AnyOffset, S.From);
        else if (S.Offset >= Src->second &&
                 S.Offset < Src->second + Len->getZExtValue())
          AddSlot(Dst->first, Dst->second + (S.Offset - Src->second), S.From);
      }
    } else if (auto *Call = dyn_cast<CallBase>(&I)) {
      const Function *Callee = Call->getCalledFunction();
      if (!Callee || !isConstructor(*Callee) || Call->arg_size() < 2 ||
          isCopyOrMoveConstructor(*Callee))
        continue;
      unsigned This = Call->paramHasAttr(0, Attribute::StructRet) ? 1 : 0;
      if (This >= Call->arg_size() ||
          !isTemporary(baseObject(Call->getArgOperand(This))))
        continue;
      for (unsigned A = This + 1; A < Call->arg_size(); ++A)
        if (const Derivation *D = of(Call->getArgOperand(A))) {
          AddSlot(baseObject(Call->getArgOperand(This)), AnyOffset, *D);
          break;
        }
    }
  }
  return Changed;
}

const Derivation *DerivedPointers::soleSource(const CallBase &Call,
                                              const Value **Arg) const {
  const Derivation *Found = nullptr;
  *Arg = nullptr;
  for (const Use &U : Call.args()) {
    const Derivation *D = of(U.get());
    if (!D) {
      // A temporary holding a borrowed pointer (an iterator, a closure).
      const auto *Slots = contents(baseObject(U.get()));
      if (Slots && Slots->size() == 1)
        D = &(*Slots)[0].From;
    }
    if (!D)
      continue;
    if (Found && Found->Owner != D->Owner)
      return nullptr;
    if (!Found) {
      Found = D;
      *Arg = U.get();
    }
  }
  return Found;
}

bool isDestroyed(const Value *Object) {
  const Value *Base = baseObject(Object);
  if (!isa<AllocaInst>(Base))
    return false;
  for (const User *U : Base->users())
    if (const auto *Call = dyn_cast<CallBase>(U))
      if (const Function *F = Call->getCalledFunction();
          F && Call->arg_size() && Call->getArgOperand(0) == Base &&
          isDestructorName(F->getName()))
        return true;
  return false;
}

/// Whether \p Call's result may point into what its argument \p Arg points
/// to (ReturnedArguments), at any of the places it is passed: a part of the
/// owner, or what the owner holds when a destructor ends that with it. What
/// an object without one holds (an iterator's, a view's, a writer's
/// pointer) is not the object's: the result is then a reborrow, resolved by
/// address where it is stored.
bool DerivedPointers::mayReturn(const CallBase &Call, const Value *Arg,
                                const TrackedVariable &Owner) {
  bool Owns = Owner.Alloca && isDestroyed(Owner.Alloca);
  for (unsigned A = 0; A < Call.arg_size(); ++A)
    if (Call.getArgOperand(A) == Arg &&
        (Owns ? Returned.mayReturn(Call, A) : Returned.mayReturnPart(Call, A)))
      return true;
  return false;
}

bool DerivedPointers::findAccessors() {
  bool Changed = false;
  for (Instruction &I : instructions(F)) {
    auto *Call = dyn_cast<CallBase>(&I);
    if (!Call || Accessors.contains(Call) || isIgnoredCall(*Call) ||
        isTransparentCall(*Call))
      continue;
    bool PointerResult = Call->getType()->isPointerTy();
    bool Aggregate = Call->getType()->isStructTy();
    // rustc returns pairs of scalars in registers as they are ({i64, i64}
    // for an Option<usize>): no pointer in them, nothing points anywhere.
    if (Aggregate && IsRust &&
        none_of(cast<StructType>(Call->getType())->elements(),
                [](Type *T) { return T->isPointerTy(); }))
      continue;
    if (!PointerResult && !Aggregate)
      continue;
    const Value *Arg = nullptr;
    const Derivation *Source = soleSource(*Call, &Arg);
    if (!Source || !Source->Owner || !mayReturn(*Call, Arg, *Source->Owner))
      continue;
    Derivation D;
    D.Owner = Source->Owner;
    D.Through = Source->Through;
    D.Accessor = true;
    D.Size = resultSize(*Call);
    Accessors.insert(Call);
    AccessorArgs[Call] = Arg;
    if (PointerResult) {
      derive(Call, D);
    } else {
      // A small aggregate returned in registers ({i64, ptr}: a string_view,
      // a span): its pointer members.
      for (User *U : Call->users())
        if (auto *EV = dyn_cast<ExtractValueInst>(U);
            EV && EV->getType()->isPointerTy())
          derive(EV, D);
    }
    Changed = true;
  }
  return Changed;
}

} // namespace borrowscope
