//===- ReturnedArguments.cpp - Whether a call's result points into an argument //
//
// A forward walk from the parameter over the callee's IR as clang emits it
// before any optimization (parameters spilled to allocas and loaded back):
// the values derived from it are the pointer itself, anything computed from
// it (GEPs, casts, PHIs, selects), the callee's locals it is stored to (a
// spill slot, a temporary iterator) or that a call given it may write to,
// what is loaded back from those, in C++ pointers loaded through it (the
// contents of the owner: a vector's elements), and the results of calls
// that may return one. The answer is yes
// as soon as one reaches a `ret`, or leaves through a way the walk does not
// follow (an integer cast). Each (function, argument) is answered once; a
// recursive query still in progress answers "no".
//
//===----------------------------------------------------------------------===//
#include "ReturnedArguments.h"
#include "DerivedPointers.h"
#include "SourceLanguage.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include <optional>

using namespace llvm;

namespace borrowscope {

namespace {

/// The C library's functions that return a pointer: which argument it may
/// point into, or -1 for those whose result points into no argument (new
/// memory, a handle, static storage). Others are unknown.
std::optional<int> cLibraryReturn(StringRef Name) {
  static const StringMap<int> Returns = {
      // Into the first argument.
      {"strchr", 0}, {"strrchr", 0}, {"strchrnul", 0}, {"strstr", 0},
      {"strcasestr", 0}, {"strpbrk", 0}, {"memchr", 0}, {"memrchr", 0},
      {"rawmemchr", 0}, {"index", 0}, {"rindex", 0}, {"strcpy", 0},
      {"strncpy", 0}, {"stpcpy", 0}, {"stpncpy", 0}, {"strcat", 0},
      {"strncat", 0}, {"memcpy", 0}, {"memmove", 0}, {"memset", 0},
      {"mempcpy", 0}, {"memccpy", 0}, {"strtok", 0}, {"strtok_r", 0},
      {"fgets", 0}, {"gets", 0}, {"getcwd", 0}, {"basename", 0},
      {"dirname", 0},
      // Into a later argument.
      {"realpath", 1}, {"bsearch", 1}, {"lfind", 1}, {"lsearch", 1},
      {"localtime_r", 1}, {"gmtime_r", 1}, {"ctime_r", 1}, {"asctime_r", 1},
      {"inet_ntop", 2}, {"strerror_r", 1},
      // Into none: new memory, a handle, a static buffer.
      {"strdup", -1}, {"strndup", -1}, {"malloc", -1}, {"calloc", -1},
      {"fopen", -1}, {"fdopen", -1}, {"popen", -1}, {"opendir", -1},
      {"readdir", -1}, {"dlopen", -1}, {"dlsym", -1}, {"dlerror", -1},
      {"getenv", -1}, {"secure_getenv", -1}, {"setlocale", -1},
      {"strerror", -1}, {"localtime", -1}, {"gmtime", -1}, {"ctime", -1},
      {"asctime", -1}, {"tmpfile", -1}, {"getpwnam", -1}, {"getgrnam", -1},
      {"gethostbyname", -1}, {"inet_ntoa", -1},
  };
  auto It = Returns.find(Name);
  if (It == Returns.end())
    return std::nullopt;
  return It->second;
}

} // namespace

bool ReturnedArguments::mayReturn(const CallBase &Call, unsigned ArgNo,
                                  bool Contents) {
  const Function *Callee = Call.getCalledFunction();
  if (!Callee)
    return true;
  if (hasAnalysableBody(*Callee))
    return mayReturn(*Callee, ArgNo, Contents);
  if (Callee->isDeclaration())
    if (std::optional<int> Into = cLibraryReturn(Callee->getName()))
      return *Into == int(ArgNo);
  // A C function of another file: no guess. Its result is then no borrow
  // of the argument here; where it is stored, it is a reborrow, and the
  // runtime finds the variable it points into, if any, from the address.
  // A C++ callee may return a pointer into an object's heap contents (a
  // string's c_str() at -O2, whose body is not read), which no address
  // resolves to the object: it stays assumed to return it.
  StringRef Name = Callee->getName();
  return Name.starts_with("_Z") || Name.starts_with("_R");
}

bool ReturnedArguments::mayReturn(const Function &F, unsigned ArgNo,
                                  bool Contents) {
  if (ArgNo >= F.arg_size() || F.isVarArg())
    return true;
  // What C code loads through the argument is another pointer the object
  // holds, not a part of it: no destructor ends it with the object, so it
  // is no borrow of the argument (stored at the call site, it is a reborrow,
  // resolved at run time by address). A C++ object's contents end with it.
  Contents = Contents && !isCLanguage(F);
  Key K{&F, ArgNo, Contents};
  if (auto It = Memo.find(K); It != Memo.end())
    return It->second;
  Memo[K] = false; // in progress: recursion answers no
  bool Result = reachesReturn(F.getArg(ArgNo), Contents);
  Memo[K] = Result;
  return Result;
}

bool ReturnedArguments::reachesReturn(const Value *Root, bool Contents) {
  // Slot: a local of the callee that holds the value (a spill slot), whose
  // loads give the value back; else the value, or a pointer derived from it.
  struct Item {
    const Value *V;
    bool Slot;
  };
  SmallVector<Item, 16> Work{{Root, false}};
  SmallPtrSet<const Value *, 32> Seen[2];
  while (!Work.empty()) {
    auto [V, Slot] = Work.pop_back_val();
    if (!Seen[Slot].insert(V).second)
      continue;
    for (const User *U : V->users()) {
      if (isa<ReturnInst>(U)) {
        if (!Slot)
          return true;
      } else if (const auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getValueOperand() != V)
          continue; // a store through it
        // Stored into an object, the heap, a global: it may be read back
        // and returned, which the walk does not follow.
        if (Slot || !isOwnAlloca(SI->getPointerOperand()))
          return true;
        // Into a local of the callee (a spill slot, a temporary iterator):
        // what is read from the local, or what a call given the local
        // returns, may be it.
        Work.push_back({baseObject(SI->getPointerOperand()), true});
      } else if (const auto *LI = dyn_cast<LoadInst>(U)) {
        // From a slot: the value again. Through the value: the owner's
        // contents (a vector's elements).
        if ((Slot || Contents) &&
            (LI->getType()->isPointerTy() || LI->getType()->isAggregateType()))
          Work.push_back({LI, false});
      } else if (const auto *Copy = dyn_cast<MemTransferInst>(U)) {
        // Copied into a local: what is loaded from it may be the pointer.
        if ((Slot || Contents) && Copy->getRawSource() == V &&
            isOwnAlloca(Copy->getRawDest()))
          Work.push_back({baseObject(Copy->getRawDest()), true});
      } else if (const auto *Call = dyn_cast<CallBase>(U)) {
        if (isIgnoredCall(*Call))
          continue;
        bool Returns = false;
        for (unsigned A = 0; A < Call->arg_size(); ++A)
          Returns |= Call->getArgOperand(A) == V &&
                     mayReturn(*Call, A, Contents || Slot);
        // Given a slot, a callee that returns what it loads through its
        // parameter returns the value (an iterator's operator*).
        if (Returns && !Call->getType()->isVoidTy())
          Work.push_back({Call, false});
        // A local of the callee passed beside it (a constructor's `this`,
        // an sret result, an out-parameter) may receive it: what is loaded
        // from that local may be it (`begin()` builds its iterator so).
        for (const Use &Other : Call->args())
          if (Other.get() != V && Other->getType()->isPointerTy() &&
              isOwnAlloca(Other.get()))
            Work.push_back({baseObject(Other.get()), true});
      } else if (isa<PtrToIntInst>(U)) {
        if (!Slot)
          return true; // arithmetic on the address: not followed
      } else if (isa<GetElementPtrInst>(U) || isa<CastInst>(U) ||
                 isa<PHINode>(U) || isa<SelectInst>(U) ||
                 isa<InsertValueInst>(U) || isa<ExtractValueInst>(U)) {
        Work.push_back({U, Slot});
      }
    }
  }
  return false;
}

} // namespace borrowscope
