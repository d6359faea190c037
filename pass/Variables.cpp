//===- Variables.cpp - Which allocas are source variables -----------------===//
#include "Variables.h"
#include "Compat.h"
#include "SourceLanguage.h"
#include "TypeNames.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/BinaryFormat/Dwarf.h"
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

void firstStoreLocation(const AllocaInst &AI, TrackedVariable &V) {
  for (const Instruction &I : instructions(*AI.getFunction()))
    if (const auto *SI = dyn_cast<StoreInst>(&I);
        SI && SI->getPointerOperand() == &AI && SI->getDebugLoc()) {
      V.Line = SI->getDebugLoc().getLine();
      V.Column = SI->getDebugLoc().getCol();
      if (auto *Scope = dyn_cast<DIScope>(SI->getDebugLoc().getScope()))
        V.File = Scope->getFilename().str();
      return;
    }
}

/// `auto &[a, b] = p` declares a and b on one hidden variable, each with an
/// expression; through a reference (DW_OP_deref) when bound by reference.
void nameStructuredBinding(TrackedVariable &V,
                           SmallVector<DeclareInfo, 1> Declares) {
  // In source order: the debug records come in no particular one.
  llvm::sort(Declares, [](const DeclareInfo &A, const DeclareInfo &B) {
    unsigned ACol = A.Loc ? A.Loc.getCol() : 0, BCol = B.Loc ? B.Loc.getCol() : 0;
    return std::make_pair(A.Var->getLine(), ACol) <
           std::make_pair(B.Var->getLine(), BCol);
  });
  V.Name = "[";
  for (const DeclareInfo &D : Declares)
    V.Name += (V.Name.size() > 1 ? ", " : "") + D.Var->getName().str();
  V.Name += "]";
  bool ByReference = false;
  for (const DeclareInfo &D : Declares)
    if (auto *DVR = D.Expression; DVR && DVR->startsWithDeref())
      ByReference = true;
  V.TypeName = ByReference ? "structured binding (reference)"
                           : "structured binding";
  V.Type = nullptr;
  if (ByReference)
    V.HoldsAs = isConstQualified(Declares.front().Var->getType())
                    ? BS_MUT_SHARED
                    : BS_MUT_MUTABLE;
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

/// Rust has no structured bindings. Several declarations of one alloca are
/// a closure's captured variables (declared on its environment pointer) or
/// an inlined callee's variables sharing it (at -O2): the standard library's
/// are dropped, then F's own declaration is kept over an inlined one.
/// Returns true for captures: all of them F's own.
bool keepRustDeclarations(SmallVector<DeclareInfo, 1> &Declares,
                          bool InSystemCode) {
  if (!InSystemCode)
    erase_if(Declares, [](const DeclareInfo &D) {
      return isSystemScope(D.Var->getScope());
    });
  if (Declares.size() < 2)
    return false;
  auto IsOwn = [](const DeclareInfo &D) {
    return D.Loc && !D.Loc.getInlinedAt();
  };
  // Captures are declared through the environment pointer (DW_OP_deref).
  auto IsCapture = [&](const DeclareInfo &D) {
    return IsOwn(D) && D.Expression &&
           any_of(D.Expression->expr_ops(), [](const DIExpression::ExprOperand &Op) {
             return Op.getOp() == dwarf::DW_OP_deref;
           });
  };
  if (all_of(Declares, IsCapture))
    return true;
  // `let copy = value;` at -O0 declares both on one alloca: the binding,
  // not the parameter, F's own over an inlined callee's.
  auto Keep = find_if(Declares, [&](const DeclareInfo &D) {
    return IsOwn(D) && D.Var->getArg() == 0;
  });
  if (Keep == Declares.end())
    Keep = find_if(Declares, IsOwn);
  DeclareInfo Chosen = Keep != Declares.end() ? *Keep : Declares.front();
  Declares.assign(1, Chosen);
  return false;
}

} // namespace

std::vector<TrackedVariable> findVariables(Function &F, Language Lang) {
  std::vector<TrackedVariable> Vars;
  const DISubprogram *SP = F.getSubprogram();
  const bool InSystemCode = isSystemCode(F);
  for (Instruction &I : instructions(F)) {
    auto *AI = dyn_cast<AllocaInst>(&I);
    if (!AI)
      continue;
    TrackedVariable V;
    V.Alloca = AI;
    SmallVector<DeclareInfo, 1> Declares = findAllDeclares(AI);
    bool Captures = false;
    if (Lang == Language::Rust) {
      if (Declares.empty() && SP)
        continue;
      Captures = keepRustDeclarations(Declares, InSystemCode);
      if (Declares.empty())
        continue; // the standard library's variable, inlined
    }
    if (!Declares.empty()) {
      const DeclareInfo &Declare = Declares.front();
      // `this`, __begin1 and friends: the compiler's, not the programmer's.
      // A range-for's __range1 is kept: it is the reference through which
      // the loop borrows its range, for as long as the loop runs.
      if ((Declare.Var->isArtificial() &&
           !Declare.Var->getName().starts_with("__range")) ||
          Declare.Var->getName().empty())
        continue;
      V.Type = Declare.Var->getType();
      V.IsParameter = Declare.Var->getArg() != 0;
      V.Scope = Declare.Var->getScope();
      V.File = Declare.Var->getFilename().str();
      V.Line = Declare.Var->getLine();
      V.Column = declarationColumn(*AI, Declare);
      if (V.Line == 0) // compiler-declared (__range1): where it is bound
        firstStoreLocation(*AI, V);
      if (Declares.size() == 1) {
        V.Name = Declare.Var->getName().str();
        V.TypeName = typeName(V.Type, Lang);
        V.HoldsAs = pointeeMutability(V.Type);
      } else {
        nameStructuredBinding(V, Declares);
        if (Captures) {
          // What each capture holds is in the environment's field types,
          // which the declarations (of the captured values) do not give.
          V.TypeName = "closure captures";
          V.HoldsAs = BS_MUT_UNKNOWN;
        }
      }
    } else if (SP) {
      continue; // With debug info, an alloca without a declare is a temporary.
    } else {
      V.Name = nameWithoutDebugInfo(*AI);
      if (V.Name.empty())
        continue;
      V.IsParameter = AI->getName().ends_with(".addr");
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
