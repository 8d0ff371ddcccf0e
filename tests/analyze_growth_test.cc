// AnalyzeGrowth, in process: whole and partial years, trends and spikes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <utility>

#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::GrowthRequest;
using ::culturetrade::testing::kTight;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Month;
using ::culturetrade::testing::Quarter;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::Year;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// KOR's exports of DRAMAS to CHN, in USD, month by month:
//   2018: 12 x 100   = 1200     whole
//   2019: 12 x 110   = 1320     whole, +10 %
//   2020: 12 x 121   = 1452     whole, +10 %
//   2021: 11 x 133.1 = 1464.1   December missing: partial
v1::Dataset MonthlyExports() {
  v1::Dataset d;
  const std::pair<int, const char*> years[] = {{2018, "100"}, {2019, "110"}, {2020, "121"}};
  for (const auto& [year, value] : years) {
    for (int m = 1; m <= 12; ++m)
      AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Month(year, m), value, "USD");
  }
  for (int m = 1; m <= 11; ++m)
    AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Month(2021, m), "133.1", "USD");
  return d;
}

TEST_F(AnalysesTest, GrowthLeavesPartialMonthlyYearsOutByDefault) {
  absl::StatusOr<v1::AnalyzeGrowthResponse> g =
      AnalyzeGrowth(*store_, GrowthRequest(MonthlyExports(), "DRAMAS"), NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->currency_code(), "USD");
  EXPECT_EQ(g->dataset_etag(), "");
  ASSERT_EQ(g->years_size(), 4);
  const v1::GrowthYear &y2018 = g->years(0), &y2019 = g->years(1), &y2020 = g->years(2),
                       &y2021 = g->years(3);
  EXPECT_EQ(y2018.year(), 2018);
  EXPECT_EQ(Str(y2018.value()), "1200");
  EXPECT_FALSE(y2018.partial());
  EXPECT_FALSE(y2018.has_growth());  // no 2017
  EXPECT_EQ(Str(y2019.value()), "1320");
  EXPECT_FALSE(y2019.partial());
  ASSERT_TRUE(y2019.has_growth());
  EXPECT_THAT(y2019.growth(), DoubleNear(0.10, kTight));  // 1320 / 1200 - 1
  ASSERT_TRUE(y2020.has_growth());
  EXPECT_THAT(y2020.growth(), DoubleNear(0.10, kTight));  // 1452 / 1320 - 1
  // 2021 is shown, flagged partial, and has no growth: 11 months would fake a slowdown.
  EXPECT_EQ(y2021.year(), 2021);
  EXPECT_EQ(Str(y2021.value()), "1464.1");
  EXPECT_TRUE(y2021.partial());
  EXPECT_FALSE(y2021.has_growth());
  EXPECT_EQ(y2021.status(), v1::VALUE_STATUS_REPORTED);

  // Compound growth runs over the whole years only: 2018-2020, (1452 / 1200)^(1/2) - 1 = 0.10.
  EXPECT_EQ(g->compound().start_year(), 2018);
  EXPECT_EQ(g->compound().end_year(), 2020);
  EXPECT_EQ(Str(g->compound().start_value()), "1200");
  EXPECT_EQ(Str(g->compound().end_value()), "1452");
  ASSERT_TRUE(g->compound().has_rate()) << g->compound().undefined_reason();
  EXPECT_THAT(g->compound().rate(), DoubleNear(0.10, kTight));
  // So does the trend: three points.
  EXPECT_EQ(g->trend().points(), 3);
  // The cumulative total adds every year with data: 1200 + 1320 + 1452 + 1464.1 = 5436.1.
  EXPECT_EQ(g->cumulative().start_year(), 2018);
  EXPECT_EQ(g->cumulative().end_year(), 2021);
  EXPECT_EQ(Str(g->cumulative().total()), "5436.1");
  EXPECT_THAT(g->cumulative().years_present(), ElementsAre(2018, 2019, 2020, 2021));
  EXPECT_THAT(g->cumulative().years_missing(), IsEmpty());
}

TEST_F(AnalysesTest, GrowthUsesPartialYearsWhenAsked) {
  v1::AnalyzeGrowthRequest r = GrowthRequest(MonthlyExports(), "DRAMAS");
  r.set_include_partial_years(true);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->years_size(), 4);
  EXPECT_TRUE(g->years(3).partial());  // still flagged
  // 1464.1 / 1452 - 1 = 12.1 / 1452 = 1/120.
  ASSERT_TRUE(g->years(3).has_growth());
  EXPECT_THAT(g->years(3).growth(), DoubleNear(1.0 / 120.0, kTight));
  // Compound over 2018-2021: (1464.1 / 1200)^(1/3) - 1 = 0.068554...
  EXPECT_EQ(g->compound().end_year(), 2021);
  EXPECT_EQ(Str(g->compound().end_value()), "1464.1");
  ASSERT_TRUE(g->compound().has_rate());
  EXPECT_THAT(g->compound().rate(), DoubleNear(std::cbrt(1464.1 / 1200.0) - 1.0, kTight));
  EXPECT_EQ(g->trend().points(), 4);
}

