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
#include "TypeNames.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
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

/// From the callee's debug info: its DISubroutineType lists every source
/// parameter, `this` included (as an artificial pointer to possibly-const T).
ParamKind kindFromDebugInfo(const CallBase &Call, unsigned ArgNo) {
  const Function *Callee = Call.getCalledFunction();
  const DISubprogram *SP = Callee ? Callee->getSubprogram() : nullptr;
  // Declarations carry debug info only at -O1 and above (for call-site
  // info); using it would make -O0 and -O2 traces differ.
  if (SP && !SP->isDefinition())
    return ParamKind::Unknown;
  const DISubroutineType *Ty = SP ? SP->getType() : nullptr;
  if (!Ty)
    return ParamKind::Unknown;
  DITypeRefArray Types = Ty->getTypeArray();
  if (Types.size() == 0)
    return ParamKind::Unknown;
  // A trailing null entry marks varargs.
  if (Types.size() > 1 && !Types[Types.size() - 1])
    return ParamKind::Unknown;
  auto Index = sourceParamIndex(Call, ArgNo, Types.size() - 1);
  if (!Index)
    return ParamKind::Unknown;
  return kindOfDIType(Types[*Index + 1]);
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

/// From the Itanium-mangled name: parameter types are part of it.
ParamKind kindFromMangledName(const CallBase &Call, unsigned ArgNo) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || !Callee->getName().starts_with("_Z"))
    return ParamKind::Unknown;
  StringRef Mangled = Callee->getName();
  // The demangler keeps pointers into the name: it must outlive the queries.
  std::string Name = Mangled.str();
  ItaniumPartialDemangler Demangler;
  if (Demangler.partialDemangle(Name.c_str()) || !Demangler.isFunction())
    return ParamKind::Unknown;
  char *Buf = Demangler.getFunctionParameters(nullptr, nullptr);
  if (!Buf)
    return ParamKind::Unknown;
  SmallVector<std::string, 4> Params = splitParameters(Buf);
  std::free(Buf);

  // Member functions get `this` as an extra first argument. Static members
  // mangle the same way, so decide by counting.
  auto Index = sourceParamIndex(Call, ArgNo, Params.size());
  if (Index)
    return kindOfDemangledParam(Params[*Index]);
  auto WithThis = sourceParamIndex(Call, ArgNo, Params.size() + 1);
  if (WithThis && *WithThis > 0)
    return kindOfDemangledParam(Params[*WithThis - 1]);
  // `this` is the first argument (after sret) even when by-value aggregates
  // make the other arguments impossible to count. Constructors, destructors
  // and const member functions are never static, so they do have one.
  bool IsFirst = WithThis ? *WithThis == 0 : sourceIndexIsFirst(Call, ArgNo);
  if (!IsFirst)
    return ParamKind::Unknown;
  if (Demangler.isCtorOrDtor())
    return ParamKind::Mutable;
  if (isConstMemberFunction(Mangled))
    return ParamKind::Shared;
  return WithThis ? ParamKind::Mutable : ParamKind::Unknown;
}

ParamKind parameterKind(const CallBase &Call, unsigned ArgNo) {
  // The callee receives a copy: it can only read the original.
  if (Call.isByValArgument(ArgNo))
    return ParamKind::Shared;
  ParamKind Kind = kindFromDebugInfo(Call, ArgNo);
  if (Kind == ParamKind::Unknown)
    Kind = kindFromMangledName(Call, ArgNo);
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

bool isRValueArgument(const CallBase &Call, unsigned ArgNo) {
  return parameterKind(Call, ArgNo) == ParamKind::RValue;
}

} // namespace borrowscope
