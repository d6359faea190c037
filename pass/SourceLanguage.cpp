//===- SourceLanguage.cpp - Which language a function was written in ------===//
#include "SourceLanguage.h"
#include "Compat.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace borrowscope {

bool isCLanguage(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    if (const DICompileUnit *CU = SP->getUnit()) {
      unsigned Lang = sourceLanguage(CU);
      return Lang == dwarf::DW_LANG_C || Lang == dwarf::DW_LANG_C89 ||
             Lang == dwarf::DW_LANG_C99 || Lang == dwarf::DW_LANG_C11 ||
             Lang == dwarf::DW_LANG_C17;
    }
  StringRef Ext = sys::path::extension(F.getParent()->getSourceFileName());
  return Ext == ".c" || Ext == ".i";
}

bool isCxx(const Function &F) {
  if (F.getName().starts_with("_Z"))
    return true;
  if (const DISubprogram *SP = F.getSubprogram())
    if (const DICompileUnit *CU = SP->getUnit()) {
      unsigned Lang = sourceLanguage(CU);
      return Lang == dwarf::DW_LANG_C_plus_plus ||
             Lang == dwarf::DW_LANG_C_plus_plus_03 ||
             Lang == dwarf::DW_LANG_C_plus_plus_11 ||
             Lang == dwarf::DW_LANG_C_plus_plus_14;
    }
  return !isCLanguage(F);
}

} // namespace borrowscope
