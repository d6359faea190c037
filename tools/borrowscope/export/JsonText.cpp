#include "JsonText.h"

#include <charconv>

namespace borrowscope {

void append_json_string(std::string &out, std::string_view s, bool for_html) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
    case '"': out += "\\\""; continue;
    case '\\': out += "\\\\"; continue;
    case '\n': out += "\\n"; continue;
    case '\r': out += "\\r"; continue;
    case '\t': out += "\\t"; continue;
    default: break;
    }
    bool escape = c < 0x20 || c == 0x7f ||
                  (for_html && (c == '<' || c == '>' || c == '&'));
    if (escape) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
      continue;
    }
    // U+2028 and U+2029 (E2 80 A8/A9) end lines in older JavaScript.
    if (for_html && c == 0xe2 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xfe) == 0xa8) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xa8 ? "\\u2028"
                                                          : "\\u2029";
      i += 2;
      continue;
    }
    out += char(c);
  }
  out += '"';
}

void append_number(std::string &out, uint64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  (void)ec;
  out.append(buf, end);
}

} // namespace borrowscope
