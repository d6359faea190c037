// How a process ends, as the runtime sees it: fatal signals, _exit/_Exit,
// quick_exit and exec*. Each ends the trace with an END block that says how
// (runtime.cpp: finish_dying, end_before_exec); exit() and main's return
// are the runtime's destructor.
//
// Signals: the runtime's handler is installed for the fatal signals below
// while their disposition is the default. The program's own sigaction and
// signal calls are interposed for every signal: the program's handler is
// kept here, the runtime's handler is installed (with the program's mask
// and flags) and calls it inside a HandlerFrame (handlers.cpp: a handler's
// events go to a stream of their own), and the program is told what it
// asked for. When the program's
// disposition is the default, the handler writes the END block, restores the
// default and raises the signal again: the process dies of it as the plain
// program would (exit status, core dump). SIG_IGN is passed through.
#include "handlers.h"
#include "runtime.h"
#include "borrowscope/trace_format.h"

#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cstdlib>
#include <dlfcn.h>
#include <sys/syscall.h>
#include <unistd.h>

extern "C" int __sigaction(int, const struct sigaction *, struct sigaction *);

namespace borrowscope {
namespace {

constexpr int watched_signals[] = {SIGSEGV, SIGBUS,  SIGFPE,  SIGILL,
                                   SIGABRT, SIGTRAP, SIGSYS,  SIGQUIT,
                                   SIGINT,  SIGTERM, SIGHUP,  SIGPIPE};

bool is_watched(int sig) {
  for (int s : watched_signals)
    if (s == sig)
      return true;
  return false;
}

/// Signals whose handlers the program sets through the runtime: all but the
/// two no handler can catch. The program's handlers run inside a
/// HandlerFrame (handlers.cpp).
bool is_interposed(int sig) {
  return sig > 0 && sig < NSIG && sig != SIGKILL && sig != SIGSTOP;
}

/// The runtime keeps its own handler for a disposition: a program handler,
/// or (for the fatal signals it watches) the default.
bool keeps_ours(int sig, sighandler_t handler) {
  return handler != SIG_IGN && (handler != SIG_DFL || is_watched(sig));
}

struct Watch {
  bool ours = false;            ///< the runtime's handler is installed
  struct sigaction program = {}; ///< what the program asked for
};
Watch watches[NSIG];
bool armed = false;
// Set in abort(): once the program's SIGABRT handler returns, the C library
// sets the default action itself (past sigaction) and raises again.
__thread bool t_aborting __attribute__((tls_model("initial-exec")));

void on_signal(int sig, siginfo_t *info, void *context);

struct sigaction ours_for(const struct sigaction &program) {
  struct sigaction a = {};
  a.sa_sigaction = on_signal;
  a.sa_mask = program.sa_mask;
  a.sa_flags = SA_SIGINFO |
               (program.sa_flags & (SA_ONSTACK | SA_RESTART | SA_NODEFER |
                                    SA_NOCLDSTOP | SA_NOCLDWAIT));
  // The default: the runtime's own handler ends the trace, on the thread's
  // alternate stack when the thread's stack is exhausted (alt_stack.cpp).
  if (program.sa_handler == SIG_DFL)
    a.sa_flags |= SA_ONSTACK;
  return a;
}

void on_signal(int sig, siginfo_t *info, void *context) {
  Watch &w = watches[sig];
  struct sigaction program = w.program;
  if (program.sa_handler != SIG_DFL && program.sa_handler != SIG_IGN) {
    if (program.sa_flags & SA_RESETHAND) {
      w.program = {};
      w.program.sa_handler = SIG_DFL;
      if (!is_watched(sig)) { // as the kernel would have done
        __sigaction(sig, &w.program, nullptr);
        w.ours = false;
      }
    }
    // The program's handler decides: it may return (and the program goes
    // on), exit, _exit, longjmp, or set the default and raise again.
    HandlerFrame frame;
    enter_handler(frame);
    if (program.sa_flags & SA_SIGINFO)
      program.sa_sigaction(sig, info, context);
    else
      program.sa_handler(sig);
    leave_handler(frame);
    if (sig == SIGABRT && t_aborting)
      finish_dying(BS_END_SIGNAL, sig);
    return;
  }
  int saved = errno;
  if (is_watched(sig)) // else: the default came in a race with sigaction
    finish_dying(BS_END_SIGNAL, sig);
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  __sigaction(sig, &dfl, nullptr);
  w.ours = false;
  // Pending while this handler runs (the signal is blocked in it), fatal
  // once it returns. A fault would also repeat when its instruction runs
  // again.
  raise(sig);
  errno = saved;
}

/// The program's sigaction for a watched signal.
int watched_sigaction(int sig, const struct sigaction *act,
                      struct sigaction *old) {
  Watch &w = watches[sig];
  struct sigaction previous = {};
  if (w.ours)
    previous = w.program;
  else if (__sigaction(sig, nullptr, &previous) != 0)
    return -1;
  if (act) {
    if (!keeps_ours(sig, act->sa_handler)) {
      if (__sigaction(sig, act, nullptr) != 0)
        return -1;
      w.ours = false;
    } else {
      if (act->sa_handler != SIG_DFL)
        note_program_handler();
      struct sigaction ours = ours_for(*act);
      if (__sigaction(sig, &ours, nullptr) != 0)
        return -1;
      w.program = *act;
      w.ours = true;
    }
  }
  if (old)
    *old = previous;
  return 0;
}

using SignalFn = sighandler_t (*)(int, sighandler_t);

/// signal() and its variants: the C library computes the flags (SA_RESTART,
/// SA_RESETHAND...), then the runtime takes the handler over.
sighandler_t watched_signal(SignalFn real, int sig, sighandler_t handler) {
  if (!is_interposed(sig) || !armed || !real)
    return real ? real(sig, handler) : SIG_ERR;
  Watch &w = watches[sig];
  struct sigaction previous = {};
  if (w.ours)
    previous = w.program;
  else
    __sigaction(sig, nullptr, &previous);
  if (real(sig, handler) == SIG_ERR)
    return SIG_ERR;
  struct sigaction now = {};
  __sigaction(sig, nullptr, &now);
  if (!keeps_ours(sig, now.sa_handler)) {
    w.ours = false;
  } else {
    if (now.sa_handler != SIG_DFL)
      note_program_handler();
    struct sigaction ours = ours_for(now);
    __sigaction(sig, &ours, nullptr);
    w.program = now;
    w.ours = true;
  }
  return previous.sa_handler;
}

SignalFn real_signal, real_bsd_signal, real_sysv_signal;

using AbortFn = void (*)();
AbortFn real_abort;

using QuickExitFn = void (*)(int);
QuickExitFn real_quick_exit;
int quick_exit_status;

void on_quick_exit() { finish_dying(BS_END_ABORT, quick_exit_status); }

using ExecvpeFn = int (*)(const char *, char *const[], char *const[]);
using FexecveFn = int (*)(int, char *const[], char *const[]);
using ExecveatFn = int (*)(int, const char *, char *const[], char *const[],
                           int);
ExecvpeFn real_execvpe;
FexecveFn real_fexecve;
ExecveatFn real_execveat;

template <typename Exec> int around_exec(Exec exec) {
  bool ended = end_before_exec();
  int result = exec();
  int saved = errno;
  if (ended)
    exec_failed();
  errno = saved;
  return result;
}

[[noreturn]] void die_now(int status) {
  finish_dying(BS_END_ABORT, status);
  status = exit_status_for(status); // BORROWSCOPE_EXITCODE in check mode
  for (;;)
    syscall(SYS_exit_group, status);
}

/// The arguments of execl and friends, up to the terminating null (and, for
/// execle, the environment after it), into \p argv.
size_t count_arguments(const char *first, va_list args) {
  size_t n = 1;
  va_list copy;
  va_copy(copy, args);
  for (const char *a = first; a; a = va_arg(copy, const char *))
    ++n;
  va_end(copy);
  return n;
}

void take_arguments(const char *first, va_list args, const char **argv) {
  size_t i = 0;
  for (const char *a = first; a; a = va_arg(args, const char *))
    argv[i++] = a;
  argv[i] = nullptr;
}

/// The C library's definition of \p name (the next after the runtime's),
/// looked up once: before the first call when tracing is on, so that a
/// signal handler or a vfork child does not run dlsym.
template <typename Fn> Fn next_definition(Fn &cache, const char *name) {
  if (!cache)
    cache = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
  return cache;
}

} // namespace

void watch_process_end() {
  if (armed)
    return;
  next_definition(real_signal, "signal");
  next_definition(real_bsd_signal, "bsd_signal");
  next_definition(real_sysv_signal, "sysv_signal");
  next_definition(real_quick_exit, "quick_exit");
  next_definition(real_abort, "abort");
  next_definition(real_execvpe, "execvpe");
  next_definition(real_fexecve, "fexecve");
  next_definition(real_execveat, "execveat");
  // Registered first, so run last of the quick_exit handlers.
  at_quick_exit(on_quick_exit);
  for (int sig : watched_signals) {
    struct sigaction current = {};
    if (__sigaction(sig, nullptr, &current) != 0 ||
        current.sa_handler != SIG_DFL)
      continue; // inherited SIG_IGN (nohup), or a handler set before us
    struct sigaction ours = ours_for(current);
    if (__sigaction(sig, &ours, nullptr) == 0) {
      watches[sig].program = current;
      watches[sig].ours = true;
    }
  }
  armed = true;
}

} // namespace borrowscope

