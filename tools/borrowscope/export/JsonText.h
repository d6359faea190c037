// Small helpers to write JSON text directly (the exporters stream; building
// Boost.JSON values for a million events would cost memory for nothing).
#ifndef BORROWSCOPE_TOOL_JSON_TEXT_H
#define BORROWSCOPE_TOOL_JSON_TEXT_H

#include <cstdint>
#include <string>
#include <string_view>

namespace borrowscope {

/// Appends \p s as a JSON string literal: control characters, C1 and
/// bidirectional controls and U+2028/9 as \u escapes, so that the file is
/// safe to print. With \p for_html, also escapes '<', '>', '&' so that the
/// text can sit inside a <script> element: no name from a trace can close
/// it. Bytes that are not UTF-8 become the text "\xff" (JSON must be UTF-8).
void append_json_string(std::string &out, std::string_view s,
                        bool for_html = false);

void append_number(std::string &out, uint64_t n);

} // namespace borrowscope

#endif
