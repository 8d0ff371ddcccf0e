// The one reader of scale names, shared by the flow import's --scale and the analyses' --scale.
#include "import/scale.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade::import {
namespace {

using ::testing::HasSubstr;

TEST(ScaleExponent, NamesPowersOfTen) {
  EXPECT_EQ(*ScaleExponent("units"), 0);
  EXPECT_EQ(*ScaleExponent("thousands"), 3);
  EXPECT_EQ(*ScaleExponent("millions"), 6);
  EXPECT_EQ(*ScaleExponent("billions"), 9);
  EXPECT_FALSE(ScaleExponent("lakhs").ok());
}

TEST(ScaleExponent, EmptyIsUnits) { EXPECT_EQ(*ScaleExponent(""), 0); }

TEST(ScaleExponent, TheErrorListsTheNames) {
  EXPECT_THAT(ScaleExponent("lakhs").status().message(),
              HasSubstr("units, thousands, millions or billions, not 'lakhs'"));
}

TEST(ScaleName, NamesWhatScaleExponentReads) {
  for (const char* name : {"units", "thousands", "millions", "billions"}) {
    EXPECT_EQ(ScaleName(*ScaleExponent(name)), name);
  }
  EXPECT_EQ(ScaleName(2), "units");
}

}  // namespace
}  // namespace culturetrade::import
