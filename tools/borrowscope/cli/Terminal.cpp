#include "Terminal.h"

#include <cstdlib>
#include <unistd.h>

namespace borrowscope {

bool parse_color_mode(std::string_view text, ColorMode &mode) {
  if (text == "auto")
    mode = ColorMode::Auto;
  else if (text == "always")
    mode = ColorMode::Always;
  else if (text == "never")
    mode = ColorMode::Never;
  else
    return false;
  return true;
}

bool use_color(std::FILE *stream, ColorMode mode) {
  if (mode != ColorMode::Auto)
    return mode == ColorMode::Always;
  const char *no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color)
    return false;
  const char *term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb")
    return false;
  return ::isatty(::fileno(stream));
}

std::string Style::wrap(const char *code, std::string_view s) const {
  if (!enabled_ || s.empty())
    return std::string(s);
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

size_t display_width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xc0) != 0x80;
  return n;
}

std::string pad(const std::string &s, size_t width, size_t plain_width) {
  if (plain_width >= width)
    return s;
  return s + std::string(width - plain_width, ' ');
}

} // namespace borrowscope
