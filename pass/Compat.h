//===- Compat.h - LLVM version differences, in one place ------------------===//
//
// Everything that differs between the LLVM versions BorrowScope builds against
// (19 by default, 22 later) goes through this header.
//
//===----------------------------------------------------------------------===//
#ifndef BORROWSCOPE_COMPAT_H
#define BORROWSCOPE_COMPAT_H

#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

namespace borrowscope {

/// A source variable's debug declaration, whichever form the IR uses.
struct DeclareInfo {
  const llvm::DILocalVariable *Var = nullptr;
  llvm::DebugLoc Loc;
};

/// The source variable of \p AI from its debug info, whichever form the IR
/// uses: a #dbg_declare record (the default since LLVM 19), a
/// llvm.dbg.declare call (older IR), or, at -O1 and above where clang's
/// assignment tracking has already replaced declares when PipelineStart runs,
/// the #dbg_assign markers linked to the alloca by its DIAssignID.
inline DeclareInfo findDeclare(llvm::AllocaInst *AI) {
  for (llvm::DbgVariableRecord *DVR : llvm::findDVRDeclares(AI))
    return {DVR->getVariable(), DVR->getDebugLoc()};
  for (llvm::DbgVariableRecord *DVR : llvm::at::getDVRAssignmentMarkers(AI))
    return {DVR->getVariable(), DVR->getDebugLoc()};
#if LLVM_VERSION_MAJOR < 22
  for (llvm::DbgDeclareInst *DDI : llvm::findDbgDeclares(AI))
    return {DDI->getVariable(), DDI->getDebugLoc()};
  for (llvm::DbgAssignIntrinsic *DAI : llvm::at::getAssignmentMarkers(AI))
    return {DAI->getVariable(), DAI->getDebugLoc()};
#endif
  return {};
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

} // namespace borrowscope

#endif // BORROWSCOPE_COMPAT_H
