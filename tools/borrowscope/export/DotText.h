// What both dot exports (by declaration and by instance) write the same way:
// quoting, names from the trace made visible, and the style of each kind of
// edge, so that the two graphs read alike.
#ifndef BORROWSCOPE_TOOL_DOT_TEXT_H
#define BORROWSCOPE_TOOL_DOT_TEXT_H

#include "Event.h"

#include <string>
#include <string_view>

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

inline constexpr const char *graph_defaults =
    "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\","
    " fontsize=11, color=\"#1f2937\", fillcolor=\"#ffffff\"];\n"
    "  edge [fontname=\"Helvetica\", fontsize=9];\n";
inline constexpr const char *dropped_style =
    ", color=\"#9ca3af\", fontcolor=\"#6b7280\", fillcolor=\"#f3f4f6\"";
inline constexpr const char *move_color = "#111827";

} // namespace borrowscope::dot

#endif
