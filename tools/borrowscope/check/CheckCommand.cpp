// `borrowscope check TRACE [--json]`: exit 0 when clean, 1 with findings,
// 2 when the trace cannot be read.
#include "BorrowChecker.h"

#include <boost/json.hpp>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace borrowscope {

namespace {

const char *check_usage =
    "usage: borrowscope check TRACE [--json]\n"
    "\n"
    "Applies Rust's borrow rules to a trace (docs/semantics.md) and prints one\n"
    "line per finding, like a compiler diagnostic, deduplicated per source\n"
    "location:\n"
    "  dangling_borrow  an owner dropped while a borrow of it is still held\n"
    "  borrow_conflict  a mutable borrow overlapping another borrow\n"
    "  use_after_move   a moved-from variable used again\n"
    "\n"
    "options:\n"
    "  --json     print {\"violations\": [...]} instead\n"
    "  -h, --help this text\n"
    "\n"
    "exit status: 0 clean, 1 findings, 2 unreadable trace\n";

void print_json(const std::vector<Violation> &violations) {
  boost::json::array list;
  for (const Violation &v : violations)
    list.push_back({{"kind", v.kind},
                    {"location", v.location},
                    {"owner", v.owner},
                    {"borrower", v.borrower},
                    {"owner_location", v.owner_location},
                    {"message", v.message},
                    {"count", v.count}});
  std::cout << boost::json::serialize(
                   boost::json::object{{"violations", std::move(list)}})
            << "\n";
}

} // namespace

int check_command(int argc, char **argv) {
  std::string path;
  bool json = false;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(check_usage, stdout);
      return 0;
    }
    if (arg == "--json")
      json = true;
    else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      std::fprintf(stderr, "borrowscope: check: unknown option '%s' (see --help)\n",
                   arg.c_str());
      return 2;
    } else if (path.empty())
      path = arg;
    else {
      std::fprintf(stderr, "borrowscope: check: more than one trace given\n");
      return 2;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "borrowscope: check: no trace given (see --help)\n");
    return 2;
  }
  BorrowChecker checker;
  try {
    read_trace_file(path, checker);
  } catch (const TraceError &error) {
    std::fprintf(stderr, "borrowscope: %s: %s\n", path.c_str(), error.what());
    return 2;
  }
  if (json)
    print_json(checker.violations());
  else
    for (const Violation &v : checker.violations())
      std::cout << format_violation(v) << "\n";
  return checker.violations().empty() ? 0 : 1;
}

} // namespace borrowscope
