#include "JsonText.h"
#include "Names.h"

#include <charconv>

namespace borrowscope {

void append_json_string(std::string &out, std::string_view text,
                        bool for_html) {
  static const char hex[] = "0123456789abcdef";
  // JSON is UTF-8: bytes that are not show as "\xff" (for_html or not).
  std::string repaired;
  std::string_view s = text;
  if (!is_valid_utf8(text)) {
    repaired = valid_utf8(text);
    s = repaired;
  }
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
    // C1 controls, bidirectional controls, U+2028 and U+2029 (they end
    // lines in older JavaScript) and the BOM act on terminals and on how
    // text reads: spelled "\u202e", the same string to a JSON reader.
    size_t n = 1;
    if (uint32_t cp = c >= 0x80 ? acting_code_point(s, i, n) : 0) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(cp >> shift) & 15];
      i += n - 1;
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
