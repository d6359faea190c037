// Small helpers to write JSON text directly (the exporters stream; building
// Boost.JSON values for a million events would cost memory for nothing).
#ifndef BORROWSCOPE_TOOL_JSON_TEXT_H
#define BORROWSCOPE_TOOL_JSON_TEXT_H

#include <cstdint>
#include <string>
#include <string_view>

namespace borrowscope {

/// Appends \p s as a JSON string literal. With \p for_html, also escapes
/// '<', '>', '&' and U+2028/9 so that the text can sit inside a <script>
/// element: no name from a trace can close it.
void append_json_string(std::string &out, std::string_view s,
                        bool for_html = false);

void append_number(std::string &out, uint64_t n);

} // namespace borrowscope

#endif
