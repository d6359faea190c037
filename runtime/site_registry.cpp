// The site tables of all instrumented modules in the process.
#include "site_registry.h"
#include "borrowscope/trace_format.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace borrowscope {

uint32_t SiteRegistry::add(const bs_module *module) {
  uint32_t count = module->site_count;
  // Site numbers stay below the "unregistered" range; a process with more
  // sites than that is not recorded further.
  if (count >= BS_SITE_UNREGISTERED_BASE - next_)
    return BS_SITE_UNREGISTERED_BASE;
  uint32_t base = next_;
  modules_.push_back({module, base, count});
  next_ += count;
  return base;
}

void SiteRegistry::retire(const bs_module *module) {
  std::erase_if(modules_, [&](const Module &m) { return m.module == module; });
}

std::string SiteRegistry::module_block(const bs_module &module, uint32_t base) {
  std::string strings;
  std::unordered_map<std::string_view, uint32_t> offsets;
  auto intern = [&](const char *s) -> uint32_t {
    if (!s)
      return BS_NO_STRING;
    std::string_view v(s);
    auto it = offsets.find(v);
    if (it != offsets.end())
      return it->second;
    uint32_t offset = uint32_t(strings.size());
    strings.append(v.data(), v.size());
    strings.push_back('\0');
    offsets.emplace(v, offset);
    return offset;
  };

  std::vector<bs_site_record> sites(module.site_count);
  for (uint32_t i = 0; i < module.site_count; ++i) {
    const bs_site &s = module.sites[i];
    bs_site_record &r = sites[i];
    r = {};
    r.kind = s.kind;
    r.mutability = s.mutability;
    r.borrower_kind = s.borrower_kind;
    r.flags = s.flags;
    r.line = s.line;
    r.column = s.column;
    r.size = s.size;
    r.decl = s.decl;
    r.call = s.call;
    r.owner_decl = s.owner_decl;
    r.file = intern(s.file);
    r.function = intern(s.function);
    r.name = intern(s.name);
    r.type_name = intern(s.type_name);
    r.owner = intern(s.owner);
    r.through = intern(s.through);
  }
  bs_module_record header{};
  header.base = base;
  header.site_count = module.site_count;
  header.variables_untraced = module.variables_untraced;
  header.variables_total = module.variables_total;
  header.source_file = intern(module.source_file);
  header.strings_size = uint32_t(strings.size());

  std::string payload(reinterpret_cast<const char *>(&header), sizeof header);
  payload.append(reinterpret_cast<const char *>(sites.data()),
                 sites.size() * sizeof(bs_site_record));
  payload += strings;
  return payload;
}

} // namespace borrowscope
