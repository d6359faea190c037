//===- TypeNames.h - Readable names and constness of debug-info types -----===//
#ifndef BORROWSCOPE_TYPENAMES_H
#define BORROWSCOPE_TYPENAMES_H

#include "SourceLanguage.h"
#include "borrowscope/abi.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include <string>

namespace borrowscope {

/// A spelling of \p T as a programmer of \p Lang would write it: "int",
/// "const char *", "std::string", "struct point" (C), "int[4]"; in Rust
/// "&mut Point", "&str", "Vec<i64>", "[u8; 4]" (paths shortened to their
/// last segment, the default allocator left out).
std::string typeName(const llvm::DIType *T, Language Lang);

/// For a pointer or reference type: shared when the pointee is const, mutable
/// otherwise. Rust's spell theirs in the type's name: `&T` and `*const T`
/// are shared, `&mut T` and `*mut T` mutable, also for fat pointers (`&str`,
/// `&mut [u8]`, `&dyn Trait`: structs named so). Unknown for anything else
/// (including a missing type).
bs_mutability pointeeMutability(const llvm::DIType *T);

/// A Rust raw pointer (`*const T`, `*mut T`), thin or fat.
bool isRustRawPointer(const llvm::DIType *T);

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
/// reference (or a Rust fat pointer): a variable of this type can hold a
/// borrow.
bool isPointerLike(const llvm::DIType *T);

/// The scope-qualified name of \p Scope for display, without inline
/// namespaces: "std::vector<int>" for a class, "ns::f" for a function.
std::string qualifiedScopeName(const llvm::DIScope *Scope);

} // namespace borrowscope

#endif // BORROWSCOPE_TYPENAMES_H
