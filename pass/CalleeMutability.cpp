//===- CalleeMutability.cpp - How a callee may use a pointer argument -----===//
//
// Parameter attributes at PipelineStart say nothing about constness, so the
// declared parameter types are read from the two places that keep them:
//   1. the callee's DISubprogram type (callees defined in this module),
//   2. the callee's Itanium-mangled name (any C++ callee).
// IR arguments are mapped to source parameters by skipping `sret`; when the
// counts do not line up (ABI-split aggregates, varargs) the answer is unknown.
//
//===----------------------------------------------------------------------===//
#include "CalleeMutability.h"
#include "Compat.h"
#include "SourceLanguage.h"
#include "TypeNames.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include <cstdlib>
#include <optional>

using namespace llvm;

namespace borrowscope {

namespace {

enum class ParamKind { Unknown, Shared, Mutable, RValue, ByValue };

/// The source-level parameter index of IR argument \p ArgNo, given how many
/// source parameters there are; nullopt when the mapping is ambiguous.
std::optional<unsigned> sourceParamIndex(const CallBase &Call, unsigned ArgNo,
                                         unsigned SourceParams) {
  unsigned Index = 0, Visible = 0;
  std::optional<unsigned> Result;
  for (unsigned I = 0; I < Call.arg_size(); ++I) {
    if (Call.paramHasAttr(I, Attribute::StructRet))
      continue;
    if (I == ArgNo)
      Result = Index;
    ++Index;
    ++Visible;
  }
  if (Visible != SourceParams)
    return std::nullopt;
  return Result;
}

/// True when IR argument \p ArgNo is the first one that is not `sret`.
bool sourceIndexIsFirst(const CallBase &Call, unsigned ArgNo) {
  for (unsigned I = 0; I < Call.arg_size(); ++I)
    if (!Call.paramHasAttr(I, Attribute::StructRet))
      return I == ArgNo;
  return false;
}

ParamKind kindOfDIType(const DIType *T) {
  if (!T)
    return ParamKind::Unknown;
  if (isRValueReference(T))
    return ParamKind::RValue;
  switch (pointeeMutability(T)) {
  case BS_MUT_SHARED:
    return ParamKind::Shared;
  case BS_MUT_MUTABLE:
    return ParamKind::Mutable;
  default:
    return ParamKind::ByValue;
  }
}

/// A Rust callee's parameter behind IR argument \p ArgNo. rustc splits fat
/// pointers and pairs into two IR arguments, so the subroutine type's list
/// does not line up with them; the callee's body says which parameter each
/// argument is: the variable it is spilled into (`store ptr %p, ptr
/// %p.dbg.spill`, the length after it), or declared on directly (a value
/// passed by pointer).
const DIType *rustParamDIType(const CallBase &Call, unsigned ArgNo) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || Callee->isDeclaration() || ArgNo >= Callee->arg_size() ||
      Call.paramHasAttr(ArgNo, Attribute::StructRet))
    return nullptr;
  Argument *A = Callee->getArg(ArgNo);
  for (const DbgVariableRecord *DVR : findDVRDeclares(A))
    if (const DILocalVariable *Var = DVR->getVariable(); Var->getArg())
      return Var->getType();
  for (User *U : A->users()) {
    auto *SI = dyn_cast<StoreInst>(U);
    if (!SI || SI->getValueOperand() != A)
      continue;
    auto *Spill = dyn_cast<AllocaInst>(
        SI->getPointerOperand()->stripInBoundsConstantOffsets());
    if (!Spill)
      continue;
    for (const DbgVariableRecord *DVR : findDVRDeclares(Spill))
      if (const DILocalVariable *Var = DVR->getVariable(); Var->getArg())
        return Var->getType();
  }
  return nullptr;
}

/// Without a body (or debug info): rustc marks `&T` (T without interior
/// mutability) readonly and noalias, `&mut T` noalias alone, at opt-level 1
/// and above.
ParamKind rustKindFromAttributes(const CallBase &Call, unsigned ArgNo) {
  if (!Call.getArgOperand(ArgNo)->getType()->isPointerTy() ||
      !Call.paramHasAttr(ArgNo, Attribute::NoAlias))
    return ParamKind::Unknown;
  return Call.paramHasAttr(ArgNo, Attribute::ReadOnly) ? ParamKind::Shared
                                                       : ParamKind::Mutable;
}

