// Colours for terminals: on when the stream is a terminal, unless NO_COLOR
// is set (https://no-color.org) or TERM is "dumb"; --color overrides.
#ifndef BORROWSCOPE_TOOL_TERMINAL_H
#define BORROWSCOPE_TOOL_TERMINAL_H

#include <cstdio>
#include <string>
#include <string_view>

namespace borrowscope {

enum class ColorMode { Auto, Always, Never };

/// Parses "auto", "always", "never"; false for anything else.
bool parse_color_mode(std::string_view text, ColorMode &mode);

bool use_color(std::FILE *stream, ColorMode mode);

/// Wraps text in ANSI styles when enabled, returns it unchanged otherwise.
class Style {
public:
  explicit Style(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string red(std::string_view s) const { return wrap("31", s); }
  std::string green(std::string_view s) const { return wrap("32", s); }
  std::string yellow(std::string_view s) const { return wrap("33", s); }
  std::string blue(std::string_view s) const { return wrap("34", s); }
  std::string magenta(std::string_view s) const { return wrap("35", s); }
  std::string cyan(std::string_view s) const { return wrap("36", s); }
  std::string heading(std::string_view s) const { return wrap("1;36", s); }

private:
  std::string wrap(const char *code, std::string_view s) const;
  bool enabled_;
};

/// Columns \p s takes on a terminal (UTF-8 code points; no wide characters
/// are expected in names).
size_t display_width(std::string_view s);

/// \p s padded with spaces to \p width columns (ANSI codes not counted:
/// pass the plain text's width in \p plain_width when \p s is styled).
std::string pad(const std::string &s, size_t width, size_t plain_width);

} // namespace borrowscope

#endif
