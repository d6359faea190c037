#include "Names.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

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

namespace {

/// The length of the UTF-8 sequence at \p s[i] and its code point, or 0
/// when the bytes there are not UTF-8 (overlong forms, surrogates and code
/// points above U+10FFFF included).
size_t decode(std::string_view s, size_t i, uint32_t &cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n;
  uint32_t min;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if ((c & 0xe0) == 0xc0) {
    n = 2, cp = c & 0x1f, min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3, cp = c & 0x0f, min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size())
    return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80)
      return 0;
    cp = cp << 6 | (byte(i + k) & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return n;
}

/// Code points above ASCII that act on a terminal or on how text reads:
/// C1 controls (U+009B is CSI), bidirectional embeddings, overrides and
/// isolates, line and paragraph separators, the byte order mark.
bool acts(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
         cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

bool plain_ascii(std::string_view s) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7f)
      return false;
  }
  return true;
}

} // namespace

std::string visible(std::string_view s) {
  if (plain_ascii(s))
    return std::string(s);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = 0;
    size_t n = decode(s, i, cp);
    if (n == 0 || cp < 0x20 || cp == 0x7f) {
      switch (n ? c : 0) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
      ++i;
      continue;
    }
    if (acts(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%x}", unsigned(cp));
      out += buf;
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  uint32_t cp;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = decode(s, i, cp);
    if (n == 0)
      return false;
    i += n;
  }
  return true;
}

std::string valid_utf8(std::string_view s) {
  if (is_valid_utf8(s))
    return std::string(s);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  uint32_t cp;
  for (size_t i = 0; i < s.size();) {
    size_t n = decode(s, i, cp);
    if (n) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i++]);
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

uint32_t acting_code_point(std::string_view s, size_t i, size_t &length) {
  if (static_cast<unsigned char>(s[i]) < 0x80)
    return 0;
  uint32_t cp = 0;
  length = decode(s, i, cp);
  return length && acts(cp) ? cp : 0;
}

std::string json_without_acting(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    size_t n = 1;
    if (uint32_t cp = acting_code_point(json, i, n)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
      out += buf;
      i += n;
      continue;
    }
    out += json[i++];
  }
  return out;
}

bool needs_escaping(std::string_view s) {
  return !plain_ascii(s) && visible(s) != s;
}

std::string elide(std::string_view s, size_t max) {
  // Code point boundaries, so that no UTF-8 sequence is cut.
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80)
      starts.push_back(i);
  if (starts.size() <= max || max < 3)
    return std::string(s);
  size_t tail = (max - 1) / 2, head = max - 1 - tail;
  return std::string(s.substr(0, starts[head])) + "…" +
         std::string(s.substr(starts[starts.size() - tail]));
}

std::string signal_name(int number) {
  if (const char *abbrev = sigabbrev_np(number))
    return std::string("SIG") + abbrev;
  return "signal " + std::to_string(number);
}

} // namespace borrowscope
