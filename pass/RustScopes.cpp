//===- RustScopes.cpp - Lifetime markers from debug scopes (Rust, -O0) ----===//
//
// In rustc's debug info every `let` opens a lexical block that lasts to the
// end of the enclosing block, and each instruction carries the scope of the
// statement it comes from. So control enters a variable's scope where an
// instruction of that scope (or of one nested in it) follows one that is
// not, and leaves it where the reverse happens; both are found within
// blocks and on CFG edges (split when critical). The initializer and the
// drop glue lie outside the scope (the `let` statement belongs to the
// enclosing one, drops to the closing brace): the start moves back over the
// straight-line code before the entry to the first write of the variable,
// the end forward to after its drop_in_place. Then a check that the
// markers cover every write, drop and in-scope use: if not, they go.
//
//===----------------------------------------------------------------------===//
#include "RustScopes.h"
#include "AccessesAfterEnd.h"
#include "Compat.h"
#include "DerivedPointers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

using namespace llvm;

namespace borrowscope {

namespace {

enum class Where { Unknown, Out, In };

bool isMarker(const Instruction &I) {
  const auto *II = dyn_cast<IntrinsicInst>(&I);
  return II && II->isLifetimeStartOrEnd();
}

/// Whether \p I comes from a statement inside \p S. An inlined
/// instruction counts where it was inlined into this function.
Where whereIs(const Instruction &I, const DILocalScope *S) {
  if (isa<DbgInfoIntrinsic>(I) || isMarker(I))
    return Where::Unknown;
  const DILocation *L = I.getDebugLoc().get();
  if (!L || L->getLine() == 0)
    return Where::Unknown;
  while (const DILocation *At = L->getInlinedAt())
    L = At;
  for (const DIScope *Sc = L->getScope(); Sc;) {
    if (Sc == S)
      return Where::In;
    const auto *Block = dyn_cast<DILexicalBlockBase>(Sc);
    if (!Block)
      break;
    Sc = Block->getScope();
  }
  return Where::Out;
}

bool isMarkerOf(const Instruction &I, const AllocaInst *A) {
  return isMarker(I) && baseObject(cast<IntrinsicInst>(I).getArgOperand(
                            cast<IntrinsicInst>(I).arg_size() - 1)) == A;
}

bool usesStorage(const Instruction &I, const AllocaInst *A) {
  if (isa<DbgInfoIntrinsic>(I) || isMarker(I))
    return false;
  return any_of(I.operands(), [&](const Use &Op) {
    return Op->getType()->isPointerTy() && baseObject(Op.get()) == A;
  });
}

/// A store, memset/memcpy or sret call that fills it.
bool writesStorage(const Instruction &I, const AllocaInst *A) {
  if (const auto *SI = dyn_cast<StoreInst>(&I))
    return baseObject(SI->getPointerOperand()) == A;
  if (const auto *MI = dyn_cast<MemIntrinsic>(&I))
    return baseObject(MI->getRawDest()) == A;
  if (const auto *Call = dyn_cast<CallBase>(&I))
    for (unsigned Arg = 0; Arg < Call->arg_size(); ++Arg)
      if (Call->paramHasAttr(Arg, Attribute::StructRet) &&
          baseObject(Call->getArgOperand(Arg)) == A)
        return true;
  return false;
}

bool isDropOf(const Instruction &I, const AllocaInst *A) {
  const auto *Call = dyn_cast<CallBase>(&I);
  const Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  return Callee && isRustDropInPlace(Callee->getName()) &&
         Call->arg_size() > 0 && baseObject(Call->getArgOperand(0)) == A;
}

/// Where control crosses into (Entry) or out of a variable's scope: before
/// an instruction, or on the edge From -> To.
struct Crossing {
  Instruction *Before = nullptr;
  BasicBlock *From = nullptr, *To = nullptr;
  bool Entry = false;
};

std::vector<Crossing> crossings(Function &F, const DILocalScope *S) {
  std::vector<Crossing> Result;
  DenseMap<const BasicBlock *, std::pair<Where, Where>> Ends; // first, last
  for (BasicBlock &BB : F) {
    Where First = Where::Unknown;
    Where Cur = &BB == &F.getEntryBlock() ? Where::Out : Where::Unknown;
    for (Instruction &I : BB) {
      Where W = whereIs(I, S);
      if (W == Where::Unknown)
        continue;
      if (First == Where::Unknown)
        First = W;
      if (Cur != Where::Unknown && W != Cur)
        Result.push_back({&I, nullptr, nullptr, W == Where::In});
      Cur = W;
    }
    Ends[&BB] = {First, Cur};
  }
  for (BasicBlock &BB : F) {
    Where Last = Ends[&BB].second;
    if (Last == Where::Unknown)
      continue;
    for (BasicBlock *Succ : successors(&BB)) {
      Where First = Ends[Succ].first;
      if (First != Where::Unknown && First != Last && !Succ->isEHPad())
        Result.push_back({nullptr, &BB, Succ, First == Where::In});
    }
  }
  return Result;
}

/// An instruction before which code runs on the edge From -> To only.
Instruction *edgePoint(
    BasicBlock *From, BasicBlock *To,
    DenseMap<std::pair<BasicBlock *, BasicBlock *>, BasicBlock *> &Split) {
  if (To->getSinglePredecessor() == From)
    return &*To->getFirstInsertionPt();
  if (From->getSingleSuccessor() == To)
    return From->getTerminator();
  BasicBlock *&Mid = Split[{From, To}];
  if (!Mid)
    Mid = SplitEdge(From, To);
  return Mid ? Mid->getTerminator() : nullptr;
}

/// Not before a PHI or an EH pad: after them.
Instruction *insertable(Instruction *I) {
  if (isa<PHINode>(I) || I->isEHPad())
    return &*I->getParent()->getFirstInsertionPt();
  return I;
}

/// The next instruction on the straight-line path (through unconditional
/// branches and invokes' normal edges), or null.
Instruction *nextOnPath(Instruction *I) {
  if (!I->isTerminator())
    return I->getNextNode();
  if (auto *Br = dyn_cast<BranchInst>(I); Br && Br->isUnconditional())
    return &Br->getSuccessor(0)->front();
  if (auto *Invoke = dyn_cast<InvokeInst>(I))
    return &Invoke->getNormalDest()->front();
  return nullptr;
}

/// The previous one, through a single predecessor's straight-line exit.
Instruction *previousOnPath(Instruction *I) {
  if (Instruction *Prev = I->getPrevNode())
    return Prev;
  BasicBlock *Pred = I->getParent()->getSinglePredecessor();
  if (!Pred)
    return nullptr;
  Instruction *Term = Pred->getTerminator();
  if (nextOnPath(Term) != &I->getParent()->front())
    return nullptr;
  return Term;
}

constexpr unsigned SearchLimit = 256;

/// Where the variable ends for an exit before \p Exit: after its drop glue
/// when that follows on the straight path, else at the exit. \p Loc: the
/// drop's location (the closing brace) when found.
Instruction *endPoint(Instruction *Exit, const TrackedVariable &V,
                      const DILocalScope *S, DebugLoc &Loc) {
  Loc = Exit->getDebugLoc();
  unsigned Budget = SearchLimit;
  for (Instruction *I = Exit; I && Budget--; I = nextOnPath(I)) {
    // (An exit on an edge is before the branch of a block inside.)
    if (I != Exit && whereIs(*I, S) == Where::In)
      break;
    if (!isDropOf(*I, V.Alloca))
      continue;
    if (auto *Invoke = dyn_cast<InvokeInst>(I)) {
      if (!Invoke->getNormalDest()->getSinglePredecessor())
        break;
      Loc = I->getDebugLoc();
      return &*Invoke->getNormalDest()->getFirstInsertionPt();
    }
    Loc = I->getDebugLoc();
    return I->getNextNode();
  }
  return Exit;
}

/// Where it starts for an entry before \p Entry: before the first write of
/// it on the straight path before the entry (the `let`'s initializer).
Instruction *startPoint(Instruction *Entry, const TrackedVariable &V,
                        const DILocalScope *S) {
  Instruction *Earliest = Entry;
  unsigned Budget = SearchLimit;
  for (Instruction *I = previousOnPath(Entry); I && Budget--;
       I = previousOnPath(I)) {
    if (whereIs(*I, S) == Where::In || isMarkerOf(*I, V.Alloca))
      break;
    if (usesStorage(*I, V.Alloca))
      Earliest = I;
  }
  return Earliest;
}

/// The scope whose extent \p V lives for: its declaration's, or for a
/// variable a macro declared (`println!`'s `args`, whose scopes are in the
/// macro's file while the expansion uses it from the caller's), the scope
/// the macro was used in. Null when that is the function's own (a variable
/// for the whole call, as without markers).
const DILocalScope *livingScope(const TrackedVariable &V) {
  if (V.Mode != LifetimeMode::Entry || V.IsParameter || !V.Scope)
    return nullptr;
  const DISubprogram *SP = V.Alloca->getFunction()->getSubprogram();
  if (!SP)
    return nullptr;
  const DILocalScope *Result = V.Scope;
  for (const DILocalScope *Sc = V.Scope; Sc && Sc != SP;) {
    const auto *Block = dyn_cast<DILexicalBlockBase>(Sc);
    if (!Block)
      return nullptr;
    Sc = dyn_cast_or_null<DILocalScope>(Block->getScope());
    if (Block->getFile() != SP->getFile())
      Result = Sc;
  }
  return Result && isa<DILexicalBlockBase>(Result) ? Result : nullptr;
}

void dropMarkers(TrackedVariable &V) {
  for (IntrinsicInst *II : V.Starts)
    II->eraseFromParent();
  for (IntrinsicInst *II : V.Ends)
    II->eraseFromParent();
  V.Starts.clear();
  V.Ends.clear();
  V.Mode = LifetimeMode::Entry;
  V.MadeMarkers = false;
}

/// The markers miss a write, a drop or an in-scope use of it (one reached
/// from the function's entry or an end without a start on the way).
bool missesAUse(const TrackedVariable &V, const DILocalScope *S) {
  return foundBeforeStart(V, /*FromEntry=*/true, [&](const Instruction &I) {
    return usesStorage(I, V.Alloca) &&
           (whereIs(I, S) == Where::In || isDropOf(I, V.Alloca) ||
            writesStorage(I, V.Alloca));
  });
}

} // namespace

void addMarkersFromScopes(Function &F, std::vector<TrackedVariable> &Vars) {
  // Every variable's crossings first: splitting an edge for one would hide
  // that edge from the next (a new block has no locations).
  std::vector<const DILocalScope *> Scopes;
  std::vector<std::vector<Crossing>> All;
  for (TrackedVariable &V : Vars) {
    Scopes.push_back(livingScope(V));
    All.push_back(Scopes.back() ? crossings(F, Scopes.back())
                                : std::vector<Crossing>());
  }
  DenseMap<std::pair<BasicBlock *, BasicBlock *>, BasicBlock *> Split;
  for (std::vector<Crossing> &List : All)
    for (Crossing &C : List)
      if (!C.Before)
        C.Before = edgePoint(C.From, C.To, Split);

  for (size_t N = 0; N < Vars.size(); ++N) {
    TrackedVariable &V = Vars[N];
    if (All[N].empty())
      continue;
    SmallPtrSet<Instruction *, 8> Placed;
    for (const Crossing &C : All[N]) {
      if (!C.Before)
        continue; // an edge that cannot be split
      DebugLoc Loc = C.Before->getDebugLoc();
      Instruction *At =
          insertable(C.Entry ? startPoint(C.Before, V, Scopes[N])
                             : endPoint(C.Before, V, Scopes[N], Loc));
      if (!Placed.insert(At).second)
        continue;
      CallInst *Marker = createLifetimeMarker(At, V.Alloca, C.Entry);
      Marker->setDebugLoc(Loc);
      (C.Entry ? V.Starts : V.Ends).push_back(cast<IntrinsicInst>(Marker));
    }
    V.Mode = LifetimeMode::Markers;
    V.MadeMarkers = true;
    if (V.Starts.empty() || V.Ends.empty() || missesAUse(V, Scopes[N]))
      dropMarkers(V);
  }
}

bool hasLifetimeMarkers(const Function &F) {
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB)
      if (isMarker(I))
        return true;
  return false;
}

void eraseMadeMarkers(std::vector<TrackedVariable> &Vars) {
  for (TrackedVariable &V : Vars)
    if (V.MadeMarkers)
      dropMarkers(V);
}

} // namespace borrowscope
