//===- SyncCalls.cpp - Calls that order threads: clock them ---------------===//
#include "SyncCalls.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace borrowscope {

namespace {

/// C library and POSIX functions that wait, lock, or hand data to another
/// thread or process.
const StringSet<> &syncFunctions() {
  static const StringSet<> Names = {
      // threads
      "pthread_create", "pthread_join", "pthread_timedjoin_np",
      "pthread_tryjoin_np", "pthread_detach", "pthread_exit",
      "pthread_mutex_lock", "pthread_mutex_unlock", "pthread_mutex_trylock",
      "pthread_mutex_timedlock", "pthread_cond_wait",
      "pthread_cond_timedwait", "pthread_cond_signal",
      "pthread_cond_broadcast", "pthread_rwlock_rdlock",
      "pthread_rwlock_wrlock", "pthread_rwlock_unlock",
      "pthread_rwlock_tryrdlock", "pthread_rwlock_trywrlock",
      "pthread_barrier_wait", "pthread_spin_lock", "pthread_spin_unlock",
      "pthread_once", "sem_wait", "sem_post", "sem_timedwait", "sem_trywait",
      "thrd_create", "thrd_join", "mtx_lock", "mtx_unlock", "mtx_timedlock",
      "mtx_trylock", "cnd_wait", "cnd_timedwait", "cnd_signal",
      "cnd_broadcast", "call_once",
      // sleeping and waiting
      "sleep", "usleep", "nanosleep", "clock_nanosleep", "sched_yield",
      "pause", "sigwait", "sigwaitinfo", "sigtimedwait", "sigsuspend",
      "wait", "waitpid", "waitid", "wait3", "wait4", "syscall",
      // I/O and IPC
      "read", "write", "pread", "pwrite", "readv", "writev", "recv",
      "recvfrom", "recvmsg", "send", "sendto", "sendmsg", "accept",
      "accept4", "connect", "poll", "ppoll", "select", "pselect",
      "epoll_wait", "epoll_pwait", "msgrcv", "msgsnd", "fsync", "fork",
      "system", "popen", "pclose", "fflush", "fgets", "fread", "fwrite",
      "getchar", "getc", "fgetc", "getline", "scanf", "fscanf",
      "__isoc99_scanf", "__isoc99_fscanf"};
  return Names;
}

/// The C++ standard library's thread support, by demangled name.
bool isStdThreadSupport(StringRef Mangled) {
  if (!Mangled.starts_with("_ZNSt") && !Mangled.starts_with("_ZSt") &&
      !Mangled.starts_with("_ZNKSt"))
    return false;
  std::string Name = demangle(Mangled);
  for (StringRef Part :
       {"std::thread::", "std::jthread::", "std::mutex::",
        "std::recursive_mutex::", "std::timed_mutex::", "std::shared_mutex::",
        "std::condition_variable", "std::this_thread::", "std::future",
        "std::__basic_future", "std::promise", "std::shared_future",
        "std::call_once", "std::__once", "std::barrier", "std::latch",
        "std::counting_semaphore", "std::__atomic_futex", "std::__sleep_for",
        "std::__atomic_wait", "std::__detail::__platform_wait",
        "std::__detail::__thread", "std::lock_guard", "std::unique_lock",
        "std::scoped_lock", "std::shared_lock"})
    if (StringRef(Name).contains(Part))
      return true;
  return false;
}

} // namespace

bool SyncCalls::byName(const CallBase &Call) {
  if (isa<IntrinsicInst>(Call) || Call.isInlineAsm())
    return false;
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || Callee->getName().starts_with("__borrowscope_"))
    return false;
  StringRef N = Callee->getName();
  return syncFunctions().contains(N) || isStdThreadSupport(N);
}

SyncCalls::SyncCalls(const Module &M) {
  // Functions with a synchronising call of their own, then their callers,
  // and so on: each function is added once, each call site looked at once.
  SmallVector<const Function *, 32> Work;
  for (const Function &F : M)
    for (const Instruction &I : instructions(F))
      if (const auto *Call = dyn_cast<CallBase>(&I); Call && byName(*Call)) {
        if (Syncing.insert(&F).second)
          Work.push_back(&F);
        break;
      }
  while (!Work.empty()) {
    const Function *F = Work.pop_back_val();
    for (const User *U : F->users())
      if (const auto *Call = dyn_cast<CallBase>(U);
          Call && Call->getCalledFunction() == F)
        if (const Function *Caller = Call->getFunction();
            Syncing.insert(Caller).second)
          Work.push_back(Caller);
  }
}

bool SyncCalls::synchronises(const CallBase &Call) const {
  if (byName(Call))
    return true;
  const Function *Callee = Call.getCalledFunction();
  return Callee && Syncing.contains(Callee);
}

} // namespace borrowscope
