// The ownership graph for Graphviz by instance (export --instances; the
// default is by declaration, DotGraph.cpp): a node per variable instance, clustered
// by thread and function; borrows point from borrower to owner (shared blue,
// mutable red, unknown purple dashed); moves are bold; dropped variables are
// grey; borrows of kind move (bound to T&&) are orange. Borrowers that are
// not variables (a call, a return, memory) get a node of their own, one per
// name.
#include "DotText.h"
#include "Exporters.h"
#include "Names.h"
#include "TimeFormat.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace borrowscope {

using namespace dot;

void export_dot(const OwnershipModel &m, Output &out) {
  out << "digraph borrowscope {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=";
  out << quoted(text(m.header.program) + ": " +
                count(m.variables.size(), "variable", "variables") + ", " +
                count(m.borrows.size(), "borrow", "borrows") + ", " +
                count(m.moves.size(), "move", "moves"));
  out << "];\n" << graph_defaults;

  // Clusters: (thread, function), threads in order, functions in order of
  // first appearance.
  auto clusters = clusters_in_order(
      uint32_t(m.variables.size()),
      [&](uint32_t i) -> std::optional<std::pair<uint32_t, StrId>> {
        return std::make_pair(m.variables[i].thread_index,
                              m.variables[i].function);
      });
  size_t cluster = 0;
  for (const auto &[key, members] : clusters) {
    const Thread &t = m.threads[key.first];
    out << "  subgraph cluster_" << std::to_string(cluster++) << " {\n"
        << "    label=" << quoted(text(short_name(m.str(key.second))) + "  (thread " +
                                  std::to_string(t.id) + ")")
        << "; style=rounded; color=\"#94a3b8\";\n";
    for (uint32_t i : members) {
      const Variable &v = m.variables[i];
      std::string label = text(m.str(v.name)) + "\n" + text(m.str(v.type)) +
                          "  " + text(line_of(m.str(v.location)));
      if (v.has(Variable::Dropped))
        label += "\n" + format_duration(m.lifetime(v));
      out << "    v" << std::to_string(i) << " [label=" << quoted(label);
      if (v.has(Variable::Dropped))
        out << dropped_style;
      else
        out << ", penwidth=2";
      out << "];\n";
    }
    out << "  }\n";
  }

  // Borrowers that are not variables: calls, returns, memory, globals.
  std::map<std::pair<BorrowerKind, StrId>, size_t> others;
  for (const Borrow &b : m.borrows) {
    if (b.borrower != no_index)
      continue;
    auto key = std::make_pair(b.kind, b.borrower_name);
    if (others.count(key))
      continue;
    size_t n = others.size();
    others[key] = n;
    std::string label = b.kind == BorrowerKind::Call
                            ? text(callee_label(m.str(b.borrower_name)))
                            : text(m.str(b.borrower_name));
    out << "  o" << std::to_string(n) << " [label=" << quoted(label)
        << ", shape=" << (b.kind == BorrowerKind::Call ? "oval" : "note")
        << ", style=\"dashed\"];\n";
  }

  for (const Borrow &b : m.borrows) {
    std::string from =
        b.borrower != no_index
            ? "v" + std::to_string(b.borrower)
            : "o" + std::to_string(others[{b.kind, b.borrower_name}]);
    Mutability k = b.mutability;
    std::string style = std::string("color=\"") + borrow_color(k) +
                        "\", fontcolor=\"" + borrow_color(k) + "\", " +
                        (k == Mutability::Unknown ? "style=dashed, " : "") +
                        "label=" + quoted(borrow_label(k));
    out << "  " << from << " -> v" << std::to_string(b.owner) << " [" << style
        << "];\n";
  }
  for (const Move &mv : m.moves) {
    if (mv.to == no_index)
      continue;
    out << "  v" << std::to_string(mv.from) << " -> v" << std::to_string(mv.to)
        << " [style=bold, penwidth=2.5, color=\"#111827\", label=\"move\"];\n";
  }
  out << "}\n";
}

} // namespace borrowscope
