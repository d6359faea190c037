#include "Names.h"

#include <cstring>

namespace borrowscope {

std::string short_name(std::string_view name) {
  std::string out;
  int depth = 0; // inside <...> or (...) below the top level
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool open = c == '<' || c == '(';
    bool close = c == '>' || c == ')';
    // "operator<", "operator()" and "->" are not brackets.
    if ((open || close) && depth == 0 && i >= 8 &&
        name.substr(i - 8, 8) == "operator") {
      out += c;
      continue;
    }
    if (c == '>' && i > 0 && name[i - 1] == '-')
      close = false;
    if (open) {
      if (depth++ == 0) {
        out += c;
        bool empty = i + 1 < name.size() && (name[i + 1] == ')' || name[i + 1] == '>');
        if (!empty)
          out += "…";
      }
      continue;
    }
    if (close && depth > 0) {
      if (--depth == 0)
        out += c;
      continue;
    }
    if (depth == 0)
      out += c;
  }
  return depth == 0 ? out : std::string(name); // unbalanced: leave it be
}

std::string callee_label(std::string_view name) {
  std::string s = short_name(name);
  if (s.find('(') == std::string::npos)
    s += "()";
  return s;
}

std::string signal_name(int number) {
  if (const char *abbrev = sigabbrev_np(number))
    return std::string("SIG") + abbrev;
  return "signal " + std::to_string(number);
}

} // namespace borrowscope
