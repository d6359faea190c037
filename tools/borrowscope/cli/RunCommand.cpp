// borrowscope run [-o TRACE] -- PROGRAM ARGS...: runs an instrumented
// program with BORROWSCOPE_OUTPUT set, then says where the trace went and
// summarizes it on stderr (the program's stdout and stderr are its own).
// In check mode (--check, or BORROWSCOPE_MODE=check or both) every process
// the command starts checks itself and leaves its findings in a directory
// of the run's (BORROWSCOPE_FINDINGS_DIR), merged into one summary at the
// end (FindingsDir.h).
// Exits with the program's exit code, or 128 + the signal that killed it.
#include "Args.h"
#include "BinaryTraceReader.h"
#include "Commands.h"
#include "FindingsDir.h"
#include "Names.h"
#include "Report.h"
#include "output_path.h"

#include <strings.h>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace borrowscope {

namespace {
const char *const help =
    "usage: borrowscope run [OPTIONS] [--] PROGRAM [ARGS...]\n\n"
    "Runs PROGRAM (built with borrowscope-clang or borrowscope-clang++) with\n"
    "BORROWSCOPE_OUTPUT set, then prints where the trace went and a summary on\n"
    "stderr. The program's own output passes through untouched. The exit code\n"
    "is the program's (128 + the signal number if a signal killed it).\n\n"
    "With --check (or BORROWSCOPE_MODE=check in the environment) no trace is\n"
    "written: every process PROGRAM starts (make check, ctest) checks itself\n"
    "as it runs, and the run ends with their findings merged, each once.\n"
    "BORROWSCOPE_MODE=both does both.\n\n"
    "options:\n"
    "  -o, --output TRACE  where the trace goes; %p in it becomes the pid.\n"
    "                      Default: a new borrowscope-PROGRAM-N.trace here\n"
    "  --check             check mode: findings of every process, no trace\n"
    "  -q, --quiet         only say where the trace went, no summary\n"
    "  --color WHEN        auto (default), always or never\n"
    "  -h, --help          this help\n";

// Exit codes of a command that could not be run, as shells use them.
constexpr int exit_not_executable = 126;
constexpr int exit_not_found = 127;

std::string escape_percent(const std::string &path) {
  std::string out;
  for (char c : path) {
    out += c;
    if (c == '%')
      out += '%';
  }
  return out;
}

/// Reserves a new file "borrowscope-<program>-<n>.trace" in the current
/// directory (created empty, so that no two runs pick the same name).
std::string reserve_trace_name(const std::string &program) {
  std::string base = program.substr(program.rfind('/') + 1);
  for (char &c : base)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
          c == '-'))
      c = '_';
  if (base.empty())
    base = "program";
  for (int n = 1; n < 100000; ++n) {
    std::string name = "borrowscope-" + base + "-" + std::to_string(n) + ".trace";
    int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      return name;
    }
    if (errno != EEXIST)
      throw UsageError("cannot create a trace file in the current directory: " +
                       std::string(std::strerror(errno)));
  }
  throw UsageError("no free trace file name in the current directory");
}

off_t file_size(const std::string &path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? st.st_size : -1;
}

std::string signal_description(int sig) {
  const char *name = ::strsignal(sig);
  return std::to_string(sig) + (name ? std::string(" (") + name + ")" : "");
}

/// Whether \p path starts like a binary (version 2) trace.
bool starts_binary(const std::string &path) {
  char head[64] = {};
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (!f)
    return false;
  size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  return is_binary_trace(std::string_view(head, n));
}

/// \p word as one word of a command line to copy: as it is when it holds
/// only safe characters, else in single quotes (and visible()).
std::string shell_word(const std::string &word) {
  bool safe = !word.empty();
  for (char c : word)
    safe &= std::isalnum(static_cast<unsigned char>(c)) ||
            (c && std::strchr("/._-+,:=%@", c) != nullptr);
  if (safe)
    return word;
  std::string out = "'";
  for (char c : visible(word))
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Child {
  pid_t pid = -1;
  int exec_errno = 0; ///< why exec failed, 0 if it did not
};

/// Starts the program; ignores SIGINT and SIGQUIT meanwhile (as system()
/// does), so that ^C stops the program and we still report its trace.
Child start(const std::vector<std::string> &command,
            const std::string &output_pattern, const std::string &mode,
            const std::string &findings_dir) {
  std::vector<char *> argv;
  for (const std::string &a : command)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    throw UsageError(std::string("cannot start the program: ") +
                     std::strerror(errno));
  std::fflush(nullptr);
  Child child;
  child.pid = ::fork();
  if (child.pid < 0) {
    int e = errno;
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw UsageError(std::string("cannot start the program: ") +
                     std::strerror(e));
  }
  if (child.pid == 0) {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGQUIT, SIG_DFL);
    ::close(pipe_fds[0]);
    ::unsetenv("BORROWSCOPE"); // BORROWSCOPE=off would defeat `run`
    if (!output_pattern.empty())
      ::setenv("BORROWSCOPE_OUTPUT", output_pattern.c_str(), 1);
    if (!mode.empty())
      ::setenv("BORROWSCOPE_MODE", mode.c_str(), 1);
    if (!findings_dir.empty())
      ::setenv("BORROWSCOPE_FINDINGS_DIR", findings_dir.c_str(), 1);
    ::execvp(argv[0], argv.data());
    int e = errno;
    ssize_t ignored = ::write(pipe_fds[1], &e, sizeof e);
    (void)ignored;
    ::_exit(exit_not_found);
  }
  ::close(pipe_fds[1]);
  int e = 0;
  ssize_t n;
  do
    n = ::read(pipe_fds[0], &e, sizeof e);
  while (n < 0 && errno == EINTR);
  ::close(pipe_fds[0]);
  if (n == sizeof e)
    child.exec_errno = e;
  return child;
}

