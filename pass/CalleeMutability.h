//===- CalleeMutability.h - How a callee may use a pointer argument -------===//
#ifndef BORROWSCOPE_CALLEEMUTABILITY_H
#define BORROWSCOPE_CALLEEMUTABILITY_H

#include "borrowscope/abi.h"
#include "llvm/IR/InstrTypes.h"

namespace borrowscope {

/// Whether the callee of \p Call may modify what argument \p ArgNo points to,
/// from the declared parameter type: the callee's debug info when the module
/// has it, else its Itanium-mangled name (`PKi`, `RKi`, `_ZNK` const member
/// functions). Unknown when neither tells (e.g. C functions without debug
/// info): never a guess.
bs_mutability argumentMutability(const llvm::CallBase &Call, unsigned ArgNo);

/// For an argument that points to a pointer (T* const&, T*&&, a closure
/// whose capture at \p Offset is a reference): whether the callee may modify
/// what that pointer points to. Unknown when the types do not tell.
bs_mutability heldMutability(const llvm::CallBase &Call, unsigned ArgNo,
                             uint64_t Offset = ~uint64_t(0));

/// True when argument \p ArgNo is bound to an rvalue reference (T&&).
bool isRValueArgument(const llvm::CallBase &Call, unsigned ArgNo);

} // namespace borrowscope

#endif // BORROWSCOPE_CALLEEMUTABILITY_H
