// The site tables of all instrumented modules in the process.
#include "site_registry.h"

#include <algorithm>

namespace borrowscope {

uint32_t SiteRegistry::add(const bs_site *sites, uint32_t count) {
  // Site numbers stay below the "unregistered" range; a process with more
  // sites than that is not instrumented further.
  if (count >= BS_SITE_UNREGISTERED_BASE - next_)
    return BS_SITE_UNREGISTERED_BASE;
  uint32_t base = next_;
  modules_.push_back({base, count, sites, nullptr});
  next_ += count;
  return base;
}

void SiteRegistry::retire(const bs_site *sites) {
  for (Module &m : modules_) {
    if (m.sites != sites || m.copy)
      continue;
    auto copy = std::make_unique<std::vector<bs_site>>(sites, sites + m.count);
    auto own = [this](const char *&s) {
      if (s)
        s = strings_.emplace_back(s).c_str();
    };
    for (bs_site &site : *copy) {
      own(site.file);
      own(site.function);
      own(site.name);
      own(site.type_name);
      own(site.owner);
      own(site.through);
    }
    m.sites = copy->data();
    m.copy = std::move(copy);
    return;
  }
}

const bs_site *SiteRegistry::find(uint32_t site) const {
  auto it = std::upper_bound(
      modules_.begin(), modules_.end(), site,
      [](uint32_t s, const Module &m) { return s < m.base; });
  if (it == modules_.begin())
    return nullptr;
  --it;
  if (site - it->base >= it->count)
    return nullptr;
  return &it->sites[site - it->base];
}

} // namespace borrowscope
