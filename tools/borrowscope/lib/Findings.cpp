// Names for findings.
#include "Findings.h"

namespace borrowscope {

std::string_view severity_name(Finding::Severity s) {
  return s == Finding::Severity::Error ? "error" : "warning";
}

} // namespace borrowscope
