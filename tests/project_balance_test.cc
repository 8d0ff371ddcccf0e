// ProjectBalance, in process: with given growth and on trend growth.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "proto/money_convert.h"
#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kM;
using ::culturetrade::testing::kTight;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::ProjectionRequest;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::Year;
using ::testing::DoubleNear;

// From 2020 exports of 100 and imports of 300, growing 50 % and 20 % a year:
//   2021: 150      360      -210
//   2022: 225      432      -207
//   2023: 337.5    518.4    -180.9
//   2024: 506.25   622.08   -115.83
//   2025: 759.375  746.496    12.879   <- closes: (1.5 / 1.2)^t >= 3 first at t = 5
// (ln 3 / ln 1.25 = 4.92). Closing by 2030 takes (300 / 100)^(1/10) x 1.2 - 1 = 33.93 %.
TEST_F(AnalysesTest, ProjectionWithGivenGrowthCloses) {
  v1::Dataset d;
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2020), "100", "USD");
  AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2020), "300", "USD");
  v1::ProjectBalanceRequest r = ProjectionRequest(d);
  r.set_basis(v1::GROWTH_BASIS_GIVEN);
  r.set_export_growth(0.5);
  r.set_import_growth(0.2);
  r.set_to_year(2025);
  r.set_close_by_year(2030);
  absl::StatusOr<v1::ProjectBalanceResponse> p = ProjectBalance(*store_, r, NoCaller());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->base_year(), 2020);
  EXPECT_EQ(p->basis(), v1::GROWTH_BASIS_GIVEN);
  EXPECT_EQ(p->export_growth(), 0.5);
  EXPECT_EQ(p->import_growth(), 0.2);
  EXPECT_EQ(p->currency_code(), "USD");
  EXPECT_TRUE(p->deficit_closes());
  EXPECT_EQ(p->closing_year(), 2025);
  EXPECT_EQ(p->never_closes_reason(), "");
  ASSERT_EQ(p->years_size(), 5);
  EXPECT_EQ(p->years(0).year(), 2021);
  EXPECT_EQ(Str(p->years(0).exports()), "150");
  EXPECT_EQ(Str(p->years(0).imports()), "360");
  EXPECT_EQ(Str(p->years(2).exports()), "337.5");
  EXPECT_EQ(Str(p->years(2).imports()), "518.4");
  EXPECT_EQ(Str(p->years(3).balance()), "-115.83");
  EXPECT_EQ(p->years(4).year(), 2025);
  EXPECT_EQ(Str(p->years(4).exports()), "759.375");
  EXPECT_EQ(Str(p->years(4).imports()), "746.496");
  EXPECT_EQ(Str(p->years(4).balance()), "12.879");
  ASSERT_TRUE(p->has_required_export_growth());
  EXPECT_THAT(p->required_export_growth(), DoubleNear(std::pow(3.0, 0.1) * 1.2 - 1.0, kTight));
}

// History 2018-2020: exports 100, 120, 144 (+20 % a year), imports 400, 440, 484 (+10 %).
// Trend growth is then 20 % and 10 % exactly. From 2020, 144 x 1.2^t >= 484 x 1.1^t first at
// t = 14 (ln(484/144) / ln(1.2/1.1) = 13.93): 2034, when exports are 1848.84 and imports 1837.99.
TEST_F(AnalysesTest, ProjectionOnTrendGrowth) {
  v1::Dataset d;
  const char* exports[] = {"100", "120", "144"};
  const char* imports[] = {"400", "440", "484"};
  for (int i = 0; i < 3; ++i) {
    AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2018 + i), exports[i], "USD");
    AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2018 + i), imports[i], "USD");
  }
  v1::ProjectBalanceRequest r = ProjectionRequest(d);
  r.set_basis(v1::GROWTH_BASIS_TREND);
  r.set_to_year(2034);
  absl::StatusOr<v1::ProjectBalanceResponse> p = ProjectBalance(*store_, r, NoCaller());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->basis(), v1::GROWTH_BASIS_TREND);
  EXPECT_EQ(p->base_year(), 2020);
  EXPECT_THAT(p->export_growth(), DoubleNear(0.2, kTight));
  EXPECT_THAT(p->import_growth(), DoubleNear(0.1, kTight));
  EXPECT_TRUE(p->deficit_closes());
  EXPECT_EQ(p->closing_year(), 2034);
  ASSERT_EQ(p->years_size(), 14);
  // 2021: 144 x 1.2 = 172.8 and 484 x 1.1 = 532.4.
  EXPECT_EQ(Str(p->years(0).exports()), "172.8");
  EXPECT_EQ(Str(p->years(0).imports()), "532.4");
  EXPECT_FALSE(p->has_required_export_growth());
  // 2033 (t = 13) still runs a deficit: 1540.70 against 1670.90; 2034 a surplus.
  EXPECT_LT(DecimalFromMoney(p->years(12).balance())->ToDouble(), 0);
  EXPECT_GT(DecimalFromMoney(p->years(13).balance())->ToDouble(), 0);
  EXPECT_THAT(DecimalFromMoney(p->years(13).exports())->ToDouble(), DoubleNear(1848.84, 0.01));
  EXPECT_THAT(DecimalFromMoney(p->years(13).imports())->ToDouble(), DoubleNear(1837.99, 0.01));
}

}  // namespace
}  // namespace culturetrade
