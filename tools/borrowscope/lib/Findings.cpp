// Dispatch to the check library, when one is installed.
#include "Findings.h"

namespace borrowscope {

namespace {
Checker installed = nullptr;
}

void set_checker(Checker checker) { installed = checker; }

CheckResults run_checks(const OwnershipModel &model) {
  CheckResults results;
  if (!installed)
    return results;
  results.available = true;
  results.findings = installed(model);
  return results;
}

std::string_view severity_name(Finding::Severity s) {
  return s == Finding::Severity::Error ? "error" : "warning";
}

} // namespace borrowscope
