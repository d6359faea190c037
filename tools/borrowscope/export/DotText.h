// What both dot exports (by declaration and by instance) write the same way:
// quoting, names from the trace made visible, and the style of each kind of
// edge, so that the two graphs read alike.
#ifndef BORROWSCOPE_TOOL_DOT_TEXT_H
#define BORROWSCOPE_TOOL_DOT_TEXT_H

#include "Event.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace borrowscope::dot {

/// A DOT double-quoted string.
std::string quoted(std::string_view s);

/// A string of the trace in a label: control characters, escape sequences
/// and bytes that are not UTF-8 shown visibly (the file is text that may be
/// printed; Graphviz would draw them as nothing or fail).
std::string text(std::string_view s);

/// "1 move", "2 moves".
std::string count(size_t n, std::string_view one, std::string_view many);

/// "file.c:12:5" -> ":12"; the file is in the cluster label.
std::string line_of(std::string_view location);

/// The colour of a borrow of this kind, as "#rrggbb".
const char *borrow_color(Mutability m);
/// "&", "&mut", "&&" or "&?".
const char *borrow_label(Mutability m);

/// Nodes 0..n-1 grouped into clusters by key(i), a (thread, function) pair
/// (nullopt leaves node i out): the clusters by thread, and within a thread
/// in order of first appearance (threads' events interleave in the trace).
template <class KeyOf> auto clusters_in_order(uint32_t n, KeyOf key) {
  using Key = typename decltype(key(0))::value_type;
  std::map<Key, std::vector<uint32_t>> members;
  std::vector<Key> order;
  for (uint32_t i = 0; i < n; ++i)
    if (std::optional<Key> k = key(i)) {
      auto [it, inserted] = members.try_emplace(*k);
      if (inserted)
        order.push_back(*k);
      it->second.push_back(i);
    }
  // (std::stable_sort would do, but libstdc++ 12 warns about it under clang
  // in C++20.)
  std::vector<size_t> rank(order.size());
  std::iota(rank.begin(), rank.end(), size_t(0));
  std::sort(rank.begin(), rank.end(), [&](size_t a, size_t b) {
    return std::tie(order[a].first, a) < std::tie(order[b].first, b);
  });
  std::vector<std::pair<Key, std::vector<uint32_t>>> result;
  for (size_t r : rank)
    result.emplace_back(order[r], std::move(members[order[r]]));
  return result;
}

inline constexpr const char *graph_defaults =
    "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\","
    " fontsize=11, color=\"#1f2937\", fillcolor=\"#ffffff\"];\n"
    "  edge [fontname=\"Helvetica\", fontsize=9];\n";
inline constexpr const char *dropped_style =
    ", color=\"#9ca3af\", fontcolor=\"#6b7280\", fillcolor=\"#f3f4f6\"";
inline constexpr const char *move_color = "#111827";

} // namespace borrowscope::dot

#endif