/// The declared type of IR argument \p ArgNo from the callee's debug info:
/// its DISubroutineType lists every source parameter, `this` included (as an
/// artificial pointer to possibly-const T). Null when it does not tell.
const DIType *paramDIType(const CallBase &Call, unsigned ArgNo) {
  const Function *Callee = Call.getCalledFunction();
  if (Callee && isRust(*Callee))
    return rustParamDIType(Call, ArgNo);
  const DISubprogram *SP = Callee ? Callee->getSubprogram() : nullptr;
  // Declarations carry debug info only at -O1 and above (for call-site
  // info); using it would make -O0 and -O2 traces differ.
  if (SP && !SP->isDefinition())
    return nullptr;
  const DISubroutineType *Ty = SP ? SP->getType() : nullptr;
  if (!Ty)
    return nullptr;
  DITypeRefArray Types = Ty->getTypeArray();
  if (Types.size() == 0)
    return nullptr;
  // A trailing null entry marks varargs.
  if (Types.size() > 1 && !Types[Types.size() - 1])
    return nullptr;
  auto Index = sourceParamIndex(Call, ArgNo, Types.size() - 1);
  if (!Index)
    return nullptr;
  return Types[*Index + 1];
}

ParamKind kindFromDebugInfo(const CallBase &Call, unsigned ArgNo) {
  if (const DIType *T = paramDIType(Call, ArgNo))
    return kindOfDIType(T);
  const Function *Callee = Call.getCalledFunction();
  return Callee && isRust(*Callee) ? rustKindFromAttributes(Call, ArgNo)
                                   : ParamKind::Unknown;
}

/// Splits "(int const&, std::map<int, int>&)" at top-level commas.
SmallVector<std::string, 4> splitParameters(StringRef List) {
  SmallVector<std::string, 4> Params;
  List = List.trim();
  if (!List.consume_front("(") || !List.consume_back(")"))
    return Params;
  if (List.trim().empty() || List.trim() == "void")
    return Params;
  int Nesting = 0;
  size_t Start = 0;
  for (size_t I = 0; I <= List.size(); ++I) {
    char C = I < List.size() ? List[I] : ',';
    if (C == '<' || C == '(' || C == '[')
      ++Nesting;
    else if (C == '>' || C == ')' || C == ']')
      --Nesting;
    else if (C == ',' && Nesting == 0) {
      Params.push_back(List.slice(Start, I).trim().str());
      Start = I + 1;
    }
  }
  return Params;
}

ParamKind kindOfDemangledParam(StringRef P) {
  P = P.trim();
  if (P == "...")
    return ParamKind::Unknown;
  if (P.ends_with("&&"))
    return ParamKind::RValue;
  if (P.ends_with("&") || P.ends_with("*")) {
    // The demangler writes cv-qualifiers after the type: "int const*",
    // "char const* const&" (a const reference to a pointer).
    StringRef Pointee = P.drop_back().rtrim();
    return Pointee.ends_with("const") ? ParamKind::Shared : ParamKind::Mutable;
  }
  // Function pointers, arrays, by-value classes.
  if (P.contains("(*)") || P.contains("(&)"))
    return ParamKind::Unknown;
  return ParamKind::ByValue;
}

/// True when the mangled member function is const-qualified: _ZN[r][V]K...
bool isConstMemberFunction(StringRef Mangled) {
  if (!Mangled.consume_front("_ZN"))
    return false;
  Mangled.consume_front("r");
  Mangled.consume_front("V");
  return Mangled.starts_with("K");
}

/// A member function qualified `&&` (`build() &&`): called on an xvalue, it
/// may move out of its object, as a `T&&` parameter may.
bool isRValueMemberFunction(StringRef Mangled) {
  if (!Mangled.consume_front("_ZN"))
    return false;
  Mangled.consume_front("r");
  Mangled.consume_front("V");
  Mangled.consume_front("K");
  return Mangled.starts_with("O");
}