using namespace borrowscope;

#define BS_EXPORT extern "C" __attribute__((visibility("default")))

BS_EXPORT int sigaction(int sig, const struct sigaction *act,
                        struct sigaction *old) noexcept {
  if (!is_interposed(sig) || !armed)
    return __sigaction(sig, act, old);
  return watched_sigaction(sig, act, old);
}

BS_EXPORT sighandler_t signal(int sig, sighandler_t handler) noexcept {
  return watched_signal(next_definition(real_signal, "signal"), sig, handler);
}

BS_EXPORT sighandler_t bsd_signal(int sig, sighandler_t handler) noexcept {
  return watched_signal(next_definition(real_bsd_signal, "bsd_signal"), sig,
                        handler);
}

BS_EXPORT sighandler_t sysv_signal(int sig, sighandler_t handler) noexcept {
  return watched_signal(next_definition(real_sysv_signal, "sysv_signal"), sig,
                        handler);
}

// What <signal.h> maps signal() to in strict ISO C modes.
BS_EXPORT sighandler_t __sysv_signal(int sig, sighandler_t handler) noexcept {
  return sysv_signal(sig, handler);
}

BS_EXPORT void _exit(int status) { die_now(status); }

BS_EXPORT void _Exit(int status) noexcept { die_now(status); }

