// BORROWSCOPE_OUTPUT's placeholders, shared by the runtime and the
// `borrowscope run` command (which must know where the trace will go).
#ifndef BORROWSCOPE_RUNTIME_OUTPUT_PATH_H
#define BORROWSCOPE_RUNTIME_OUTPUT_PATH_H

#include <string>
#include <sys/types.h>

namespace borrowscope {

/// Expands %p (the pid) and %% (a percent sign) in an output path pattern.
inline std::string expand_output_path(const std::string &pattern, pid_t pid) {
  std::string path;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size()) {
      if (pattern[i + 1] == 'p') {
        path += std::to_string(pid);
        ++i;
        continue;
      }
      if (pattern[i + 1] == '%') {
        path += '%';
        ++i;
        continue;
      }
    }
    path += pattern[i];
  }
  return path;
}

} // namespace borrowscope

#endif
