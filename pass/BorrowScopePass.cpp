//===- BorrowScopePass.cpp - The BorrowScope module pass ------------------===//
#include "BorrowScopePass.h"
#include "Borrows.h"
#include "Compat.h"
#include "DerivedPointers.h"
#include "Instrumenter.h"
#include "JumpMarks.h"
#include "LastUse.h"
#include "Ownership.h"
#include "RuntimeLinker.h"
#include "RustScopes.h"
#include "Settings.h"
#include "SiteTable.h"
#include "SourceLanguage.h"
#include "SyncCalls.h"
#include "UnwindCleanup.h"
#include "Variables.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>

using namespace llvm;

// Constructed at load time only in the LLVM the plugin was built for: a
// cl::opt's constructor runs before llvmGetPassPluginInfo and crashes in
// another LLVM (see Plugin.cpp).
static std::optional<cl::opt<bool>> ClSystemHeaders =
    borrowscope::hostLLVMMatches()
        ? std::optional<cl::opt<bool>>(
              std::in_place, "borrowscope-system-headers",
              cl::desc("Instrument functions from system headers too"),
              cl::init(false))
        : std::nullopt;

static std::optional<cl::opt<std::string>> ClVariables =
    borrowscope::hostLLVMMatches()
        ? std::optional<cl::opt<std::string>>(
              std::in_place, "borrowscope-variables",
              cl::desc("Which variables to trace: ownership (those that take "
                       "part in ownership; the default) or all"),
              cl::init(""))
        : std::nullopt;

