// The site tables of all instrumented modules in the process.
#ifndef BORROWSCOPE_RUNTIME_SITE_REGISTRY_H
#define BORROWSCOPE_RUNTIME_SITE_REGISTRY_H

#include "borrowscope/abi.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace borrowscope {

/// Gives each module's table a base so that base + index numbers every site
/// in the process (1, 2, ...). A module that is unloaded (dlclose) leaves a
/// deep copy of its table behind: events still in buffers refer to it.
/// Not thread-safe; the runtime calls it under its lock.
class SiteRegistry {
public:
  /// Registers a table and returns its base.
  uint32_t add(const bs_site *sites, uint32_t count);
  /// Replaces a table by a copy that owns its strings.
  void retire(const bs_site *sites);
  /// The site numbered \p site, or nullptr for an unknown number.
  const bs_site *find(uint32_t site) const;
  /// One past the highest site number handed out.
  uint32_t end() const { return next_; }

private:
  struct Module {
    uint32_t base;
    uint32_t count;
    const bs_site *sites;
    // Set once retired: the copy `sites` points into.
    std::unique_ptr<std::vector<bs_site>> copy;
  };
  std::vector<Module> modules_; // ordered by base
  std::deque<std::string> strings_;
  uint32_t next_ = 1;
};

} // namespace borrowscope

#endif
