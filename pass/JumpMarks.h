//===- JumpMarks.h - A record before each setjmp and longjmp --------------===//
#ifndef BORROWSCOPE_JUMPMARKS_H
#define BORROWSCOPE_JUMPMARKS_H

#include "SiteTable.h"
#include "llvm/IR/Module.h"

namespace borrowscope {

/// Puts a call of __borrowscope_jump_v2 (abi.h) before every call of the
/// setjmp and longjmp families in the module's defined functions, with a
/// site of the call's location: the tool ends, at a longjmp, the instances
/// created since its setjmp (the frames it skips run no Drops). Out of line:
/// these calls are rare, and the hot path is not open around a call.
void markJumps(llvm::Module &M, SiteTable &Sites);

} // namespace borrowscope

#endif // BORROWSCOPE_JUMPMARKS_H