int wait_for(pid_t pid, int &signal_number) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      return exit_bad_input;
  }
  signal_number = 0;
  if (WIFSIGNALED(status)) {
    signal_number = WTERMSIG(status);
    return 128 + signal_number;
  }
  return WEXITSTATUS(status);
}

/// The mode the run asks for: "check" with --check, else what the
/// environment says ("trace" when it says nothing the runtime takes).
std::string run_mode(bool check) {
  if (check)
    return "check";
  const char *env = std::getenv("BORROWSCOPE_MODE");
  for (const char *mode : {"check", "both"})
    if (env && strcasecmp(env, mode) == 0)
      return mode;
  return "trace";
}

/// A new private directory for the processes' findings.
std::string make_findings_dir() {
  const char *tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp && *tmp ? tmp : "/tmp") + "/borrowscope-run-XXXXXX";
  if (!::mkdtemp(pattern.data()))
    throw UsageError("cannot create a directory for the findings: " +
                     std::string(std::strerror(errno)));
  return pattern;
}

std::string command_line(const std::vector<std::string> &command) {
  std::string text;
  for (const std::string &a : command)
    text += (text.empty() ? "" : " ") + a;
  return text;
}

} // namespace

int run_main(const std::vector<std::string> &args) {
  std::string output, color = "auto";
  bool quiet = false, check = false;
  ParsedArgs parsed;
  ColorMode color_mode = ColorMode::Auto;
  std::string mode, findings_dir;
  bool reserved = false;
  try {
    parsed = parse_args(args,
                        {{"output", 'o', &output, nullptr},
                         {"quiet", 'q', nullptr, &quiet},
                         {"check", 0, nullptr, &check},
                         {"color", 0, &color, nullptr}},
                        /*stop_at_positional=*/true);
    if (parsed.help) {
      std::fputs(help, stdout);
      return exit_ok;
    }
    if (!parse_color_mode(color, color_mode))
      throw UsageError("--color must be auto, always or never, not '" + color +
                       "'");
    if (parsed.rest.empty())
      throw UsageError("no program to run");
    if (check && !output.empty())
      throw UsageError("--check writes no trace: -o has no use with it "
                       "(BORROWSCOPE_MODE=both writes one and checks)");
    mode = run_mode(check);
    if (mode != "trace")
      findings_dir = make_findings_dir();
    if (output.empty() && mode != "check") {
      output = escape_percent(reserve_trace_name(parsed.rest[0]));
      reserved = true;
    }
  } catch (const UsageError &e) {
    print_error(std::string("run: ") + e.what() +
                " (see borrowscope run --help)");
    return exit_bad_input;
  }
  const std::string &program = parsed.rest[0];
  std::string reserved_path = reserved ? expand_output_path(output, 0) : "";

  struct sigaction ignore {}, old_int{}, old_quit{};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  Child child;
  try {
    child = start(parsed.rest, output, check ? mode : "", findings_dir);
  } catch (const UsageError &e) {
    print_error(std::string("run: ") + e.what());
    if (reserved)
      std::remove(reserved_path.c_str());
    if (!findings_dir.empty())
      remove_findings_dir(findings_dir);
    return exit_bad_input;
  }
  int signal_number = 0;
  int code = wait_for(child.pid, signal_number);
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);

  if (child.exec_errno) {
    print_error("run: cannot run '" + program +
                "': " + std::strerror(child.exec_errno));
    if (reserved)
      std::remove(reserved_path.c_str());
    if (!findings_dir.empty())
      remove_findings_dir(findings_dir);
    return child.exec_errno == ENOENT ? exit_not_found : exit_not_executable;
  }

  if (!findings_dir.empty()) {
    MergedFindings merged = merge_findings(findings_dir);
    remove_findings_dir(findings_dir);
    std::fputs(render_merged(merged, command_line(parsed.rest)).c_str(),
               stderr);
    if (mode == "check")
      return code;
  }

  std::string trace = expand_output_path(output, child.pid);
  Style st(use_color(stderr, color_mode));
  std::string how = signal_number
                        ? "was killed by signal " + signal_description(signal_number)
                        : "exited with " + std::to_string(code);
  if (file_size(trace) <= 0) {
    if (reserved)
      std::remove(trace.c_str());
    print_error(program + " " + how + " and wrote no trace" +
                (signal_number ? " (it died before the trace was written)"
                               : "; was it built with borrowscope-clang?"));
    return code;
  }
  std::fprintf(stderr, "borrowscope: %s %s; trace: %s\n",
               visible(program).c_str(), how.c_str(),
               st.bold(visible(trace)).c_str());
  if (quiet)
    return code;
  OwnershipModel model;
  // A killed program leaves a trace without its end: show what it has.
  if (!load_trace(trace, /*partial=*/true, model))
    return code;
  ReportOptions options;
  options.trace_name = trace;
  options.color = st.enabled();
  std::string text = render_summary(model, options);
  // A binary trace cut short is read as it is; a JSON one (an older
  // runtime) only with --partial.
  std::string partial =
      !model.complete && !starts_binary(trace) ? " --partial" : "";
  text += "  next: borrowscope report" + partial + " " + shell_word(trace) +
          "\n" + "        borrowscope export" + partial + " " +
          shell_word(trace) + " --format html -o " +
          shell_word(program.substr(program.rfind('/') + 1) + ".html") + "\n";
  std::fputs(text.c_str(), stderr);
  return code;
}

} // namespace borrowscope
