// ReconcileMirror, in process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kM;
using ::culturetrade::testing::kTight;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::Year;
using ::testing::DoubleNear;

// ReconcileMirror: CHN's imports from KOR against KOR's exports to CHN, in USD.
//   2018: 110.5 vs 100 -> difference  10.5, relative  10.5 / 100 =  0.105
//   2019:  90   vs 120 -> difference -30,   relative -30 / 120   = -0.25
//   2020:  50   vs  -  -> no mirror, no difference
//   2021:   -   vs  80 -> no report, no difference
//   2022:   5   vs   0 -> difference 5, no relative difference (the mirror is not positive)
TEST_F(AnalysesTest, MirrorOfChinasImportsFromKorea) {
  v1::Dataset d;
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2018), "110.5", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2018), "100", "USD");
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2019), "90", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2019), "120", "USD");
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2020), "50", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2021), "80", "USD");
  AddFlow(d, "CHN", "KOR", "SK1", kM, Year(2022), "5", "USD");
  AddFlow(d, "KOR", "CHN", "SK1", kX, Year(2022), "0", "USD");
  // Flows that are not the mirror pair are ignored.
  AddFlow(d, "CHN", "KOR", "SK1", kX, Year(2018), "999", "USD");
  AddFlow(d, "KOR", "CHN", "SK2", kX, Year(2018), "999", "USD");
  v1::ReconcileMirrorRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("SK1");
  r.set_direction(kM);
  absl::StatusOr<v1::ReconcileMirrorResponse> m = ReconcileMirror(*store_, r, NoCaller());
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->currency_code(), "USD");
  ASSERT_EQ(m->years_size(), 5);
  const v1::MirrorYear &y2018 = m->years(0), &y2019 = m->years(1), &y2020 = m->years(2),
                       &y2021 = m->years(3), &y2022 = m->years(4);
  EXPECT_EQ(y2018.year(), 2018);
  EXPECT_EQ(Str(y2018.reported()), "110.5");
  EXPECT_EQ(Str(y2018.mirror()), "100");
  EXPECT_EQ(Str(y2018.difference()), "10.5");
  ASSERT_TRUE(y2018.has_relative_difference());
  EXPECT_THAT(y2018.relative_difference(), DoubleNear(0.105, kTight));
  EXPECT_EQ(Str(y2019.difference()), "-30");
  EXPECT_THAT(y2019.relative_difference(), DoubleNear(-0.25, kTight));
  EXPECT_EQ(y2020.year(), 2020);
  EXPECT_EQ(Str(y2020.reported()), "50");
  EXPECT_FALSE(y2020.has_mirror());
  EXPECT_FALSE(y2020.has_difference());
  EXPECT_FALSE(y2020.has_relative_difference());
  EXPECT_EQ(y2021.year(), 2021);
  EXPECT_FALSE(y2021.has_reported());
  EXPECT_EQ(Str(y2021.mirror()), "80");
  EXPECT_FALSE(y2021.has_difference());
  EXPECT_FALSE(y2021.has_relative_difference());
  EXPECT_EQ(Str(y2022.difference()), "5");
  EXPECT_FALSE(y2022.has_relative_difference());
}

}  // namespace
}  // namespace culturetrade