/// The demangled parameter list of the callee, and which entry IR argument
/// \p ArgNo is (nullopt for `this` or when the arguments cannot be counted).
struct DemangledParams {
  SmallVector<std::string, 4> Params;
  std::optional<unsigned> Index;
  bool CountsWithThis = false;
};

std::optional<DemangledParams> demangledParams(const CallBase &Call,
                                               unsigned ArgNo) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || !Callee->getName().starts_with("_Z"))
    return std::nullopt;
  // The demangler keeps pointers into the name: it must outlive the queries.
  std::string Name = Callee->getName().str();
  ItaniumPartialDemangler Demangler;
  if (Demangler.partialDemangle(Name.c_str()) || !Demangler.isFunction())
    return std::nullopt;
  char *Buf = Demangler.getFunctionParameters(nullptr, nullptr);
  if (!Buf)
    return std::nullopt;
  DemangledParams Result;
  Result.Params = splitParameters(Buf);
  std::free(Buf);
  // Member functions get `this` as an extra first argument. Static members
  // mangle the same way, so decide by counting.
  if (auto Index = sourceParamIndex(Call, ArgNo, Result.Params.size())) {
    Result.Index = *Index;
  } else if (auto WithThis =
                 sourceParamIndex(Call, ArgNo, Result.Params.size() + 1)) {
    Result.CountsWithThis = true;
    if (*WithThis > 0)
      Result.Index = *WithThis - 1;
  }
  return Result;
}

/// From the Itanium-mangled name: parameter types are part of it.
ParamKind kindFromMangledName(const CallBase &Call, unsigned ArgNo) {
  std::optional<DemangledParams> P = demangledParams(Call, ArgNo);
  if (!P)
    return ParamKind::Unknown;
  if (P->Index)
    return kindOfDemangledParam(P->Params[*P->Index]);
  // `this` is the first argument (after sret) even when by-value aggregates
  // make the other arguments impossible to count. Constructors, destructors
  // and const member functions are never static, so they do have one.
  bool IsFirst =
      P->CountsWithThis ? true : sourceIndexIsFirst(Call, ArgNo);
  if (!IsFirst)
    return ParamKind::Unknown;
  StringRef Mangled = Call.getCalledFunction()->getName();
  ItaniumPartialDemangler Demangler;
  std::string Name = Mangled.str();
  if (!Demangler.partialDemangle(Name.c_str()) && Demangler.isCtorOrDtor())
    return ParamKind::Mutable;
  if (isRValueMemberFunction(Mangled))
    return ParamKind::RValue;
  if (isConstMemberFunction(Mangled))
    return ParamKind::Shared;
  return P->CountsWithThis ? ParamKind::Mutable : ParamKind::Unknown;
}

/// A demangled type without its outermost `&`, `&&` or `*` and a trailing
/// const: "int* const&" is "int*".
StringRef stripOneIndirection(StringRef P) {
  P = P.trim();
  if (!P.consume_back("&&") && !P.consume_back("&") && !P.consume_back("*"))
    return StringRef();
  P = P.rtrim();
  if (P.consume_back("const"))
    P = P.rtrim();
  return P;
}

/// The type one level of indirection below \p T (a pointer or reference),
/// without typedefs and cv-qualifiers.
const DIType *pointeeOf(const DIType *T) {
  while (const auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag == dwarf::DW_TAG_pointer_type ||
        Tag == dwarf::DW_TAG_reference_type ||
        Tag == dwarf::DW_TAG_rvalue_reference_type)
      return D->getBaseType();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type)
      return nullptr;
    T = D->getBaseType();
  }
  return nullptr;
}

