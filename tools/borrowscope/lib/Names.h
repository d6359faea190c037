// Shorter spellings of demangled C++ names for tables and labels:
// "std::vector<Book, std::allocator<Book>>::push_back(Book const&)" becomes
// "std::vector<…>::push_back(…)". Full names stay in the model and exports.
#ifndef BORROWSCOPE_TOOL_NAMES_H
#define BORROWSCOPE_TOOL_NAMES_H

#include <cstdint>
#include <string>
#include <string_view>

namespace borrowscope {

/// Template arguments and parameter lists collapsed to "<…>" and "(…)"
/// ("()" stays "()"). Names without them are returned unchanged.
std::string short_name(std::string_view name);

/// How a callee is shown as a borrower: its short name, with "()" added
/// when the name has no parameter list (C functions: "bump()").
std::string callee_label(std::string_view name);

/// \p text as it may be shown on a terminal or written into a text file:
/// every byte that would act rather than show is spelled out. Control
/// characters become "\n", "\t", "\r", "\x1b" (ESC: no escape sequence from a
/// trace can colour, move the cursor or set a title), "\x7f"; C1 controls,
/// bidirectional overrides and line separators become "\u{9b}", "\u{202e}",
/// "\u{2028}"; bytes that are not UTF-8 become "\xff". Printable text,
/// UTF-8 included, is unchanged. Backslashes are left as they are.
std::string visible(std::string_view text);

/// \p text with only the bytes that are not UTF-8 spelled out ("\xff"), for
/// formats that must be UTF-8 (JSON) and escape control characters their
/// own way.
std::string valid_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);

/// The code point of the UTF-8 sequence at \p text[i] when it is one that
/// acts on a terminal (a C1 control, a bidirectional control, a line
/// separator, the BOM; all below U+10000), with its length in \p length;
/// 0 otherwise.
uint32_t acting_code_point(std::string_view text, size_t i, size_t &length);

/// JSON text with those code points written as "\u202e" (lossless: JSON
/// strings may spell any character so, and they occur only in strings).
std::string json_without_acting(std::string_view json);

/// Whether visible(text) differs from text.
bool needs_escaping(std::string_view text);

/// \p text shortened to at most \p max columns (code points), the middle
/// replaced by "…" (both ends say most: "std::vector<…>" and "…&>").
std::string elide(std::string_view text, size_t max);

/// "SIGSEGV" for 11; "signal N" for a number without a name.
std::string signal_name(int number);

} // namespace borrowscope

#endif
