//===- BlockingCalls.cpp - Calls after which the clock must be read again -===//
#include "BlockingCalls.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

namespace {

/// Library functions that return promptly. Allocation may take a lock, but
/// briefly; leaving it out would read the clock after every `new`.
const StringSet<> &promptFunctions() {
  static const StringSet<> Names = {
      // memory and strings
      "memcpy", "memmove", "memset", "memcmp", "memchr", "strlen", "strnlen",
      "strcmp", "strncmp", "strcpy", "strncpy", "strcat", "strncat", "strchr",
      "strrchr", "strstr", "strspn", "strcspn", "strpbrk", "strdup",
      "strndup", "strtol", "strtoul", "strtoll", "strtoull", "strtod",
      "strtof", "atoi", "atol", "atof", "snprintf", "sprintf", "vsnprintf",
      // characters (isalpha and friends are macros over these)
      "__ctype_b_loc", "__ctype_tolower_loc", "__ctype_toupper_loc", "tolower",
      "toupper", "isalpha", "isdigit", "isspace", "isalnum", "isupper",
      "islower", "ispunct", "isxdigit",
      // math
      "abs", "labs", "llabs", "sqrt", "sqrtf", "cbrt", "pow", "powf", "exp",
      "expf", "exp2", "log", "logf", "log2", "log10", "sin", "sinf", "cos",
      "cosf", "tan", "atan", "atan2", "fabs", "fabsf", "floor", "floorf",
      "ceil", "ceilf", "round", "fmod", "hypot", "fmin", "fmax",
      // allocation
      "malloc", "calloc", "realloc", "free", "aligned_alloc", "posix_memalign",
      "_Znwm", "_Znam", "_ZdlPv", "_ZdaPv", "_ZdlPvm", "_ZdaPvm",
      "_ZnwmRKSt9nothrow_t", "_ZnwmSt11align_val_t", "_ZdlPvSt11align_val_t",
      // exceptions being thrown: the unwinding cleanups read the clock anyway
      "__cxa_allocate_exception", "__cxa_begin_catch", "__cxa_end_catch"};
  return Names;
}

} // namespace

bool BlockingCalls::blocksByItself(const CallBase &Call) {
  if (isa<IntrinsicInst>(Call))
    return false;
  if (Call.isInlineAsm())
    return true;
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return true; // indirect: could be anything
  if (Callee->getName().starts_with("__borrowscope_") || !Callee->isDeclaration())
    return false;
  return !promptFunctions().contains(Callee->getName());
}

BlockingCalls::BlockingCalls(const Module &M) {
  // Functions with a blocking call of their own, then their callers, and so
  // on: each function is added once, each call site looked at once.
  SmallVector<const Function *, 32> Work;
  for (const Function &F : M)
    for (const Instruction &I : instructions(F))
      if (const auto *Call = dyn_cast<CallBase>(&I);
          Call && blocksByItself(*Call)) {
        if (Blocking.insert(&F).second)
          Work.push_back(&F);
        break;
      }
  while (!Work.empty()) {
    const Function *F = Work.pop_back_val();
    for (const User *U : F->users())
      if (const auto *Call = dyn_cast<CallBase>(U);
          Call && Call->getCalledFunction() == F)
        if (const Function *Caller = Call->getFunction();
            Blocking.insert(Caller).second)
          Work.push_back(Caller);
  }
}

bool BlockingCalls::mayBlock(const CallBase &Call) const {
  if (blocksByItself(Call))
    return true;
  const Function *Callee = Call.getCalledFunction();
  return Callee && Blocking.contains(Callee);
}

} // namespace borrowscope
