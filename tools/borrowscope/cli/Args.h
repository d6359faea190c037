// Command-line options of the subcommands: "-o X", "--output X",
// "--output=X", flags, positional arguments, and "--" to end options.
#ifndef BORROWSCOPE_TOOL_ARGS_H
#define BORROWSCOPE_TOOL_ARGS_H

#include <stdexcept>
#include <string>
#include <vector>

namespace borrowscope {

/// A mistake on the command line; main prints it with a pointer to --help
/// and exits with 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string long_name;   ///< without dashes: "output"
  char short_name = 0;     ///< 'o', or 0
  std::string *value = nullptr; ///< for options with a value
  bool *flag = nullptr;         ///< for flags
};

struct ParsedArgs {
  std::vector<std::string> positional;
  /// Everything after "--" or, with stop_at_positional, from the first
  /// positional argument on (the program of `run` and its arguments).
  std::vector<std::string> rest;
  bool help = false;
};

/// Throws UsageError for unknown options and missing values.
ParsedArgs parse_args(const std::vector<std::string> &args,
                      const std::vector<OptionSpec> &specs,
                      bool stop_at_positional = false);

} // namespace borrowscope

#endif
