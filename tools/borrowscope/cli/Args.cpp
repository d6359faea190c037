#include "Args.h"

namespace borrowscope {

ParsedArgs parse_args(const std::vector<std::string> &args,
                      const std::vector<OptionSpec> &specs,
                      bool stop_at_positional) {
  ParsedArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "--") {
      parsed.rest.assign(args.begin() + std::ptrdiff_t(i) + 1, args.end());
      break;
    }
    if (a == "-h" || a == "--help") {
      parsed.help = true;
      continue;
    }
    if (a.size() < 2 || a[0] != '-') {
      if (stop_at_positional) {
        parsed.rest.assign(args.begin() + std::ptrdiff_t(i), args.end());
        break;
      }
      parsed.positional.push_back(a);
      continue;
    }
    // --name, --name=value, -x, -xvalue
    const OptionSpec *spec = nullptr;
    std::string inline_value;
    bool has_inline = false;
    if (a[1] == '-') {
      std::string name = a.substr(2);
      size_t eq = name.find('=');
      if (eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name.resize(eq);
        has_inline = true;
      }
      for (const OptionSpec &s : specs)
        if (s.long_name == name)
          spec = &s;
    } else {
      for (const OptionSpec &s : specs)
        if (s.short_name && s.short_name == a[1])
          spec = &s;
      if (spec && a.size() > 2) {
        inline_value = a.substr(2);
        has_inline = true;
      }
    }
    if (!spec)
      throw UsageError("unknown option '" + a + "'");
    if (spec->flag) {
      if (has_inline)
        throw UsageError("option '--" + spec->long_name + "' takes no value");
      *spec->flag = true;
      continue;
    }
    if (has_inline) {
      *spec->value = inline_value;
    } else {
      if (i + 1 >= args.size())
        throw UsageError("option '" + a + "' needs a value");
      *spec->value = args[++i];
    }
  }
  return parsed;
}

} // namespace borrowscope
