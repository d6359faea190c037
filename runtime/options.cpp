// Runtime settings from BORROWSCOPE_* environment variables.
#include "options.h"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <string_view>
#include <strings.h>
#include <unistd.h>

namespace borrowscope {

namespace {

const char *env(const char *name) {
  const char *value = std::getenv(name);
  return value && *value ? value : nullptr;
}

bool is_word(std::string_view value, const char *word) {
  return value.size() == std::string_view(word).size() &&
         strncasecmp(value.data(), word, value.size()) == 0;
}

void reject(const char *name, const char *value, const char *accepted) {
  report(std::string("ignoring ") + name + "='" + value + "' (accepted: " +
         accepted + ")");
}

bool parse_switch(const char *name, bool fallback) {
  const char *value = env(name);
  if (!value)
    return fallback;
  std::string_view v(value);
  for (const char *on : {"1", "on", "true", "yes"})
    if (is_word(v, on))
      return true;
  for (const char *off : {"0", "off", "false", "no"})
    if (is_word(v, off))
      return false;
  reject(name, value, "1, on, true, yes, 0, off, false, no");
  return fallback;
}

/// "trace", "check" or "both" into o; false for another word.
bool parse_mode(std::string_view v, Options &o) {
  if (is_word(v, "trace"))
    o.trace = true, o.check = false;
  else if (is_word(v, "check"))
    o.trace = false, o.check = true;
  else if (is_word(v, "both"))
    o.trace = true, o.check = true;
  else
    return false;
  return true;
}

} // namespace

// Defined by the object borrowscope-clang -fborrowscope=MODE links in
// (runtime/default_mode.c): the mode when BORROWSCOPE_MODE is not set.
extern "C" __attribute__((weak)) const char __borrowscope_default_mode_v2[];

void report(const std::string &message) {
  int saved = errno;
  std::string line = "borrowscope: " + message + "\n";
  // Best effort: a closed stderr must not hurt the program.
  ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
  errno = saved;
}

Options Options::from_environment() {
  Options o;
  o.enabled = parse_switch("BORROWSCOPE", o.enabled);
  o.verbose = parse_switch("BORROWSCOPE_VERBOSE", o.verbose);
  if (const char *out = env("BORROWSCOPE_OUTPUT"))
    o.output = out;
  if (const char *clock = env("BORROWSCOPE_CLOCK")) {
    std::string_view v(clock);
    if (is_word(v, "exact"))
      o.clock_exact = true;
    else if (!is_word(v, "sync"))
      reject("BORROWSCOPE_CLOCK", clock, "sync, exact");
  }
  if (__borrowscope_default_mode_v2)
    parse_mode(__borrowscope_default_mode_v2, o);
  if (const char *mode = env("BORROWSCOPE_MODE"))
    if (!parse_mode(mode, o))
      reject("BORROWSCOPE_MODE", mode, "trace, check, both");
  o.halt_on_error = parse_switch("BORROWSCOPE_HALT_ON_ERROR", o.halt_on_error);
  o.check_thread = parse_switch("BORROWSCOPE_CHECK_THREAD", o.check_thread);
  if (const char *log = env("BORROWSCOPE_LOG"))
    o.log = log;
  if (const char *file = env("BORROWSCOPE_SUPPRESSIONS"))
    o.suppressions = file;
  if (const char *dir = env("BORROWSCOPE_FINDINGS_DIR"))
    o.findings_dir = dir;
  if (const char *code = env("BORROWSCOPE_EXITCODE")) {
    std::string_view v(code);
    int n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < 0 || n > 255)
      reject("BORROWSCOPE_EXITCODE", code, "a number from 0 to 255");
    else
      o.exitcode = n;
  }
  if (const char *size = env("BORROWSCOPE_BUFFER_EVENTS")) {
    std::string_view v(size);
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() ||
        n < min_buffer_events || n > max_buffer_events)
      reject("BORROWSCOPE_BUFFER_EVENTS", size,
             ("a number from " + std::to_string(min_buffer_events) + " to " +
              std::to_string(max_buffer_events))
                 .c_str());
    else
      o.buffer_events = static_cast<uint32_t>(n);
  }
  return o;
}

} // namespace borrowscope
