// borrowscope: runs instrumented programs and turns their traces into
// reports and pictures. Dispatches to the subcommands (Commands.h).
#include "Commands.h"
#include "Names.h"

#include <cstdio>
#include <cstring>
#include <exception>

namespace borrowscope {

const std::vector<Command> &commands() {
  static const std::vector<Command> list = {
      {"run", "run an instrumented program and summarize its trace", run_main},
      {"report", "print a readable report of a trace", report_main},
      {"export", "export a trace for Perfetto, Graphviz, a browser or JSON",
       export_main},
      {"check", "find dangling borrows, borrow conflicts and uses after move",
       check_main},
  };
  return list;
}

void print_error(const std::string &message) {
  // Messages quote file names and trace content: shown visibly, never acted
  // on by the terminal.
  std::fprintf(stderr, "borrowscope: %s\n", visible(message).c_str());
}

namespace {

void print_help() {
  std::printf("usage: borrowscope COMMAND [OPTIONS] ...\n\n"
              "See what a C or C++ program does with its variables: which are\n"
              "created, borrowed (their address taken), moved and dropped.\n"
              "Build the program with borrowscope-clang or borrowscope-clang++.\n\n"
              "commands:\n");
  for (const Command &c : commands())
    std::printf("  %-8s %s\n", c.name, c.summary);
  std::printf("\n"
              "  borrowscope COMMAND --help   shows a command's options\n\n"
              "exit codes: 0 success, 1 findings (check), 2 bad input or usage;\n"
              "`run` exits with the program's exit code.\n");
}

} // namespace
} // namespace borrowscope

int main(int argc, char **argv) {
  using namespace borrowscope;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help();
    return exit_bad_input;
  }
  const std::string &name = args[0];
  if (name == "-h" || name == "--help" || name == "help") {
    print_help();
    return exit_ok;
  }
  if (name == "--version") {
    std::printf("borrowscope 0.1.0 (trace format version 2; reads 1 and 2)\n");
    return exit_ok;
  }
  for (const Command &c : commands()) {
    if (name != c.name)
      continue;
    try {
      return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const std::bad_alloc &) {
      print_error("out of memory");
      return exit_bad_input;
    } catch (const std::exception &e) {
      // Every expected failure is reported where it happens; this is the
      // last line of defence, never a crash.
      print_error(std::string("internal error: ") + e.what());
      return exit_bad_input;
    }
  }
  print_error("unknown command '" + name + "' (see borrowscope --help)");
  return exit_bad_input;
}