namespace borrowscope {

namespace {

constexpr const char *InstrumentedMarker = "borrowscope.instrumented";

bool shouldInstrument(const Function &F, const PassOptions &Options) {
  if (F.isDeclaration() || F.hasAvailableExternallyLinkage() ||
      F.hasFnAttribute(Attribute::Naked) ||
      F.getName().starts_with("__borrowscope_") ||
      F.getName().starts_with("borrowscope."))
    return false;
  return Options.InstrumentSystemHeaders || !isSystemCode(F);
}

void remarkSkippedUnwinding(Function &F) {
  OptimizationRemarkEmitter ORE(&F);
  ORE.emit([&] {
    return OptimizationRemarkMissed("borrowscope", "UnwindNotTracked", &F)
           << "exceptions unwinding through this function are not tracked "
              "(setjmp, coroutine or unsupported personality)";
  });
}

struct FunctionWork {
  Function *F;
  std::vector<TrackedVariable> Vars;
};

/// BORROWSCOPE_VARIABLES (or -borrowscope-variables, which wins): one line
/// for a value that is neither word, and the default.
VariableSelection variableSelection() {
  std::string Value = ClVariables ? std::string(*ClVariables) : "";
  if (Value.empty())
    if (const char *Env = std::getenv("BORROWSCOPE_VARIABLES"))
      Value = Env;
  StringRef V(Value);
  if (V.empty() || V.equals_insensitive("ownership"))
    return VariableSelection::Ownership;
  if (V.equals_insensitive("all"))
    return VariableSelection::All;
  errs() << "borrowscope: ignoring BORROWSCOPE_VARIABLES='" << V
         << "' (accepted: ownership, all)\n";
  return VariableSelection::Ownership;
}

/// The stored pointer is a parameter's value, as clang loads it back from
/// the parameter's alloca (at every level before SROA).
bool storesParameterValue(const Borrow &B,
                          const std::vector<TrackedVariable> &Vars) {
  const Value *Slot = B.LoadFrom;
  if (B.Address) {
    const Value *V = B.Address->stripInBoundsOffsets();
    if (isa<Argument>(V))
      return true;
    const auto *LI = dyn_cast<LoadInst>(V);
    Slot = LI ? LI->getPointerOperand() : nullptr;
  }
  return Slot && any_of(Vars, [&](const TrackedVariable &TV) {
           return TV.IsParameter && TV.Alloca == Slot;
         });
}

/// In a function with no variable to trace, the stores that are recorded
/// all the same: a pointer loaded from memory or a global's address stored
/// into memory, outside constructors (which fill an object that may be a
/// temporary no event says the end of).
bool recordedWithoutVariables(const Function &F, const Borrow &B,
                              const std::vector<TrackedVariable> &Vars) {
  return B.Destination && !B.Borrower && !isConstructorName(F.getName()) &&
         !storesParameterValue(B, Vars);
}

} // namespace

PassOptions PassOptions::fromEnvironment() {
  PassOptions Options;
  Options.InstrumentSystemHeaders =
      (ClSystemHeaders && *ClSystemHeaders) ||
      switchFromEnvironment("BORROWSCOPE_SYSTEM_HEADERS", false);
  Options.Variables = variableSelection();
  return Options;
}

PreservedAnalyses BorrowScopePass::run(Module &M, ModuleAnalysisManager &) {
  if (M.getNamedMetadata(InstrumentedMarker))
    return PreservedAnalyses::all();

  // Decide first which functions have anything to trace: the others are
  // left exactly as they are (no unwind rewrite, no slots).
  KeptArguments Kept;
  WrittenArguments Written;
  ReturnedArguments Returned;
  std::vector<FunctionWork> Work;
  unsigned Total = 0, Untraced = 0;
  for (Function &F : M) {
    if (!shouldInstrument(F, Options))
      continue;
    std::vector<TrackedVariable> Vars = findVariables(F, languageOf(F));
    if (Vars.empty())
      continue;
    BorrowAnalysis Analysis = findBorrows(Vars, Kept, Written, Returned);
    TracedVariables Traced = selectVariables(Vars, Analysis, Options.Variables, Kept);
    Total += Vars.size();
    Untraced += Traced.Untraced;
    // A pointer loaded from memory (or a global's address) stored into
    // memory is recorded even in a function with no variable of its own to
    // trace: it may replace a borrow the memory held (a walk down a chain
    // of handler records). A parameter's value stored there is not, nor
    // what a constructor stores: a setter or constructor of an untraced
    // object (fmt's string_view, Lua's lua_pushlightuserdata) would hold
    // it with no end recorded.
    bool StoresIntoMemory = any_of(Analysis.Borrows, [&](const Borrow &B) {
      return recordedWithoutVariables(F, B, Vars);
    });
    if (!Traced.Traced.empty() || StoresIntoMemory)
      Work.push_back({&F, std::move(Vars)});
  }
  if (Work.empty())
    return PreservedAnalyses::all();

  std::string Error;
  std::optional<HotPath> Hot = linkHotPath(M, Error);
  if (!Hot) {
    // Leave the module as it was: a build must never fail because of us.
    errs() << "borrowscope: warning: " << M.getSourceFileName()
           << " not instrumented: " << Error << "\n";
    return PreservedAnalyses::all();
  }

  SiteTable Sites(M);
  SyncCalls Sync(M);
  for (FunctionWork &W : Work) {
    // Before the EH rewrite, which gives cleanup code locations.
    bool ScopesFromDebugInfo =
        languageOf(*W.F) == Language::Rust && !hasLifetimeMarkers(*W.F);
    if (ScopesFromDebugInfo)
      addMarkersFromScopes(*W.F, W.Vars);
    if (!routeUnwindingThroughCleanup(*W.F, languageOf(*W.F)))
      remarkSkippedUnwinding(*W.F);
    // Again, after the EH rewrite: it replaces calls, which borrows point at.
    BorrowAnalysis Analysis = findBorrows(W.Vars, Kept, Written, Returned);
    TracedVariables Traced =
        selectVariables(W.Vars, Analysis, Options.Variables, Kept);
    if (Traced.Traced.empty()) // instrumented for its stores alone
      std::erase_if(Analysis.Borrows, [&](const Borrow &B) {
        return !recordedWithoutVariables(*W.F, B, W.Vars);
      });
    LastUses Uses = findLastUses(*W.F, Traced.FollowLastUse, Kept);
    instrumentFunction(*W.F, {W.Vars, Analysis, Traced, Uses}, Sync, Sites,
                       *Hot);
    if (ScopesFromDebugInfo)
      eraseMadeMarkers(W.Vars);
  }
  markJumps(M, Sites);
  Sites.finalize(Untraced, Total);
  M.getOrInsertNamedMetadata(InstrumentedMarker);
  return PreservedAnalyses::none();
}

} // namespace borrowscope
