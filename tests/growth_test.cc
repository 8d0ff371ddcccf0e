#include "core/growth.h"

#include <gtest/gtest.h>

#include <cmath>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

AnnualSeries Series(const std::vector<std::pair<int, const char*>>& values) {
  std::vector<YearValue> years;
  years.reserve(values.size());
  for (auto [year, v] : values) years.push_back({year, D(v), ValueStatus::kReported});
  return AnnualSeries("CNY", years);
}

TEST(GrowthTest, GrowthRateOfHandComputedValues) {
  EXPECT_DOUBLE_EQ(*GrowthRate(D("100"), D("150")), 0.5);
  EXPECT_DOUBLE_EQ(*GrowthRate(D("100"), D("0")), -1.0);
}

TEST(GrowthTest, GrowthFromZeroOrNegativeBaseIsAnError) {
  absl::StatusOr<double> r = GrowthRate(D("0"), D("5"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("positive"), absl::string_view::npos);
  EXPECT_FALSE(GrowthRate(D("-3"), D("5")).ok());
}

TEST(GrowthTest, CompoundGrowthDoublingOverTwoYears) {
  EXPECT_NEAR(*CompoundAnnualGrowth(D("100"), D("200"), 2), std::sqrt(2.0) - 1, 1e-15);
  EXPECT_DOUBLE_EQ(*CompoundAnnualGrowth(D("100"), D("100"), 5), 0.0);
  EXPECT_DOUBLE_EQ(*CompoundAnnualGrowth(D("100"), D("0"), 5), -1.0);
}

TEST(GrowthTest, CompoundGrowthRefusesUndefinedCases) {
  EXPECT_EQ(CompoundAnnualGrowth(D("0"), D("1"), 3).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CompoundAnnualGrowth(D("1"), D("-1"), 3).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CompoundAnnualGrowth(D("1"), D("2"), 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(GrowthTest, YearOnYearNeedsBothConsecutiveYears) {
  const AnnualSeries s = Series({{2010, "10"}, {2011, "12"}, {2013, "18"}});
  EXPECT_DOUBLE_EQ(*YearOnYearGrowth(s, 2011), 0.2);
  // 2012 is a gap: 2013 has no year-on-year growth, and the error says which year is missing.
  absl::StatusOr<double> across_gap = YearOnYearGrowth(s, 2013);
  ASSERT_FALSE(across_gap.ok());
  EXPECT_NE(across_gap.status().message().find("2012 has no data"), absl::string_view::npos);
  EXPECT_FALSE(YearOnYearGrowth(s, 2010).ok());
}

TEST(GrowthTest, CompoundGrowthOverDefaultsToFirstAndLastYear) {
  const AnnualSeries s = Series({{2010, "100"}, {2012, "121"}});
  CompoundGrowthResult g = CompoundGrowthOver(s, 0, 0);
  EXPECT_EQ(g.start_year, 2010);
  EXPECT_EQ(g.end_year, 2012);
  ASSERT_TRUE(g.rate.ok());
  EXPECT_NEAR(*g.rate, 0.1, 1e-12);
}

TEST(GrowthTest, CompoundGrowthOverExplainsGapsAndSingleYears) {
  const AnnualSeries s = Series({{2010, "100"}, {2012, "121"}});
  CompoundGrowthResult gap = CompoundGrowthOver(s, 2010, 2011);
  EXPECT_FALSE(gap.rate.ok());
  EXPECT_NE(gap.rate.status().message().find("2011 has no data"), absl::string_view::npos);
  CompoundGrowthResult single = CompoundGrowthOver(Series({{2010, "5"}}), 0, 0);
  EXPECT_FALSE(single.rate.ok());
  EXPECT_FALSE(CompoundGrowthOver(AnnualSeries(), 0, 0).rate.ok());
}

}  // namespace
}  // namespace culturetrade
