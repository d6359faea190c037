//===- SourceLanguage.h - Which language a function was written in --------===//
#ifndef BORROWSCOPE_SOURCELANGUAGE_H
#define BORROWSCOPE_SOURCELANGUAGE_H

#include "llvm/IR/Function.h"

namespace borrowscope {

/// C, by the compile unit's DWARF language (else the file's extension).
bool isCLanguage(const llvm::Function &F);
/// C++, by a mangled name or the compile unit's language.
bool isCxx(const llvm::Function &F);

} // namespace borrowscope

#endif // BORROWSCOPE_SOURCELANGUAGE_H
