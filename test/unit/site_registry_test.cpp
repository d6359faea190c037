// Site numbering across modules, and a module's table as the trace carries
// it (read back with the tool's SiteCatalog: one format, two sides).
#include "SiteCatalog.h"
#include "TraceReader.h"
#include "borrowscope/trace_format.h"
#include "site_registry.h"

#include <gtest/gtest.h>

using borrowscope::Site;
using borrowscope::SiteCatalog;
using borrowscope::SiteRegistry;

namespace {

bs_site site(uint8_t kind, const char *name) {
  bs_site s{};
  s.kind = kind;
  s.name = name;
  s.file = "f.c";
  s.function = "f";
  s.line = 3;
  s.column = 7;
  s.decl = s.call = s.owner_decl = ~0u;
  return s;
}

bs_module module(const bs_site *sites, uint32_t count, uint32_t *base) {
  return {BORROWSCOPE_ABI_VERSION, count, sites, base, "f.c", 2, 5};
}

TEST(SiteRegistry, NumbersModulesConsecutivelyFromOne) {
  SiteRegistry r;
  bs_site a[2] = {site(BS_SITE_NEW, "x"), site(BS_SITE_DROP, "x")};
  bs_site b[1] = {site(BS_SITE_NEW, "y")};
  uint32_t base_a = 0, base_b = 0;
  bs_module ma = module(a, 2, &base_a), mb = module(b, 1, &base_b);
  EXPECT_EQ(r.add(&ma), 1u);
  EXPECT_EQ(r.add(&mb), 3u);
  EXPECT_EQ(r.end(), 4u);
  r.retire(&ma);
  ASSERT_EQ(r.modules().size(), 1u);
  EXPECT_EQ(r.modules()[0].base, 3u);
}

TEST(SiteRegistry, ModuleBlockReadsBackAsTheSameSites) {
  bs_site sites[3] = {site(BS_SITE_NEW, "x"), site(BS_SITE_BORROW, "p"),
                      site(BS_SITE_RELEASE, "p")};
  sites[0].type_name = "int";
  sites[0].size = 4;
  sites[0].flags = BS_SITE_FLAG_ADDRESS;
  sites[1].owner = "x";
  sites[1].borrower_kind = BS_BORROWER_VARIABLE;
  sites[1].mutability = BS_MUT_SHARED;
  sites[1].owner_decl = 0;
  sites[1].decl = 2;
  sites[2].decl = 2;
  uint32_t base = 0;
  bs_module m = module(sites, 3, &base);
  std::string block = SiteRegistry::module_block(m, 10);

  SiteCatalog catalog;
  catalog.add_module(block, "test");
  EXPECT_EQ(catalog.variables_untraced(), 2u);
  EXPECT_EQ(catalog.variables_total(), 5u);
  EXPECT_EQ(catalog.find(9), nullptr);
  EXPECT_EQ(catalog.find(13), nullptr);
  const Site *x = catalog.find(10);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->name, "x");
  EXPECT_EQ(x->type_name, "int");
  EXPECT_EQ(x->size, 4u);
  EXPECT_EQ(x->location, "f.c:3:7");
  EXPECT_EQ(x->flags, BS_SITE_FLAG_ADDRESS);
  const Site *p = catalog.find(11);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->owner, "x");
  EXPECT_EQ(p->owner_decl, 10u); // indices become site numbers
  EXPECT_EQ(p->decl, 12u);
  EXPECT_EQ(p->call, 0u); // none
  EXPECT_EQ(p->kind_of_borrow, borrowscope::Mutability::Shared);
  EXPECT_EQ(catalog.find(12)->type, borrowscope::EventType::Release);
}

TEST(SiteRegistry, MalformedModuleBlocksAreOneClearError) {
  bs_site sites[1] = {site(BS_SITE_NEW, "x")};
  uint32_t base = 0;
  bs_module m = module(sites, 1, &base);
  std::string block = SiteRegistry::module_block(m, 1);
  SiteCatalog catalog;
  EXPECT_THROW(catalog.add_module(block.substr(0, block.size() - 1), "b"),
               borrowscope::TraceError);
  std::string bad_kind = block;
  bad_kind[sizeof(bs_module_record)] = 9;
  EXPECT_THROW(catalog.add_module(bad_kind, "b"), borrowscope::TraceError);
  catalog.add_module(block, "b");
  EXPECT_THROW(catalog.add_module(block, "b"), borrowscope::TraceError)
      << "two modules with the same site numbers";
}

} // namespace
