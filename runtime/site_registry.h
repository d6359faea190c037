// The site tables of all instrumented modules in the process.
#ifndef BORROWSCOPE_RUNTIME_SITE_REGISTRY_H
#define BORROWSCOPE_RUNTIME_SITE_REGISTRY_H

#include "borrowscope/abi.h"

#include <cstdint>
#include <string>
#include <vector>

namespace borrowscope {

/// Gives each module's table a base so that base + index numbers every site
/// in the process (1, 2, ...), and turns a table into the payload of the
/// trace's MODULE block (which is how a reader learns the sites: a module
/// unloaded with dlclose is already in the trace).
/// Not thread-safe; the runtime calls it under its lock.
class SiteRegistry {
public:
  struct Module {
    const bs_module *module;
    uint32_t base;
    uint32_t count;
  };

  /// Registers a table and returns its base, or BS_SITE_UNREGISTERED_BASE
  /// when the process has run out of site numbers.
  uint32_t add(const bs_module *module);
  /// The module was unloaded: its table is gone.
  void retire(const bs_module *module);
  /// The MODULE block payload of a registered module (trace_format.h).
  static std::string module_block(const bs_module &module, uint32_t base);

  /// The modules still loaded, in registration order.
  const std::vector<Module> &modules() const { return modules_; }
  /// One past the highest site number handed out.
  uint32_t end() const { return next_; }

private:
  std::vector<Module> modules_;
  uint32_t next_ = 1;
};

} // namespace borrowscope

#endif
