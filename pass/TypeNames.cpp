//===- TypeNames.cpp - Readable names and constness of debug-info types ---===//
//
// Debug info is the only place the IR keeps a variable's declared type:
// `int &r = x`, `const int &r = x` and `int *p = &x` are the same store of a
// pointer. The DIType chain (reference -> const -> int) tells them apart.
//
//===----------------------------------------------------------------------===//
#include "TypeNames.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include <cstring>
#include <optional>

using namespace llvm;

namespace borrowscope {

namespace {

// Type chains can be cyclic in malformed input; stop rather than recurse.
constexpr unsigned MaxDepth = 24;

/// Skips typedefs and cv-qualifiers (and atomic) at the outermost level.
const DIType *stripSugar(const DIType *T) {
  for (unsigned Depth = 0; T && Depth < MaxDepth; ++Depth) {
    const auto *D = dyn_cast<DIDerivedType>(T);
    if (!D)
      return T;
    switch (D->getTag()) {
    case dwarf::DW_TAG_typedef:
    case dwarf::DW_TAG_const_type:
    case dwarf::DW_TAG_volatile_type:
    case dwarf::DW_TAG_restrict_type:
    case dwarf::DW_TAG_atomic_type:
      T = D->getBaseType();
      continue;
    default:
      return T;
    }
  }
  return T;
}

/// Skips typedefs only: `typedef const char *cstr` keeps its const pointee.
const DIType *stripTypedefs(const DIType *T) {
  for (unsigned Depth = 0; T && Depth < MaxDepth; ++Depth) {
    const auto *D = dyn_cast<DIDerivedType>(T);
    if (!D || D->getTag() != dwarf::DW_TAG_typedef)
      return T;
    T = D->getBaseType();
  }
  return T;
}

bool isPointerTag(unsigned Tag) {
  return Tag == dwarf::DW_TAG_pointer_type ||
         Tag == dwarf::DW_TAG_reference_type ||
         Tag == dwarf::DW_TAG_rvalue_reference_type;
}

std::string name(const DIType *T, bool IsC, unsigned Depth);

std::string subroutineName(const DISubroutineType *S, StringRef Declarator,
                           bool IsC, unsigned Depth) {
  DITypeRefArray Types = S->getTypeArray();
  std::string Ret = Types.size() > 0 ? name(Types[0], IsC, Depth + 1) : "void";
  std::string Args;
  for (unsigned I = 1; I < Types.size(); ++I) {
    if (I > 1)
      Args += ", ";
    Args += Types[I] ? name(Types[I], IsC, Depth + 1) : "...";
  }
  return Ret + " (" + Declarator.str() + ")(" + Args + ")";
}

std::string compositeName(const DICompositeType *C, bool IsC, unsigned Depth) {
  if (C->getTag() == dwarf::DW_TAG_array_type) {
    std::string Result = name(C->getBaseType(), IsC, Depth + 1);
    for (const DINode *E : C->getElements()) {
      const auto *SR = dyn_cast_or_null<DISubrange>(E);
      auto *Count =
          SR ? dyn_cast_if_present<ConstantInt *>(SR->getCount()) : nullptr;
      Result += Count ? "[" + utostr(Count->getZExtValue()) + "]" : "[]";
    }
    return Result;
  }
  std::string Qualified = qualifiedScopeName(C);
  if (C->getName().empty())
    Qualified = C->getTag() == dwarf::DW_TAG_union_type ? "(anonymous union)"
                : C->getTag() == dwarf::DW_TAG_enumeration_type
                    ? "(anonymous enum)"
                    : "(anonymous struct)";
  if (!IsC)
    return Qualified;
  switch (C->getTag()) {
  case dwarf::DW_TAG_structure_type:
    return "struct " + Qualified;
  case dwarf::DW_TAG_union_type:
    return "union " + Qualified;
  case dwarf::DW_TAG_enumeration_type:
    return "enum " + Qualified;
  default:
    return Qualified;
  }
}

std::string name(const DIType *T, bool IsC, unsigned Depth) {
  if (!T)
    return "void";
  if (Depth > MaxDepth)
    return "...";
  if (const auto *C = dyn_cast<DICompositeType>(T))
    return compositeName(C, IsC, Depth);
  if (const auto *S = dyn_cast<DISubroutineType>(T))
    return subroutineName(S, "", IsC, Depth);
  const auto *D = dyn_cast<DIDerivedType>(T);
  if (!D)
    return T->getName().empty() ? "?" : T->getName().str();

  const DIType *Base = D->getBaseType();
  switch (D->getTag()) {
  case dwarf::DW_TAG_typedef:
    return qualifiedScopeName(D);
  case dwarf::DW_TAG_const_type:
  case dwarf::DW_TAG_volatile_type: {
    StringRef Qual = D->getTag() == dwarf::DW_TAG_const_type ? "const"
                                                              : "volatile";
    // `int *const` is written after the declarator; `const int` before.
    const DIType *Stripped = stripTypedefs(Base);
    const auto *BD = dyn_cast_or_null<DIDerivedType>(Stripped);
    if (BD && isPointerTag(BD->getTag()) && Stripped == Base)
      return name(Base, IsC, Depth + 1) + " " + Qual.str();
    return Qual.str() + " " + name(Base, IsC, Depth + 1);
  }
  case dwarf::DW_TAG_restrict_type:
    return name(Base, IsC, Depth + 1) + " restrict";
  case dwarf::DW_TAG_atomic_type:
    return "_Atomic(" + name(Base, IsC, Depth + 1) + ")";
  case dwarf::DW_TAG_pointer_type:
  case dwarf::DW_TAG_reference_type:
  case dwarf::DW_TAG_rvalue_reference_type: {
    StringRef Sigil = D->getTag() == dwarf::DW_TAG_pointer_type     ? "*"
                      : D->getTag() == dwarf::DW_TAG_reference_type ? "&"
                                                                    : "&&";
    if (const auto *S = dyn_cast_or_null<DISubroutineType>(Base))
      return subroutineName(S, Sigil, IsC, Depth);
    return name(Base, IsC, Depth + 1) + " " + Sigil.str();
  }
  case dwarf::DW_TAG_ptr_to_member_type: {
    std::string Class = "?";
    if (const auto *CT = dyn_cast_or_null<DIType>(D->getClassType()))
      Class = name(CT, IsC, Depth + 1);
    return name(Base, IsC, Depth + 1) + " " + Class + "::*";
  }
  default:
    return D->getName().empty() ? name(Base, IsC, Depth + 1)
                                : D->getName().str();
  }
}

/// Each path in \p Name cut to its last segment, and the default allocator
/// argument left out: "alloc::vec::Vec<a::Point, alloc::alloc::Global>"
/// becomes "Vec<Point>", "&mut a::Point" "&mut Point".
std::string shortenRustPaths(StringRef Name) {
  std::string Out;
  size_t I = 0;
  while (I < Name.size()) {
    size_t J = I;
    while (J < Name.size() && (isAlnum(Name[J]) || Name[J] == '_'))
      ++J;
    if (J > I && Name.substr(J).starts_with("::")) {
      I = J + 2; // a path segment that is not the last
      continue;
    }
    if (J == I)
      ++J;
    Out.append(Name.data() + I, J - I);
    I = J;
  }
  for (size_t At; (At = Out.find(", Global>")) != std::string::npos;)
    Out.erase(At, strlen(", Global"));
  return Out;
}

std::string rustName(const DIType *T, unsigned Depth) {
  if (!T)
    return "()";
  if (Depth > MaxDepth)
    return "...";
  if (const auto *C = dyn_cast<DICompositeType>(T)) {
    if (C->getTag() == dwarf::DW_TAG_array_type) {
      std::string Result = rustName(C->getBaseType(), Depth + 1);
      for (const DINode *E : C->getElements()) {
        const auto *SR = dyn_cast_or_null<DISubrange>(E);
        auto *Count =
            SR ? dyn_cast_if_present<ConstantInt *>(SR->getCount()) : nullptr;
        Result = "[" + Result +
                 (Count ? "; " + utostr(Count->getZExtValue()) : "") + "]";
      }
      return Result;
    }
    // Fat pointers are structs named as their type ("&str", "&mut [u8]").
    StringRef N = C->getName();
    if (N.starts_with("&") || N.starts_with("*"))
      return shortenRustPaths(N);
    return N.empty() ? "(anonymous)" : shortenRustPaths(N);
  }
  if (const auto *S = dyn_cast<DISubroutineType>(T)) {
    DITypeRefArray Types = S->getTypeArray();
    std::string Args;
    for (unsigned I = 1; I < Types.size(); ++I)
      Args += (I > 1 ? ", " : "") + rustName(Types[I], Depth + 1);
    std::string Ret = Types.size() > 0 && Types[0]
                          ? " -> " + rustName(Types[0], Depth + 1)
                          : "";
    return "fn(" + Args + ")" + Ret;
  }
  // rustc names its pointer and reference types ("&mut a::Point",
  // "*const u8") and never qualifies them with const.
  if (!T->getName().empty())
    return shortenRustPaths(T->getName());
  if (const auto *D = dyn_cast<DIDerivedType>(T))
    return (isPointerTag(D->getTag()) ? "*" : "") +
           rustName(D->getBaseType(), Depth + 1);
  return "?";
}

/// A Rust pointer's kind from its name: `&mut T`, `&T`, `*mut T`,
/// `*const T`; nullopt for a name that is none of these.
std::optional<bs_mutability> rustPointerMutability(StringRef N) {
  if (N.starts_with("&mut ") || N.starts_with("*mut "))
    return BS_MUT_MUTABLE;
  if (N.starts_with("&") || N.starts_with("*const "))
    return BS_MUT_SHARED;
  return std::nullopt;
}

/// A struct rustc names as a pointer: `&str`, `&mut [T]`, `*const [u8]`,
/// `&dyn Trait` (a data pointer and a length or vtable).
bool isRustFatPointer(const DIType *T) {
  const auto *C = dyn_cast_or_null<DICompositeType>(T);
  return C && C->getTag() == dwarf::DW_TAG_structure_type &&
         rustPointerMutability(C->getName()).has_value();
}

} // namespace

std::string qualifiedScopeName(const DIScope *Scope) {
  std::string Result;
  for (unsigned Depth = 0; Scope && Depth < MaxDepth; ++Depth) {
    StringRef Part = Scope->getName();
    if (const auto *NS = dyn_cast<DINamespace>(Scope)) {
      // Inline namespaces (std::__cxx11) are noise for the reader.
      if (NS->getExportSymbols())
        Part = "";
      else if (Part.empty())
        Part = "(anonymous namespace)";
    } else if (isa<DIFile>(Scope) || isa<DICompileUnit>(Scope) ||
               isa<DILexicalBlockBase>(Scope)) {
      Part = "";
    }
    if (!Part.empty())
      Result = Result.empty() ? Part.str() : Part.str() + "::" + Result;
    Scope = Scope->getScope();
  }
  return Result;
}

std::string typeName(const DIType *T, Language Lang) {
  return Lang == Language::Rust ? rustName(T, 0)
                                : name(T, Lang == Language::C, 0);
}

bs_mutability pointeeMutability(const DIType *T) {
  T = stripSugar(T);
  if (isRustFatPointer(T))
    return *rustPointerMutability(T->getName());
  const auto *D = dyn_cast_or_null<DIDerivedType>(T);
  if (!D || !isPointerTag(D->getTag()))
    return BS_MUT_UNKNOWN;
  // C and C++ leave pointer types unnamed; Rust names them.
  if (std::optional<bs_mutability> M = rustPointerMutability(D->getName()))
    return *M;
  const DIType *Pointee = stripTypedefs(D->getBaseType());
  // A volatile const int is still const.
  for (unsigned Depth = 0; Depth < MaxDepth; ++Depth) {
    const auto *Q = dyn_cast_or_null<DIDerivedType>(Pointee);
    if (!Q)
      break;
    if (Q->getTag() == dwarf::DW_TAG_const_type)
      return BS_MUT_SHARED;
    if (Q->getTag() != dwarf::DW_TAG_volatile_type &&
        Q->getTag() != dwarf::DW_TAG_restrict_type &&
        Q->getTag() != dwarf::DW_TAG_typedef)
      break;
    Pointee = Q->getBaseType();
  }
  return BS_MUT_MUTABLE;
}

bool isConstQualified(const DIType *T) {
  for (unsigned Depth = 0; T && Depth < MaxDepth; ++Depth) {
    const auto *D = dyn_cast<DIDerivedType>(T);
    if (!D)
      return false;
    if (D->getTag() == dwarf::DW_TAG_const_type)
      return true;
    if (D->getTag() != dwarf::DW_TAG_typedef &&
        D->getTag() != dwarf::DW_TAG_volatile_type)
      return false;
    T = D->getBaseType();
  }
  return false;
}

const DIType *memberTypeAt(const DIType *T, uint64_t OffsetBytes,
                           std::string &Name) {
  for (unsigned Depth = 0; Depth < MaxDepth; ++Depth) {
    const auto *C = dyn_cast_or_null<DICompositeType>(stripSugar(T));
    if (!C || C->getTag() == dwarf::DW_TAG_array_type)
      return nullptr;
    const DIDerivedType *Found = nullptr;
    for (const DINode *E : C->getElements()) {
      const auto *M = dyn_cast_or_null<DIDerivedType>(E);
      if (!M || (M->getTag() != dwarf::DW_TAG_member &&
                 M->getTag() != dwarf::DW_TAG_inheritance) ||
          M->isStaticMember())
        continue;
      uint64_t Start = M->getOffsetInBits() / 8;
      uint64_t Size = M->getSizeInBits() / 8;
      if (OffsetBytes >= Start && (OffsetBytes < Start + Size || Size == 0))
        Found = M;
    }
    if (!Found)
      return nullptr;
    if (Found->getTag() == dwarf::DW_TAG_member && !Found->getName().empty())
      Name += (Name.empty() ? "" : ".") + Found->getName().str();
    OffsetBytes -= Found->getOffsetInBits() / 8;
    const DIType *MemberType = Found->getBaseType();
    if (OffsetBytes == 0 && isa_and_nonnull<DIDerivedType>(stripSugar(MemberType)))
      return MemberType; // a pointer or reference member: the holder
    T = MemberType;
  }
  return nullptr;
}

bool isReference(const DIType *T) {
  const auto *D = dyn_cast_or_null<DIDerivedType>(stripSugar(T));
  return D && (D->getTag() == dwarf::DW_TAG_reference_type ||
               D->getTag() == dwarf::DW_TAG_rvalue_reference_type);
}

bool isRValueReference(const DIType *T) {
  const auto *D = dyn_cast_or_null<DIDerivedType>(stripSugar(T));
  return D && D->getTag() == dwarf::DW_TAG_rvalue_reference_type;
}

bool isPointerLike(const DIType *T) {
  T = stripSugar(T);
  if (isRustFatPointer(T))
    return true;
  const auto *D = dyn_cast_or_null<DIDerivedType>(T);
  return D && isPointerTag(D->getTag());
}

bool isRustRawPointer(const DIType *T) {
  T = stripSugar(T);
  return T && (isRustFatPointer(T) || isa<DIDerivedType>(T)) &&
         T->getName().starts_with("*");
}

} // namespace borrowscope
