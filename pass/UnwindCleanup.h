//===- UnwindCleanup.h - Make unwinding leave through a resume ------------===//
#ifndef BORROWSCOPE_UNWINDCLEANUP_H
#define BORROWSCOPE_UNWINDCLEANUP_H

#include "SourceLanguage.h"
#include "llvm/IR/Function.h"

namespace borrowscope {

/// An exception that unwinds through \p F without a landing pad in \p F ends
/// F's variables without any instruction in F seeing it. This routes every
/// such exit through a `resume`, where the instrumenter drops what is live:
///  - calls that may unwind become invokes of one shared cleanup pad,
///  - existing landing pads get the cleanup clause, so that exceptions their
///    catch clauses do not match still stop here and reach clang's resume.
/// Does nothing to functions that cannot unwind (C, noexcept, nounwind).
/// Returns false when F was left alone because its EH cannot be handled
/// (funclet personalities, setjmp, coroutines, no personality to use).
/// A function without a personality gets its language's: C++'s or Rust's
/// (a panic unwinds through Rust functions that have no landing pad).
bool routeUnwindingThroughCleanup(llvm::Function &F, Language Lang);

} // namespace borrowscope

#endif // BORROWSCOPE_UNWINDCLEANUP_H