BS_EXPORT void quick_exit(int status) noexcept {
  quick_exit_status = status;
  if (next_definition(real_quick_exit, "quick_exit"))
    real_quick_exit(status);
  die_now(status);
}

BS_EXPORT void abort() noexcept {
  t_aborting = true;
  if (next_definition(real_abort, "abort"))
    real_abort();
  raise(SIGABRT); // not reached
  die_now(127);
}

BS_EXPORT int execve(const char *path, char *const argv[],
                     char *const envp[]) noexcept {
  return around_exec(
      [&] { return int(syscall(SYS_execve, path, argv, envp)); });
}

BS_EXPORT int execv(const char *path, char *const argv[]) noexcept {
  return execve(path, argv, environ);
}

BS_EXPORT int execvpe(const char *file, char *const argv[],
                      char *const envp[]) noexcept {
  if (!next_definition(real_execvpe, "execvpe")) {
    errno = ENOSYS;
    return -1;
  }
  return around_exec([&] { return real_execvpe(file, argv, envp); });
}

BS_EXPORT int execvp(const char *file, char *const argv[]) noexcept {
  return execvpe(file, argv, environ);
}

BS_EXPORT int fexecve(int fd, char *const argv[], char *const envp[]) noexcept {
  if (!next_definition(real_fexecve, "fexecve")) {
    errno = ENOSYS;
    return -1;
  }
  return around_exec([&] { return real_fexecve(fd, argv, envp); });
}

BS_EXPORT int execveat(int dirfd, const char *path, char *const argv[],
                       char *const envp[], int flags) noexcept {
  if (!next_definition(real_execveat, "execveat")) {
    errno = ENOSYS;
    return -1;
  }
  return around_exec(
      [&] { return real_execveat(dirfd, path, argv, envp, flags); });
}

// The variadic forms, as the C library builds them: argv on the stack (no
// allocation, also in a vfork child).
#define BS_COLLECT_ARGUMENTS(first, last_named)                                \
  va_list args;                                                                \
  va_start(args, last_named);                                                  \
  size_t n = count_arguments(first, args);                                     \
  auto **argv =                                                                \
      static_cast<const char **>(__builtin_alloca(n * sizeof(char *)));        \
  take_arguments(first, args, argv)

BS_EXPORT int execl(const char *path, const char *arg, ...) noexcept {
  BS_COLLECT_ARGUMENTS(arg, arg);
  va_end(args);
  return execve(path, const_cast<char *const *>(argv), environ);
}

BS_EXPORT int execlp(const char *file, const char *arg, ...) noexcept {
  BS_COLLECT_ARGUMENTS(arg, arg);
  va_end(args);
  return execvpe(file, const_cast<char *const *>(argv), environ);
}

BS_EXPORT int execle(const char *path, const char *arg, ...) noexcept {
  BS_COLLECT_ARGUMENTS(arg, arg);
  char *const *envp = va_arg(args, char *const *);
  va_end(args);
  return execve(path, const_cast<char *const *>(argv), envp);
}
