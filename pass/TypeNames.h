//===- TypeNames.h - Readable names and constness of debug-info types -----===//
#ifndef BORROWSCOPE_TYPENAMES_H
#define BORROWSCOPE_TYPENAMES_H

#include "borrowscope/abi.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include <string>

namespace borrowscope {

/// A C/C++ spelling of \p T as a programmer would write it: "int",
/// "const char *", "std::string", "struct point" (C), "int[4]".
std::string typeName(const llvm::DIType *T, bool IsC);

/// For a pointer or reference type: shared when the pointee is const, mutable
/// otherwise. Unknown for anything else (including a missing type).
bs_mutability pointeeMutability(const llvm::DIType *T);

/// True when \p T is const-qualified at its outermost level (after typedefs).
bool isConstQualified(const llvm::DIType *T);

/// The type of the member of \p T (a struct, class or lambda closure) at
/// \p OffsetBytes, looking into nested members; its name in \p Name
/// ("inner.ptr"). Null when no member starts there.
const llvm::DIType *memberTypeAt(const llvm::DIType *T, uint64_t OffsetBytes,
                                 std::string &Name);

/// True for T& and T&& (after typedefs and cv-qualifiers).
bool isReference(const llvm::DIType *T);

/// True for T&& (after typedefs).
bool isRValueReference(const llvm::DIType *T);

/// True when \p T (after typedefs and cv-qualifiers) is a pointer or
/// reference: a variable of this type can hold a borrow.
bool isPointerLike(const llvm::DIType *T);

/// The scope-qualified name of \p Scope for display, without inline
/// namespaces: "std::vector<int>" for a class, "ns::f" for a function.
std::string qualifiedScopeName(const llvm::DIScope *Scope);

} // namespace borrowscope

#endif // BORROWSCOPE_TYPENAMES_H
