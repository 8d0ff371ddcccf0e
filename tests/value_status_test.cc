// The one reader of value statuses: the words of a status column, and Comtrade's isReported.
#include "import/value_status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade::import {
namespace {

using ::testing::HasSubstr;

TEST(ParseStatus, WordsInAnyCaseAndEmptyAsReported) {
  EXPECT_EQ(*ParseStatus(""), v1::VALUE_STATUS_REPORTED);
  EXPECT_EQ(*ParseStatus("Reported"), v1::VALUE_STATUS_REPORTED);
  EXPECT_EQ(*ParseStatus("derived"), v1::VALUE_STATUS_DERIVED);
  EXPECT_EQ(*ParseStatus("estimated"), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_EQ(*ParseStatus("illustrative"), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_THAT(ParseStatus("guessed").status().message(),
              HasSubstr("is not reported, derived or estimated"));
}

TEST(ParseIsReported, FalseIsEstimated) {
  EXPECT_EQ(*ParseIsReported("true"), v1::VALUE_STATUS_REPORTED);
  EXPECT_EQ(*ParseIsReported(""), v1::VALUE_STATUS_REPORTED);
  EXPECT_EQ(*ParseIsReported("0"), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_EQ(*ParseIsReported("False"), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_FALSE(ParseIsReported("maybe").ok());
}

TEST(StatusName, NamesWhatParseStatusReads) {
  for (const char* name : {"reported", "derived", "estimated"}) {
    EXPECT_EQ(StatusName(*ParseStatus(name)), name);
  }
  EXPECT_EQ(StatusName(v1::VALUE_STATUS_UNSPECIFIED), "reported");
}

}  // namespace
}  // namespace culturetrade::import
