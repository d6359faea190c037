// borrowscope check TRACE [--json]: Rust's borrow rules applied to a trace
// (docs/semantics.md), in one streaming pass: memory does not grow with the
// trace. Exit 0 when clean, 1 with findings, 2 for an unreadable trace.
#include "Args.h"
#include "BorrowChecker.h"
#include "Commands.h"
#include "Names.h"
#include "OwnershipModel.h"

#include <boost/json.hpp>

#include <cstdio>

namespace borrowscope {

namespace {

const char *const help =
    "usage: borrowscope check [OPTIONS] TRACE\n\n"
    "Applies Rust's borrow rules to a trace and prints one line per finding,\n"
    "like a compiler diagnostic (file:line:col: kind: message), once per source\n"
    "location with a count:\n"
    "  dangling_borrow  an owner is dropped while a borrow of it is still held\n"
    "  borrow_conflict  a mutable borrow overlaps another borrow of its owner\n"
    "  use_after_move   a moved-from variable is used before it is assigned\n"
    "The rules are in docs/semantics.md.\n\n"
    "options:\n"
    "  --json       print {\"violations\": [...]} instead\n"
    "  --partial    check a trace that was cut short (program killed)\n"
    "  -h, --help   this help\n\n"
    "exit status: 0 no findings, 1 findings, 2 unreadable trace or usage\n";

void print_json(const std::vector<Violation> &violations) {
  boost::json::array list;
  // Boost.JSON escapes control characters; bytes that are not UTF-8 are
  // spelled out so that the output stays JSON, and C1 and bidirectional
  // controls are escaped below.
  for (const Violation &v : violations)
    list.push_back({{"kind", v.kind},
                    {"location", valid_utf8(v.location)},
                    {"owner", valid_utf8(v.owner)},
                    {"borrower", valid_utf8(v.borrower)},
                    {"owner_location", valid_utf8(v.owner_location)},
                    {"message", valid_utf8(v.message)},
                    {"count", v.count}});
  std::string text = boost::json::serialize(
      boost::json::object{{"violations", std::move(list)}});
  std::printf("%s\n", json_without_acting(text).c_str());
}

} // namespace

int check_main(const std::vector<std::string> &args) {
  bool json = false, partial = false;
  ParsedArgs parsed;
  try {
    parsed = parse_args(args, {{"json", 0, nullptr, &json},
                               {"partial", 0, nullptr, &partial}});
    if (parsed.help) {
      std::fputs(help, stdout);
      return exit_ok;
    }
    if (parsed.positional.size() + parsed.rest.size() != 1)
      throw UsageError("check needs one trace file");
  } catch (const UsageError &e) {
    print_error(std::string("check: ") + e.what() +
                " (see borrowscope check --help)");
    return exit_bad_input;
  }
  std::string path =
      parsed.positional.empty() ? parsed.rest[0] : parsed.positional[0];
  BorrowChecker checker;
  // What the trace says of its end: a trace cut short is checked as far as
  // it goes, and says so, as report and export do.
  TrailerSink end;
  TeeSink sinks{&checker, &end};
  ReadOptions options;
  options.allow_truncated = partial;
  try {
    read_trace_file(path, sinks, options);
  } catch (const TraceError &e) {
    std::string message = path + ": " + e.what();
    if (e.kind() == TraceError::Kind::Truncated && !partial)
      message += "; --partial checks the events it has";
    print_error(message);
    return exit_bad_input;
  }
  warn_incomplete(path, end.trailer,
                  "the findings are those of the events it has",
                  "findings may be missing");
  if (json)
    print_json(checker.violations());
  else
    for (const Violation &v : checker.violations())
      std::printf("%s\n", visible(format_violation(v)).c_str());
  if (std::fflush(stdout) != 0)
    return exit_bad_input;
  return checker.violations().empty() ? exit_ok : exit_findings;
}

} // namespace borrowscope
