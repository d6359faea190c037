//===- Variables.cpp - Which allocas are source variables -----------------===//
#include "Variables.h"
#include "Compat.h"
#include "TypeNames.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace borrowscope {

namespace {

bool isIdentifier(StringRef Name) {
  if (Name.empty() || isDigit(Name.front()))
    return false;
  return all_of(Name, [](char C) { return isAlnum(C) || C == '_'; });
}

/// Names clang gives its own temporaries that happen to be identifiers.
bool isCompilerTemporaryName(StringRef Name) {
  static const StringSet<> Reserved = {
      "retval", "tmp", "this", "saved_stack", "cleanup", "coerce",
      "agg", "ref", "exn", "nrvo", "undef"};
  return Reserved.contains(Name) || Name.starts_with("__");
}

/// The source name of an alloca in IR without debug info, or "" for a
/// temporary. Parameters are spilled to "<name>.addr".
std::string nameWithoutDebugInfo(const AllocaInst &AI) {
  StringRef Name = AI.getName();
  Name.consume_back(".addr");
  if (!isIdentifier(Name) || isCompilerTemporaryName(Name))
    return "";
  return Name.str();
}

/// Without debug info only the IR type is known: "i32", "struct pair".
std::string llvmTypeName(Type *T) {
  if (auto *ST = dyn_cast<StructType>(T); ST && ST->hasName()) {
    StringRef Name = ST->getName();
    for (auto [Prefix, Spelling] : {std::pair{"struct.", "struct "},
                                    std::pair{"union.", "union "},
                                    std::pair{"class.", ""}})
      if (Name.consume_front(Prefix))
        return Spelling + Name.str();
    return Name.str();
  }
  if (auto *AT = dyn_cast<ArrayType>(T))
    return llvmTypeName(AT->getElementType()) + "[" +
           utostr(AT->getNumElements()) + "]";
  std::string S;
  raw_string_ostream OS(S);
  T->print(OS);
  return S;
}

/// The column of the declaration. #dbg_assign markers (-O1 and above) carry
/// only the line; the initializing store on that line has the column.
unsigned declarationColumn(const AllocaInst &AI, const DeclareInfo &Declare) {
  if (Declare.Loc && Declare.Loc.getCol() != 0)
    return Declare.Loc.getCol();
  for (const User *U : AI.users())
    if (const auto *SI = dyn_cast<StoreInst>(U))
      if (SI->getPointerOperand() == &AI && SI->getDebugLoc() &&
          SI->getDebugLoc().getLine() == Declare.Var->getLine())
        return SI->getDebugLoc().getCol();
  return 0;
}

void collectLifetimeMarkers(TrackedVariable &V) {
  for (User *U : V.Alloca->users()) {
    auto *II = dyn_cast<IntrinsicInst>(U);
    if (!II || lifetimePointer(II) != V.Alloca)
      continue;
    if (II->getIntrinsicID() == Intrinsic::lifetime_start)
      V.Starts.push_back(II);
    else if (II->getIntrinsicID() == Intrinsic::lifetime_end)
      V.Ends.push_back(II);
  }
}

} // namespace

std::vector<TrackedVariable> findVariables(Function &F, bool IsC) {
  std::vector<TrackedVariable> Vars;
  const DISubprogram *SP = F.getSubprogram();
  for (Instruction &I : instructions(F)) {
    auto *AI = dyn_cast<AllocaInst>(&I);
    if (!AI)
      continue;
    TrackedVariable V;
    V.Alloca = AI;
    DeclareInfo Declare = findDeclare(AI);
    if (Declare.Var) {
      // `this`, __range1 and friends: the compiler's, not the programmer's.
      if (Declare.Var->isArtificial() || Declare.Var->getName().empty())
        continue;
      V.Name = Declare.Var->getName().str();
      V.Type = Declare.Var->getType();
      V.TypeName = typeName(V.Type, IsC);
      V.File = Declare.Var->getFilename().str();
      V.Line = Declare.Var->getLine();
      V.Column = declarationColumn(*AI, Declare);
    } else if (SP) {
      continue; // With debug info, an alloca without a declare is a temporary.
    } else {
      V.Name = nameWithoutDebugInfo(*AI);
      if (V.Name.empty())
        continue;
      V.TypeName = llvmTypeName(AI->getAllocatedType());
      V.File = F.getParent()->getSourceFileName();
    }
    collectLifetimeMarkers(V);
    if (!AI->isStaticAlloca())
      V.Mode = LifetimeMode::Dynamic;
    else if (!V.Starts.empty())
      V.Mode = LifetimeMode::Markers;
    else
      V.Mode = LifetimeMode::Entry;
    Vars.push_back(std::move(V));
  }
  return Vars;
}

} // namespace borrowscope
