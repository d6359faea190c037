// BORROWSCOPE_* settings: defaults, valid values, and one clear line for bad ones.
#include "options.h"

#include <gtest/gtest.h>

#include <cstdlib>

using borrowscope::expand_output_path;
using borrowscope::Options;

namespace {

class OptionsTest : public ::testing::Test {
protected:
  void SetUp() override {
    for (const char *v : {"BORROWSCOPE", "BORROWSCOPE_OUTPUT", "BORROWSCOPE_VERBOSE",
                          "BORROWSCOPE_BUFFER_EVENTS", "BORROWSCOPE_CLOCK"})
      unsetenv(v);
  }
  void TearDown() override { SetUp(); }
};

TEST_F(OptionsTest, DefaultsWithoutEnvironment) {
  testing::internal::CaptureStderr();
  Options o = Options::from_environment();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_TRUE(o.enabled);
  EXPECT_FALSE(o.verbose);
  EXPECT_EQ(o.output, "borrowscope-%p.trace");
  EXPECT_EQ(o.buffer_events, 65536u);
  EXPECT_FALSE(o.clock_exact);
}

TEST_F(OptionsTest, ReadsValidValues) {
  setenv("BORROWSCOPE", "off", 1);
  setenv("BORROWSCOPE_OUTPUT", "/tmp/t-%p.trace", 1);
  setenv("BORROWSCOPE_VERBOSE", "1", 1);
  setenv("BORROWSCOPE_BUFFER_EVENTS", "1024", 1);
  testing::internal::CaptureStderr();
  Options o = Options::from_environment();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_FALSE(o.enabled);
  EXPECT_TRUE(o.verbose);
  EXPECT_EQ(o.output, "/tmp/t-%p.trace");
  EXPECT_EQ(o.buffer_events, 1024u);
}

TEST_F(OptionsTest, ClockIsSyncUnlessAskedToBeExact) {
  EXPECT_FALSE(Options::from_environment().clock_exact);
  setenv("BORROWSCOPE_CLOCK", "exact", 1);
  EXPECT_TRUE(Options::from_environment().clock_exact);
  setenv("BORROWSCOPE_CLOCK", "EXACT", 1);
  EXPECT_TRUE(Options::from_environment().clock_exact);
  setenv("BORROWSCOPE_CLOCK", "sync", 1);
  EXPECT_FALSE(Options::from_environment().clock_exact);
  setenv("BORROWSCOPE_CLOCK", "fast", 1);
  testing::internal::CaptureStderr();
  EXPECT_FALSE(Options::from_environment().clock_exact);
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: ignoring BORROWSCOPE_CLOCK='fast' (accepted: sync, exact)\n");
}

TEST_F(OptionsTest, WordsAreCaseInsensitive) {
  setenv("BORROWSCOPE", "OFF", 1);
  setenv("BORROWSCOPE_VERBOSE", "Yes", 1);
  testing::internal::CaptureStderr();
  Options o = Options::from_environment();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_FALSE(o.enabled);
  EXPECT_TRUE(o.verbose);
}

TEST_F(OptionsTest, ZeroDisables) {
  setenv("BORROWSCOPE", "0", 1);
  EXPECT_FALSE(Options::from_environment().enabled);
}

TEST_F(OptionsTest, BadSwitchIsOneLineAndDefault) {
  setenv("BORROWSCOPE_VERBOSE", "maybe", 1);
  testing::internal::CaptureStderr();
  Options o = Options::from_environment();
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: ignoring BORROWSCOPE_VERBOSE='maybe' (accepted: 1, on, "
            "true, yes, 0, off, false, no)\n");
  EXPECT_FALSE(o.verbose);
}

TEST_F(OptionsTest, BadBufferSizesAreOneLineEachAndDefault) {
  for (const char *bad : {"abc", "12x", "-5", "127", "16777217", "99999999999999999999"}) {
    setenv("BORROWSCOPE_BUFFER_EVENTS", bad, 1);
    testing::internal::CaptureStderr();
    Options o = Options::from_environment();
    std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(err, std::string("borrowscope: ignoring BORROWSCOPE_BUFFER_EVENTS='") + bad +
                       "' (accepted: a number from 128 to 16777216)\n");
    EXPECT_EQ(o.buffer_events, 65536u) << bad;
  }
}

TEST_F(OptionsTest, BufferSizeBoundsAreAccepted) {
  setenv("BORROWSCOPE_BUFFER_EVENTS", "128", 1);
  EXPECT_EQ(Options::from_environment().buffer_events, 128u);
  setenv("BORROWSCOPE_BUFFER_EVENTS", "16777216", 1);
  EXPECT_EQ(Options::from_environment().buffer_events, 16777216u);
}

TEST(ExpandOutputPath, Placeholders) {
  EXPECT_EQ(expand_output_path("borrowscope-%p.json", 42), "borrowscope-42.json");
  EXPECT_EQ(expand_output_path("a%p-b%p", 7), "a7-b7");
  EXPECT_EQ(expand_output_path("100%%-%p", 9), "100%-9");
  EXPECT_EQ(expand_output_path("plain.json", 1), "plain.json");
  EXPECT_EQ(expand_output_path("trailing%", 1), "trailing%");
  EXPECT_EQ(expand_output_path("%x", 1), "%x");
}

} // namespace
