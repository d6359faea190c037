// The one-screen summary that `borrowscope run` prints after the program:
// the counts and the busiest functions.
#include "Names.h"
#include "Report.h"
#include "TextTable.h"
#include "TimeFormat.h"

#include <algorithm>
#include <map>

namespace borrowscope {

std::string render_summary(const OwnershipModel &m, const ReportOptions &o,
                           size_t max_functions) {
  Style st(o.color);
  auto [shared, mut, move, unknown] = m.borrow_counts();
  std::string s = "  " + plural(m.events, "event", "events") + " · " +
                  plural(m.threads.size(), "thread", "threads") + " · " +
                  plural(m.variables.size(), "variable", "variables") + " · " +
                  plural(m.borrows.size(), "borrow", "borrows") + " (" +
                  st.blue(std::to_string(shared) + " shared") + ", " +
                  st.red(std::to_string(mut) + " mut") +
                  (move ? ", " + st.yellow(std::to_string(move) + " move") : "") +
                  (unknown ? ", " + std::to_string(unknown) + " unknown" : "") +
                  ") · " + plural(m.moves.size(), "move", "moves") + " · " +
                  format_duration(m.last_time - m.first_time) + "\n";

  // Functions by how much they did, across threads.
  struct Row {
    StrId function;
    uint64_t variables = 0, borrows = 0, first = 0;
  };
  std::map<StrId, Row> rows;
  uint64_t order = 0;
  for (const Variable &v : m.variables) {
    auto [it, inserted] = rows.try_emplace(v.function, Row{v.function});
    if (inserted)
      it->second.first = order++;
    ++it->second.variables;
  }
  for (const Borrow &b : m.borrows) {
    auto [it, inserted] = rows.try_emplace(b.function, Row{b.function});
    if (inserted)
      it->second.first = order++;
    ++it->second.borrows;
  }
  std::vector<Row> sorted;
  for (auto &[id, row] : rows)
    sorted.push_back(row);
  std::sort(sorted.begin(), sorted.end(), [](const Row &a, const Row &b) {
    uint64_t x = a.variables + a.borrows, y = b.variables + b.borrows;
    return x != y ? x > y : a.first < b.first;
  });
  Table t;
  for (size_t i = 0; i < sorted.size() && i < max_functions; ++i) {
    const Row &r = sorted[i];
    std::string name =
        m.str(r.function).empty() ? "(unknown)"
                                  : visible(short_name(m.str(r.function)));
    std::string what = plural(r.variables, "variable", "variables");
    if (r.borrows)
      what += ", " + plural(r.borrows, "borrow", "borrows");
    t.row({cell(st.cyan(name), name), cell(what)});
  }
  s += t.render("    ");
  if (sorted.size() > max_functions)
    s += "    ... and " + std::to_string(sorted.size() - max_functions) +
         " more functions\n";
  if (!m.complete)
    s += "  " + st.yellow("the trace was cut short: events after that point "
                          "are missing") +
         "\n";
  return s;
}

} // namespace borrowscope
