//===- Compat.h - LLVM version differences, in one place ------------------===//
//
// Everything that differs between the LLVM versions BorrowScope builds against
// (19 by default, and 22) goes through this header: no other file tests
// LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//
#ifndef BORROWSCOPE_COMPAT_H
#define BORROWSCOPE_COMPAT_H

#include "llvm-c/Core.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

// LLVM 22 moved the plugin interface to its own library (LLVMPlugins); its
// PassPluginLibraryInfo gained PreCodeGenCallback and LLVM_PLUGIN_API_VERSION
// became 2. Plugin.cpp's aggregate initializer of the first four fields
// compiles against both.
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

// LLVMGetVersion (C API, LLVM 16 and later; exported by Debian's libLLVM 19
// and 22 and by rustc's libLLVM) resolves to the host's LLVM, since the plugin
// does not link libLLVM. Weak: a host without it loads the plugin all the same
// (address null) instead of failing on an undefined symbol.
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch) __attribute__((weak));

namespace borrowscope {

/// The version of the LLVM the plugin runs in (the host: clang, opt, rustc),
/// asked through the C API, which unlike the C++ API is the same in every
/// LLVM. All zero when the host does not say (no LLVMGetVersion).
struct HostLLVMVersion {
  unsigned Major = 0, Minor = 0, Patch = 0;
};
inline HostLLVMVersion hostLLVMVersion() {
  HostLLVMVersion V;
  if (&LLVMGetVersion)
    LLVMGetVersion(&V.Major, &V.Minor, &V.Patch);
  return V;
}

/// False when the host's LLVM major differs from the one the plugin was
/// compiled against: then not one C++ LLVM API may be touched (classes,
/// vtables and the command-line registry differ; the first cl::opt
/// constructor already crashes). C++ ABI compatibility holds within a major
/// (a plugin built with 22.1.8 headers runs in rustc's 22.1.2). A host that
/// does not tell its version is trusted, as before this check.
inline bool hostLLVMMatches() {
  unsigned Major = hostLLVMVersion().Major;
  return Major == 0 || Major == LLVM_VERSION_MAJOR;
}

/// A source variable's debug declaration, whichever form the IR uses.
struct DeclareInfo {
  const llvm::DILocalVariable *Var = nullptr;
  llvm::DebugLoc Loc;
  const llvm::DIExpression *Expression = nullptr;
};

/// The source variable of \p AI from its debug info, whichever form the IR
/// uses: a #dbg_declare record (the default since LLVM 19), a
/// llvm.dbg.declare call (older IR), or, at -O1 and above where clang's
/// assignment tracking has already replaced declares when PipelineStart runs,
/// the #dbg_assign markers linked to the alloca by its DIAssignID.
inline DeclareInfo findDeclare(llvm::AllocaInst *AI) {
  for (llvm::DbgVariableRecord *DVR : llvm::findDVRDeclares(AI))
    return {DVR->getVariable(), DVR->getDebugLoc(), DVR->getExpression()};
  for (llvm::DbgVariableRecord *DVR : llvm::at::getDVRAssignmentMarkers(AI))
    return {DVR->getVariable(), DVR->getDebugLoc(), DVR->getExpression()};
#if LLVM_VERSION_MAJOR < 22
  for (llvm::DbgDeclareInst *DDI : llvm::findDbgDeclares(AI))
    return {DDI->getVariable(), DDI->getDebugLoc(), DDI->getExpression()};
  for (llvm::DbgAssignIntrinsic *DAI : llvm::at::getAssignmentMarkers(AI))
    return {DAI->getVariable(), DAI->getDebugLoc(), DAI->getExpression()};
#endif
  return {};
}

/// Every source variable declared on \p AI, in order, without repeats. More
/// than one is a C++ structured binding (`auto &[a, b] = p`): each binding is
/// declared on the hidden variable, with an expression.
inline llvm::SmallVector<DeclareInfo, 1> findAllDeclares(llvm::AllocaInst *AI) {
  llvm::SmallVector<DeclareInfo, 1> Result;
  auto Add = [&](const llvm::DILocalVariable *Var, llvm::DebugLoc Loc,
                 const llvm::DIExpression *Expr) {
    for (const DeclareInfo &D : Result)
      if (D.Var == Var)
        return;
    Result.push_back({Var, Loc, Expr});
  };
  for (llvm::DbgVariableRecord *DVR : llvm::findDVRDeclares(AI))
    Add(DVR->getVariable(), DVR->getDebugLoc(), DVR->getExpression());
#if LLVM_VERSION_MAJOR < 22
  for (llvm::DbgDeclareInst *DDI : llvm::findDbgDeclares(AI))
    Add(DDI->getVariable(), DDI->getDebugLoc(), DDI->getExpression());
#endif
  if (Result.empty())
    if (DeclareInfo D = findDeclare(AI); D.Var)
      Result.push_back(D);
  return Result;
}

/// The pointer operand of llvm.lifetime.start/end. LLVM 22 dropped the size
/// operand, so the pointer moved from operand 1 to operand 0.
inline llvm::Value *lifetimePointer(const llvm::IntrinsicInst *II) {
#if LLVM_VERSION_MAJOR >= 22
  return II->getArgOperand(0);
#else
  return II->getArgOperand(1);
#endif
}

/// Inserts llvm.lifetime.start (or .end) of \p AI before \p Before. LLVM 22
/// dropped the size operand.
inline llvm::CallInst *createLifetimeMarker(llvm::Instruction *Before,
                                            llvm::AllocaInst *AI, bool Start) {
  llvm::IRBuilder<> B(Before);
#if LLVM_VERSION_MAJOR >= 22
  return Start ? B.CreateLifetimeStart(AI) : B.CreateLifetimeEnd(AI);
#else
  llvm::ConstantInt *Size = nullptr;
  if (std::optional<llvm::TypeSize> Bytes =
          AI->getAllocationSize(AI->getDataLayout());
      Bytes && !Bytes->isScalable())
    Size = B.getInt64(Bytes->getFixedValue());
  return Start ? B.CreateLifetimeStart(AI, Size)
               : B.CreateLifetimeEnd(AI, Size);
#endif
}

/// The DWARF language (DW_LANG_*) of \p CU. LLVM 22 returns a
/// DISourceLanguageName, which may hold a DWARF 6 versioned name (DW_LNAME_*
/// and a version) instead; that is mapped back to the DW_LANG_* code (0 if it
/// has none).
inline unsigned sourceLanguage(const llvm::DICompileUnit *CU) {
#if LLVM_VERSION_MAJOR >= 22
  llvm::DISourceLanguageName Lang = CU->getSourceLanguage();
  if (!Lang.hasVersionedName())
    return Lang.getName();
  if (std::optional<llvm::dwarf::SourceLanguage> Old = llvm::dwarf::toDW_LANG(
          static_cast<llvm::dwarf::SourceLanguageName>(Lang.getName()),
          Lang.getVersion()))
    return *Old;
  return 0;
#else
  return CU->getSourceLanguage();
#endif
}

} // namespace borrowscope

#endif // BORROWSCOPE_COMPAT_H
