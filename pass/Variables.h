//===- Variables.h - Which allocas are source variables -------------------===//
#ifndef BORROWSCOPE_VARIABLES_H
#define BORROWSCOPE_VARIABLES_H

#include "SourceLanguage.h"
#include "borrowscope/abi.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include <string>
#include <vector>

namespace borrowscope {

/// Where a variable's instances begin and end.
enum class LifetimeMode {
  /// llvm.lifetime.start/end mark each instance (-O1 and above, or -O0 with
  /// -fsanitize-address-use-after-scope): New after each start, Drop before
  /// each end. Covers loop bodies: one instance per iteration.
  Markers,
  /// A static alloca without markers: one instance per call, from the end of
  /// the entry block's alloca prefix to each function exit.
  Entry,
  /// A dynamic alloca (C VLA): an instance from the alloca to the next
  /// execution of it or a function exit.
  Dynamic,
};

/// A stack variable the pass instruments.
struct TrackedVariable {
  llvm::AllocaInst *Alloca = nullptr;
  std::string Name;
  std::string TypeName;
  const llvm::DIType *Type = nullptr; ///< Null without debug info.
  /// What holding an address in this variable means: shared for `const T*`
  /// and `const T&`, mutable for `T*` and `T&`, unknown otherwise.
  bs_mutability HoldsAs = BS_MUT_UNKNOWN;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  LifetimeMode Mode = LifetimeMode::Entry;
  /// A function parameter (spilled to its alloca on entry).
  bool IsParameter = false;
  /// The debug scope it is declared in (null without debug info).
  const llvm::DILocalScope *Scope = nullptr;
  /// Starts and Ends were made from its debug scope (RustScopes.h), not
  /// emitted by the compiler: they go once the function is instrumented.
  bool MadeMarkers = false;
  llvm::SmallVector<llvm::IntrinsicInst *, 2> Starts;
  llvm::SmallVector<llvm::IntrinsicInst *, 2> Ends;
};

/// The source variables of \p F, in declaration (alloca) order. With debug
/// info these are the allocas with a debug declaration that is not
/// artificial (a structured binding `auto &[a, b]` is one variable "[a, b]");
/// without, the named allocas whose names are source identifiers (clang's
/// temporaries have dotted or reserved names).
/// In Rust, an alloca may carry several declarations: its own variable's and
/// those of callees inlined into it (at -O2, the standard library's); the
/// variable is the one declared by \p F's own code, and an alloca declared
/// only by the standard library's inlined code is not a source variable.
std::vector<TrackedVariable> findVariables(llvm::Function &F, Language Lang);

} // namespace borrowscope

#endif // BORROWSCOPE_VARIABLES_H
