//===- SourceLanguage.h - Which language a function was written in, and whose code it is ===//
#ifndef BORROWSCOPE_SOURCELANGUAGE_H
#define BORROWSCOPE_SOURCELANGUAGE_H

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/Function.h"

namespace borrowscope {

enum class Language { C, Cxx, Rust };

/// By the compile unit's DWARF language; without debug info by the mangled
/// name (_Z: C++, _R: Rust) or the file's extension.
Language languageOf(const llvm::Function &F);

/// C, by the compile unit's DWARF language (else the file's extension).
bool isCLanguage(const llvm::Function &F);
/// C++, by a mangled name or the compile unit's language.
bool isCxx(const llvm::Function &F);
/// Rust, by the compile unit's language or a v0-mangled name.
bool isRust(const llvm::Function &F);

/// A file the user did not write: a system header, the Rust standard
/// library (/rustc/<hash>/library/...) or a cargo dependency.
bool isSystemPath(llvm::StringRef Path);
/// The file of \p Scope (a subprogram, block or variable scope), joined with
/// its directory, is a system path.
bool isSystemScope(const llvm::DIScope *Scope);
/// Code the user did not write: by its subprogram's file, or (without debug
/// info) the C++ standard library's namespaces by mangled name.
bool isSystemCode(const llvm::Function &F);

/// \p Loc, or, inside code inlined from a system path (the standard
/// library's Vec::push inlined into the user's function at -O2), the call
/// in the user's code it was inlined into.
llvm::DebugLoc userCodeLocation(const llvm::DebugLoc &Loc);

} // namespace borrowscope

#endif // BORROWSCOPE_SOURCELANGUAGE_H
