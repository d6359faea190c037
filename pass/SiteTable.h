//===- SiteTable.h - The per-module table of instrumentation sites --------===//
#ifndef BORROWSCOPE_SITETABLE_H
#define BORROWSCOPE_SITETABLE_H

#include "borrowscope/abi.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include <string>
#include <vector>

namespace borrowscope {

/// The static facts of one instrumentation point (see struct bs_site).
struct SiteInfo {
  bs_site_kind Kind = BS_SITE_NEW;
  bs_mutability Mutability = BS_MUT_UNKNOWN;
  bs_borrower_kind BorrowerKind = BS_BORROWER_NONE;
  uint32_t Flags = 0; ///< BS_SITE_FLAG_*
  unsigned Line = 0;
  unsigned Column = 0;
  uint32_t Size = 0;
  uint32_t Decl = ~0u;      ///< index of the variable's (holder's) New site
  uint32_t Call = ~0u;      ///< index of the first borrow site of the call
  uint32_t OwnerDecl = ~0u; ///< index of the owner's New site
  std::string File;
  std::string Function;
  std::string Name;
  std::string TypeName;
  std::string Owner;
  std::string Through;
};

/// Collects the sites of a module and emits them as one constant table, like
/// SanitizerCoverage's per-module arrays: events carry only a site number.
/// A constructor registers the table with the runtime, which assigns the
/// module a base; an event's site number is that base plus the site's index.
class SiteTable {
public:
  explicit SiteTable(llvm::Module &M);

  /// Adds a site; returns its index in this module's table.
  uint32_t add(SiteInfo Site);
  /// The index the next site added will have.
  uint32_t next() const { return uint32_t(Sites.size()); }

  /// Emits the process-wide number of site \p Index (base + index).
  llvm::Value *emitSiteNumber(llvm::IRBuilderBase &B, uint32_t Index);

  /// Emits the table, the module descriptor, and the constructor/destructor
  /// that (un)register it; \p Untraced of \p Total source variables were
  /// left out.
  void finalize(unsigned Untraced, unsigned Total);

private:
  llvm::Constant *string(const std::string &S);

  llvm::Module &M;
  llvm::GlobalVariable *Base;
  std::vector<SiteInfo> Sites;
  llvm::StringMap<llvm::Constant *> Strings;
};

} // namespace borrowscope

#endif // BORROWSCOPE_SITETABLE_H
