// The one reader of direction words: a CSV's direction column, Comtrade's flowCode and ctrade's
// --direction all take the words and Comtrade's letters alike.
#include "import/direction.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "import/flow_csv.h"

namespace culturetrade::import {
namespace {

using ::testing::HasSubstr;

TEST(ParseDirection, WordsAndComtradeLettersInAnyCase) {
  EXPECT_EQ(*ParseDirection("export"), v1::FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(*ParseDirection("X"), v1::FLOW_DIRECTION_EXPORT);
  EXPECT_EQ(*ParseDirection("Import"), v1::FLOW_DIRECTION_IMPORT);
  EXPECT_EQ(*ParseDirection("m"), v1::FLOW_DIRECTION_IMPORT);
  EXPECT_EQ(*ParseDirection("re-export"), v1::FLOW_DIRECTION_RE_EXPORT);
  EXPECT_EQ(*ParseDirection("rx"), v1::FLOW_DIRECTION_RE_EXPORT);
  EXPECT_EQ(*ParseDirection("re-import"), v1::FLOW_DIRECTION_RE_IMPORT);
  EXPECT_EQ(*ParseDirection("RM"), v1::FLOW_DIRECTION_RE_IMPORT);
}

TEST(ParseDirection, RefusesOtherWordsNamingTheAccepted) {
  EXPECT_THAT(ParseDirection("sideways").status().message(),
              HasSubstr("is not export, import, re-export or re-import (X, M, RX, RM)"));
  EXPECT_FALSE(ParseDirection("").ok());
}

TEST(DirectionName, NamesWhatParseDirectionReads) {
  for (const char* name : {"export", "import", "re-export", "re-import"}) {
    EXPECT_EQ(DirectionName(*ParseDirection(name)), name);
  }
  EXPECT_EQ(DirectionName(v1::FLOW_DIRECTION_UNSPECIFIED), "?");
}

TEST(ParseDirection, ALongCsvTakesRxAndReExportAlike) {
  std::istringstream in(
      "reporter,partner,product,direction,period,value,currency\n"
      "KOR,CHN,SK1,rx,2020,1,USD\n"
      "KOR,CHN,SK1,re-export,2021,2,USD\n");
  absl::StatusOr<FlowCsv> r = ReadFlowsCsv(in, {});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->flows.size(), 2);
  EXPECT_EQ(r->flows[0].direction(), v1::FLOW_DIRECTION_RE_EXPORT);
  EXPECT_EQ(r->flows[1].direction(), v1::FLOW_DIRECTION_RE_EXPORT);
}

}  // namespace
}  // namespace culturetrade::import
