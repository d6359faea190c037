//===- SourceLanguage.cpp - Which language a function was written in ------===//
#include "SourceLanguage.h"
#include "Compat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace borrowscope {

namespace {

std::optional<Language> fromDwarf(unsigned Lang) {
  switch (Lang) {
  case dwarf::DW_LANG_C:
  case dwarf::DW_LANG_C89:
  case dwarf::DW_LANG_C99:
  case dwarf::DW_LANG_C11:
  case dwarf::DW_LANG_C17:
    return Language::C;
  case dwarf::DW_LANG_C_plus_plus:
  case dwarf::DW_LANG_C_plus_plus_03:
  case dwarf::DW_LANG_C_plus_plus_11:
  case dwarf::DW_LANG_C_plus_plus_14:
  case dwarf::DW_LANG_C_plus_plus_17:
  case dwarf::DW_LANG_C_plus_plus_20:
    return Language::Cxx;
  case dwarf::DW_LANG_Rust:
    return Language::Rust;
  default:
    return std::nullopt;
  }
}

} // namespace

Language languageOf(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    if (const DICompileUnit *CU = SP->getUnit())
      if (std::optional<Language> L = fromDwarf(sourceLanguage(CU)))
        return *L;
  if (F.getName().starts_with("_Z"))
    return Language::Cxx;
  if (F.getName().starts_with("_R"))
    return Language::Rust;
  StringRef Ext = sys::path::extension(F.getParent()->getSourceFileName());
  if (Ext == ".c" || Ext == ".i")
    return Language::C;
  if (Ext == ".rs")
    return Language::Rust;
  return Language::Cxx;
}

bool isCLanguage(const Function &F) { return languageOf(F) == Language::C; }
bool isCxx(const Function &F) { return languageOf(F) == Language::Cxx; }
bool isRust(const Function &F) { return languageOf(F) == Language::Rust; }

bool isSystemPath(StringRef P) {
  return P.starts_with("/usr/include/") || P.starts_with("/usr/lib/") ||
         P.starts_with("/usr/local/include/") || P.contains("/include/c++/") ||
         // rustc's standard library (its remapped source path) and the
         // toolchain's copy of it; cargo's registry and git dependencies.
         // Its vendored dependencies (hashbrown) are under /rust/deps/.
         P.starts_with("/rustc/") || P.starts_with("/rust/deps/") ||
         P.contains("/.rustup/toolchains/") ||
         P.contains("/.cargo/registry/") || P.contains("/.cargo/git/");
}

bool isSystemScope(const DIScope *Scope) {
  if (!Scope)
    return false;
  StringRef File = Scope->getFilename();
  if (File.starts_with("/"))
    return isSystemPath(File);
  SmallString<256> Path(Scope->getDirectory());
  sys::path::append(Path, File);
  return isSystemPath(Path);
}

bool isSystemCode(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    return isSystemScope(SP);
  StringRef N = F.getName();
  return N.starts_with("_ZNSt") || N.starts_with("_ZNKSt") ||
         N.starts_with("_ZSt") || N.starts_with("_ZN9__gnu_cxx") ||
         N.starts_with("_ZNK9__gnu_cxx");
}

DebugLoc userCodeLocation(const DebugLoc &Loc) {
  const DILocation *L = Loc.get();
  while (L && L->getInlinedAt() && isSystemScope(L->getScope()->getSubprogram()))
    L = L->getInlinedAt();
  return L ? DebugLoc(L) : Loc;
}

} // namespace borrowscope
