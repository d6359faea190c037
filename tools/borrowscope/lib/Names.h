// Shorter spellings of demangled C++ names for tables and labels:
// "std::vector<Book, std::allocator<Book>>::push_back(Book const&)" becomes
// "std::vector<…>::push_back(…)". Full names stay in the model and exports.
#ifndef BORROWSCOPE_TOOL_NAMES_H
#define BORROWSCOPE_TOOL_NAMES_H

#include <string>
#include <string_view>

namespace borrowscope {

/// Template arguments and parameter lists collapsed to "<…>" and "(…)"
/// ("()" stays "()"). Names without them are returned unchanged.
std::string short_name(std::string_view name);

/// How a callee is shown as a borrower: its short name, with "()" added
/// when the name has no parameter list (C functions: "bump()").
std::string callee_label(std::string_view name);

/// "SIGSEGV" for 11; "signal N" for a number without a name.
std::string signal_name(int number);

} // namespace borrowscope

#endif
