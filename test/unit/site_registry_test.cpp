// Site numbering across modules, and tables that outlive their module.
#include "site_registry.h"

#include <gtest/gtest.h>

#include <cstring>

using borrowscope::SiteRegistry;

namespace {

bs_site site(uint8_t kind, const char *name) {
  bs_site s{};
  s.kind = kind;
  s.name = name;
  s.file = "f.c";
  s.line = 3;
  return s;
}

TEST(SiteRegistry, NumbersModulesConsecutivelyFromOne) {
  SiteRegistry r;
  bs_site a[2] = {site(BS_SITE_NEW, "x"), site(BS_SITE_DROP, "x")};
  bs_site b[3] = {site(BS_SITE_NEW, "y"), site(BS_SITE_BORROW, "p"), site(BS_SITE_DROP, "y")};
  EXPECT_EQ(r.add(a, 2), 1u);
  EXPECT_EQ(r.add(b, 3), 3u);
  EXPECT_EQ(r.end(), 6u);
  EXPECT_EQ(r.find(1), &a[0]);
  EXPECT_EQ(r.find(2), &a[1]);
  EXPECT_EQ(r.find(3), &b[0]);
  EXPECT_EQ(r.find(5), &b[2]);
  EXPECT_EQ(r.find(0), nullptr);
  EXPECT_EQ(r.find(6), nullptr);
  EXPECT_EQ(r.find(BS_SITE_UNREGISTERED_BASE + 1), nullptr);
  EXPECT_EQ(r.find(BS_SITE_CLOCK_HIGH), nullptr);
}

TEST(SiteRegistry, EmptyTableTakesNoNumbers) {
  SiteRegistry r;
  bs_site a[1] = {site(BS_SITE_NEW, "x")};
  EXPECT_EQ(r.add(nullptr, 0), 1u);
  EXPECT_EQ(r.add(a, 1), 1u);
  EXPECT_EQ(r.find(1), &a[0]);
}

TEST(SiteRegistry, RetiredTableKeepsItsStrings) {
  SiteRegistry r;
  char name[] = "counter";
  char file[] = "lib.c";
  bs_site a[1] = {site(BS_SITE_NEW, name)};
  a[0].file = file;
  uint32_t base = r.add(a, 1);
  r.retire(a);
  // The module is gone: its memory is reused.
  std::memset(name, 'X', sizeof name - 1);
  std::memset(file, 'Y', sizeof file - 1);
  a[0].line = 999;
  const bs_site *s = r.find(base);
  ASSERT_NE(s, nullptr);
  EXPECT_NE(s, &a[0]);
  EXPECT_STREQ(s->name, "counter");
  EXPECT_STREQ(s->file, "lib.c");
  EXPECT_EQ(s->line, 3u);
  EXPECT_EQ(s->type_name, nullptr);
}
}