// Four quarters make a whole year; a quarter may also be given as its three months.
//   2018: Q1-Q4 x 250                      = 1000  whole
//   2019: months 1-3 (90 + 90 + 95 = 275)
//         + Q2-Q4 x 275                    = 1100  whole, +10 %
//   2020: Q1-Q3 x 300                      =  900  Q4 missing: partial
TEST_F(AnalysesTest, GrowthOfQuarterlyFlows) {
  v1::Dataset d;
  for (int q = 1; q <= 4; ++q)
    AddFlow(d, "KOR", "CHN", "MUSIC", kX, Quarter(2018, q), "250", "USD");
  AddFlow(d, "KOR", "CHN", "MUSIC", kX, Month(2019, 1), "90", "USD");
  AddFlow(d, "KOR", "CHN", "MUSIC", kX, Month(2019, 2), "90", "USD");
  AddFlow(d, "KOR", "CHN", "MUSIC", kX, Month(2019, 3), "95", "USD");
  for (int q = 2; q <= 4; ++q)
    AddFlow(d, "KOR", "CHN", "MUSIC", kX, Quarter(2019, q), "275", "USD");
  for (int q = 1; q <= 3; ++q)
    AddFlow(d, "KOR", "CHN", "MUSIC", kX, Quarter(2020, q), "300", "USD");
  absl::StatusOr<v1::AnalyzeGrowthResponse> g =
      AnalyzeGrowth(*store_, GrowthRequest(d, "MUSIC"), NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->years_size(), 3);
  EXPECT_EQ(Str(g->years(0).value()), "1000");
  EXPECT_FALSE(g->years(0).partial());
  EXPECT_EQ(Str(g->years(1).value()), "1100");
  EXPECT_FALSE(g->years(1).partial());
  ASSERT_TRUE(g->years(1).has_growth());
  EXPECT_THAT(g->years(1).growth(), DoubleNear(0.10, kTight));
  EXPECT_EQ(Str(g->years(2).value()), "900");
  EXPECT_TRUE(g->years(2).partial());
  EXPECT_FALSE(g->years(2).has_growth());
  EXPECT_EQ(g->compound().end_year(), 2019);
  EXPECT_THAT(g->compound().rate(), DoubleNear(0.10, kTight));
  EXPECT_EQ(g->trend().points(), 2);
}

// A series growing exactly 10 % a year: 1000, 1100, 1210, 1331, 1464.1 (annual flows, in
// 2016-2020). ln V is then exactly linear with slope ln 1.1, so the trend is 0.10.
TEST_F(AnalysesTest, TrendOfExactTenPercentGrowthAndSpikeThreshold) {
  v1::Dataset d;
  const char* values[] = {"1000", "1100", "1210", "1331", "1464.1"};
  for (int i = 0; i < 5; ++i)
    AddFlow(d, "KOR", "CHN", "GAMES", kX, Year(2016 + i), values[i], "USD");
  v1::AnalyzeGrowthRequest r = GrowthRequest(d, "GAMES");
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_TRUE(g->trend().has_rate()) << g->trend().undefined_reason();
  EXPECT_THAT(g->trend().rate(), DoubleNear(0.10, kTight));
  EXPECT_THAT(g->trend().slope(), DoubleNear(std::log(1.1), kTight));
  EXPECT_EQ(g->trend().points(), 5);
  EXPECT_EQ(g->trend().undefined_reason(), "");
  EXPECT_THAT(g->compound().rate(), DoubleNear(0.10, kTight));  // (1464.1 / 1000)^(1/4) - 1
  // Unset, the threshold is 1.0 (doubling): 10 % growth is no spike.
  EXPECT_EQ(g->spike_threshold(), 1.0);
  EXPECT_THAT(g->spikes(), IsEmpty());
  // Below 10 %, every year after the first is one.
  r.set_spike_threshold(0.05);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->spike_threshold(), 0.05);
  ASSERT_EQ(g->spikes_size(), 4);
  EXPECT_EQ(g->spikes(0).year(), 2017);
  EXPECT_EQ(g->spikes(3).year(), 2020);
  EXPECT_THAT(g->spikes(3).growth(), DoubleNear(0.10, kTight));
  // Above it, none.
  r.set_spike_threshold(0.2);
  g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(g->spikes(), IsEmpty());
}

// Partial years are spikes neither: with a threshold of 5 %, the monthly series spikes in 2019
// and 2020 (+10 % each), and 2021 (11 months) is left out.
TEST_F(AnalysesTest, PartialYearsAreNoSpikes) {
  v1::AnalyzeGrowthRequest r = GrowthRequest(MonthlyExports(), "DRAMAS");
  r.set_spike_threshold(0.05);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->spikes_size(), 2);
  EXPECT_EQ(g->spikes(0).year(), 2019);
  EXPECT_EQ(g->spikes(1).year(), 2020);
}

}  // namespace
}  // namespace culturetrade
