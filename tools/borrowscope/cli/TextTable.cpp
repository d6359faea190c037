// Aligned text tables (TextTable.h).
#include "TextTable.h"
#include "Names.h"
#include "Terminal.h"

#include <algorithm>

namespace borrowscope {

std::string Table::render(const std::string &indent) const {
  std::vector<size_t> widths;
  for (const auto &r : rows_)
    for (size_t i = 0; i < r.size(); ++i) {
      if (widths.size() <= i)
        widths.push_back(0);
      widths[i] = std::max(widths[i], r[i].width);
    }
  std::string out;
  for (const auto &r : rows_) {
    std::string line = indent;
    for (size_t i = 0; i < r.size(); ++i)
      line += i + 1 < r.size() ? pad(r[i].text, widths[i] + 2, r[i].width)
                               : r[i].text;
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
  }
  return out;
}

Table::Cell cell(std::string plain) {
  size_t w = display_width(plain);
  return {std::move(plain), w};
}

Table::Cell cell(std::string styled, std::string_view plain) {
  return {std::move(styled), display_width(plain)};
}

std::string fit(const std::string &text, size_t max) {
  if (display_width(text) <= max)
    return text;
  return elide(short_name(text), max);
}

std::string plural(uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

} // namespace borrowscope