/// The C library's prototypes, which a C module declares without any type
/// the IR keeps: one letter per parameter, `w` written through, `r` only
/// read, `.` not a pointer; a last `*` repeats the letter before it for the
/// variadic arguments. (A sanitizer's interceptors know them the same way.)
ParamKind kindFromCLibrary(const CallBase &Call, unsigned ArgNo) {
  static const StringMap<StringRef> Prototypes = {
      {"memcpy", "wr."},     {"memmove", "wr."},    {"memset", "w.."},
      {"memcmp", "rr."},     {"memchr", "r.."},     {"strcpy", "wr"},
      {"strncpy", "wr."},    {"strcat", "wr"},      {"strncat", "wr."},
      {"strlen", "r"},       {"strnlen", "r."},     {"strcmp", "rr"},
      {"strncmp", "rr."},    {"strchr", "r."},      {"strrchr", "r."},
      {"strstr", "rr"},      {"strdup", "r"},       {"strndup", "r."},
      {"strtol", "r.."},     {"strtoul", "r.."},    {"strtod", "r."},
      {"atoi", "r"},         {"atol", "r"},         {"atof", "r"},
      {"qsort", "w...."},    {"bsearch", "rr..."},  {"sprintf", "wrr*"},
      {"snprintf", "w.rr*"}, {"printf", "rr*"},     {"fprintf", ".rr*"},
      {"puts", "r"},         {"fputs", "r."},       {"fgets", "w.."},
      {"fread", "w..."},     {"fwrite", "r..."},    {"read", ".w."},
      {"write", ".r."},      {"bzero", "w."},       {"free", "."},
  };
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || !Callee->isDeclaration())
    return ParamKind::Unknown;
  auto It = Prototypes.find(Callee->getName());
  if (It == Prototypes.end())
    return ParamKind::Unknown;
  StringRef P = It->second;
  char C = '.';
  if (ArgNo < P.size() && P[ArgNo] != '*')
    C = P[ArgNo];
  else if (P.ends_with("*") && P.size() >= 2)
    C = P[P.size() - 2];
  return C == 'w'   ? ParamKind::Mutable
         : C == 'r' ? ParamKind::Shared
                    : ParamKind::Unknown;
}

ParamKind parameterKind(const CallBase &Call, unsigned ArgNo) {
  // The callee receives a copy: it can only read the original.
  if (Call.isByValArgument(ArgNo))
    return ParamKind::Shared;
  // `this` of a `&&`-qualified member: the debug info's `this` is a plain
  // pointer, the name says it.
  if (const Function *Callee = Call.getCalledFunction();
      Callee && isRValueMemberFunction(Callee->getName()) &&
      sourceIndexIsFirst(Call, ArgNo))
    return ParamKind::RValue;
  ParamKind Kind = kindFromDebugInfo(Call, ArgNo);
  if (Kind == ParamKind::Unknown)
    Kind = kindFromMangledName(Call, ArgNo);
  if (Kind == ParamKind::Unknown)
    Kind = kindFromCLibrary(Call, ArgNo);
  return Kind;
}

} // namespace

bs_mutability argumentMutability(const CallBase &Call, unsigned ArgNo) {
  switch (parameterKind(Call, ArgNo)) {
  case ParamKind::Shared:
    return BS_MUT_SHARED;
  case ParamKind::Mutable:
  case ParamKind::RValue:
    return BS_MUT_MUTABLE;
  default:
    return BS_MUT_UNKNOWN;
  }
}

bs_mutability heldMutability(const CallBase &Call, unsigned ArgNo,
                             uint64_t Offset) {
  if (const DIType *Held = pointeeOf(paramDIType(Call, ArgNo))) {
    bs_mutability M = pointeeMutability(Held);
    if (M != BS_MUT_UNKNOWN || Offset == ~uint64_t(0))
      return M;
    std::string Member;
    return pointeeMutability(memberTypeAt(Held, Offset, Member));
  }
  std::optional<DemangledParams> P = demangledParams(Call, ArgNo);
  if (!P || !P->Index)
    return BS_MUT_UNKNOWN;
  switch (kindOfDemangledParam(stripOneIndirection(P->Params[*P->Index]))) {
  case ParamKind::Shared:
    return BS_MUT_SHARED;
  case ParamKind::Mutable:
    return BS_MUT_MUTABLE;
  default:
    return BS_MUT_UNKNOWN;
  }
}

bool isRValueArgument(const CallBase &Call, unsigned ArgNo) {
  return parameterKind(Call, ArgNo) == ParamKind::RValue;
}

} // namespace borrowscope
