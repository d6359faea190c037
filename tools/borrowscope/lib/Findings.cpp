// Names for findings.
#include "Findings.h"

namespace borrowscope {

std::string_view severity_name(Finding::Severity s) {
  return s == Finding::Severity::Error ? "error" : "warning";
}

std::string_view Finding::role_name(size_t k) const {
  if (k >= roles.size())
    return "involved";
  switch (roles[k]) {
  case Role::Owner:
    return "owner";
  case Role::Holder:
    return "holder";
  case Role::MovedTo:
    return "moved_to";
  }
  return "involved";
}

} // namespace borrowscope
