// Aligned text tables for the terminal views (Report.cpp, Summary.cpp):
// cells of styled text that know their plain width, names fitted to a
// column, counts with their noun.
#ifndef BORROWSCOPE_TOOL_TEXT_TABLE_H
#define BORROWSCOPE_TOOL_TEXT_TABLE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace borrowscope {

/// A table whose cells are styled text plus their plain width.
class Table {
public:
  struct Cell {
    std::string text;
    size_t width;
  };
  void row(std::vector<Cell> cells) { rows_.push_back(std::move(cells)); }
  /// Each row on a line after \p indent, columns two spaces apart, no
  /// trailing spaces.
  std::string render(const std::string &indent) const;
  bool empty() const { return rows_.empty(); }

private:
  std::vector<std::vector<Cell>> rows_;
};

Table::Cell cell(std::string plain);
Table::Cell cell(std::string styled, std::string_view plain);

/// Widest a name or type may be in a table; longer ones are shortened (C++
/// names first lose their template arguments and parameters, then the
/// middle), so that one long type does not widen every row.
constexpr size_t max_cell_width = 40;
/// The same for "borrower → owner (function)".
constexpr size_t max_arrow_width = 64;

/// \p text (a name or type from the trace, already visible()) fitted into
/// \p max columns.
std::string fit(const std::string &text, size_t max = max_cell_width);

/// "1 move", "2 moves".
std::string plural(uint64_t n, std::string_view one, std::string_view many);

} // namespace borrowscope

#endif
