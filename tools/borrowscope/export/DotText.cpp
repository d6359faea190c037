// Quoting and edge styles shared by the dot exports (DotText.h).
#include "DotText.h"
#include "Names.h"

namespace borrowscope::dot {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string text(std::string_view s) { return visible(s); }

std::string count(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string line_of(std::string_view location) {
  size_t last = location.rfind(':');
  if (last == std::string_view::npos || last == 0)
    return std::string(location);
  size_t line = location.rfind(':', last - 1);
  if (line == std::string_view::npos)
    return std::string(location);
  return std::string(location.substr(line, last - line));
}

const char *borrow_color(Mutability m) {
  switch (m) {
  case Mutability::Mutable:
    return "#dc2626";
  case Mutability::Shared:
    return "#2563eb";
  case Mutability::Move:
    return "#ea580c";
  case Mutability::Unknown:
    break;
  }
  return "#7c3aed";
}

const char *borrow_label(Mutability m) {
  switch (m) {
  case Mutability::Mutable:
    return "&mut";
  case Mutability::Shared:
    return "&";
  case Mutability::Move:
    return "&&";
  case Mutability::Unknown:
    break;
  }
  return "&?";
}

} // namespace borrowscope::dot
