// Runtime settings from BORROWSCOPE_* environment variables.
#include "options.h"

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace borrowscope {

namespace {

const char *env(const char *name) {
  const char *value = std::getenv(name);
  return value && *value ? value : nullptr;
}

bool parse_switch(const char *name, bool fallback) {
  const char *value = env(name);
  if (!value)
    return fallback;
  std::string_view v(value);
  if (v == "1" || v == "on" || v == "true" || v == "yes")
    return true;
  if (v == "0" || v == "off" || v == "false" || v == "no")
    return false;
  report(std::string("ignoring ") + name + "='" + value +
         "' (expected 1 or 0)");
  return fallback;
}

} // namespace

void report(const std::string &message) {
  std::string line = "borrowscope: " + message + "\n";
  // Best effort: a closed stderr must not hurt the program.
  ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

Options Options::from_environment() {
  Options o;
  o.enabled = parse_switch("BORROWSCOPE", o.enabled);
  o.verbose = parse_switch("BORROWSCOPE_VERBOSE", o.verbose);
  if (const char *out = env("BORROWSCOPE_OUTPUT"))
    o.output = out;
  if (const char *clock = env("BORROWSCOPE_CLOCK")) {
    std::string_view v(clock);
    if (v == "fast")
      o.clock_reuse = fast_clock_reuse;
    else if (v != "exact")
      report(std::string("ignoring BORROWSCOPE_CLOCK='") + clock +
             "' (expected fast or exact)");
  }
  if (const char *size = env("BORROWSCOPE_BUFFER_EVENTS")) {
    std::string_view v(size);
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() ||
        n < min_buffer_events || n > max_buffer_events)
      report(std::string("ignoring BORROWSCOPE_BUFFER_EVENTS='") + size +
             "' (expected a number from " +
             std::to_string(min_buffer_events) + " to " +
             std::to_string(max_buffer_events) + ")");
    else
      o.buffer_events = static_cast<uint32_t>(n);
  }
  return o;
}

} // namespace borrowscope
