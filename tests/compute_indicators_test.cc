// ComputeIndicators, in process, on a small world, 2020, in USD.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kM;
using ::culturetrade::testing::kTight;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Year;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Exports (reporter -> partner, product: value):
//   KOR -> CHN  P1 30, P2 45, P3 0, TOTAL  75
//   KOR -> USA  P1 10, P2 15,       TOTAL  25
//   KOR -> WLD  P1 40, P2 60,       TOTAL 100
//   JPN -> CHN                      TOTAL 125
//   JPN -> USA                      TOTAL 175
//   JPN -> WLD  P1 60, P2 240,      TOTAL 300
//   WLD -> CHN                      TOTAL 200
//   WLD -> USA                      TOTAL 200
//   WLD -> WLD  P1 100, P2 300,     TOTAL 400   (the world totals)
// Imports of KOR from CHN: P1 10, P2 45, TOTAL 55.
v1::Dataset SmallWorld(bool with_world_totals) {
  v1::Dataset d;
  struct Row {
    const char* reporter;
    const char* partner;
    const char* product;
    v1::FlowDirection direction;
    const char* value;
  };
  const Row rows[] = {
      {"KOR", "CHN", "P1", kX, "30"},     {"KOR", "CHN", "P2", kX, "45"},
      {"KOR", "CHN", "P3", kX, "0"},      {"KOR", "CHN", "TOTAL", kX, "75"},
      {"KOR", "USA", "P1", kX, "10"},     {"KOR", "USA", "P2", kX, "15"},
      {"KOR", "USA", "TOTAL", kX, "25"},  {"KOR", "WLD", "P1", kX, "40"},
      {"KOR", "WLD", "P2", kX, "60"},     {"KOR", "WLD", "TOTAL", kX, "100"},
      {"JPN", "CHN", "TOTAL", kX, "125"}, {"JPN", "USA", "TOTAL", kX, "175"},
      {"JPN", "WLD", "P1", kX, "60"},     {"JPN", "WLD", "P2", kX, "240"},
      {"JPN", "WLD", "TOTAL", kX, "300"}, {"WLD", "CHN", "TOTAL", kX, "200"},
      {"WLD", "USA", "TOTAL", kX, "200"}, {"KOR", "CHN", "P1", kM, "10"},
      {"KOR", "CHN", "P2", kM, "45"},     {"KOR", "CHN", "TOTAL", kM, "55"},
  };
  for (const Row& r : rows) {
    AddFlow(d, r.reporter, r.partner, r.product, r.direction, Year(2020), r.value, "USD");
  }
  if (with_world_totals) {
    AddFlow(d, "WLD", "WLD", "P1", kX, Year(2020), "100", "USD");
    AddFlow(d, "WLD", "WLD", "P2", kX, Year(2020), "300", "USD");
    AddFlow(d, "WLD", "WLD", "TOTAL", kX, Year(2020), "400", "USD");
  }
  return d;
}

v1::ComputeIndicatorsRequest IndicatorsRequest(const v1::Dataset& d, const std::string& reporter,
                                               const std::string& partner,
                                               const std::string& product,
                                               const std::vector<v1::IndicatorKind>& kinds) {
  v1::ComputeIndicatorsRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_year(2020);
  r.set_reporter(reporter);
  r.set_partner(partner);
  r.set_product_code(product);
  for (v1::IndicatorKind k : kinds) r.add_indicators(k);
  return r;
}

// Grubel-Lloyd of KOR with CHN, 1 - |X - M| / (X + M):
//   P1: 1 - |30 - 10| / 40 = 0.5;  P2: 1 - 0 / 90 = 1;  P3: no trade, skipped; TOTAL is not a
//   product.  Weighted: 1 - (20 + 0) / (40 + 90) = 11/13.
void ExpectGrubelLloyd(const v1::IndicatorValue& gl) {
  EXPECT_EQ(gl.kind(), v1::INDICATOR_KIND_GRUBEL_LLOYD);
  EXPECT_THAT(gl.value(), DoubleNear(11.0 / 13.0, kTight));
  ASSERT_EQ(gl.by_product_size(), 2);
  EXPECT_THAT(gl.by_product().at("P1"), DoubleNear(0.5, kTight));
  EXPECT_THAT(gl.by_product().at("P2"), DoubleNear(1.0, kTight));
  EXPECT_THAT(gl.skipped_products(), ElementsAre("P3"));
}

// Normalized HHI (sqrt(sum s^2) - sqrt(1/N)) / (1 - sqrt(1/N)), N = 2:
//   over KOR's partners (TOTAL, WLD excluded): CHN 75, USA 25 -> shares .75, .25, sum s^2 = .625
//   over KOR's products (to WLD, TOTAL excluded): P1 40, P2 60 -> shares .4, .6, sum s^2 = .52
double Hhi2(double sum_of_squares) {
  return (std::sqrt(sum_of_squares) - std::sqrt(0.5)) / (1.0 - std::sqrt(0.5));
}

void ExpectConcentration(const v1::ComputeIndicatorsResponse& c) {
  ASSERT_EQ(c.values_size(), 2);
  EXPECT_EQ(c.values(0).kind(), v1::INDICATOR_KIND_HHI_PARTNERS);
  EXPECT_THAT(c.values(0).value(), DoubleNear(Hhi2(0.625), kTight));  // 0.2071...
  EXPECT_EQ(c.values(0).count(), 2);
  EXPECT_EQ(c.values(1).kind(), v1::INDICATOR_KIND_HHI_PRODUCTS);
  EXPECT_THAT(c.values(1).value(), DoubleNear(Hhi2(0.52), kTight));  // 0.0478...
  EXPECT_EQ(c.values(1).count(), 2);
}

TEST_F(AnalysesTest, IndicatorsOnASmallWorld) {
  const v1::Dataset world = SmallWorld(/*with_world_totals=*/true);

  // Grubel-Lloyd as above; trade intensity of KOR's exports to CHN:
  //   (x_ij / X_i) / (x_wj / X_w) = (75 / 100) / (200 / 400) = 1.5.
  absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
      *store_,
      IndicatorsRequest(world, "KOR", "CHN", "",
                        {v1::INDICATOR_KIND_GRUBEL_LLOYD, v1::INDICATOR_KIND_TRADE_INTENSITY}),
      NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 2);
  ExpectGrubelLloyd(c->values(0));
  EXPECT_EQ(c->values(1).kind(), v1::INDICATOR_KIND_TRADE_INTENSITY);
  EXPECT_THAT(c->values(1).value(), DoubleNear(1.5, kTight));
  EXPECT_FALSE(c->values(1).has_symmetric_value());

  // Balassa RCA of KOR in P1: (x_ik / X_i) / (x_wk / X_w) = (40 / 100) / (100 / 400) = 1.6;
  // symmetric (1.6 - 1) / (1.6 + 1) = 3/13. Market share 40 / 100 = 0.4.
  c = ComputeIndicators(
      *store_,
      IndicatorsRequest(world, "KOR", "", "P1",
                        {v1::INDICATOR_KIND_RCA, v1::INDICATOR_KIND_MARKET_SHARE}),
      NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 2);
  EXPECT_EQ(c->values(0).kind(), v1::INDICATOR_KIND_RCA);
  EXPECT_THAT(c->values(0).value(), DoubleNear(1.6, kTight));
  ASSERT_TRUE(c->values(0).has_symmetric_value());
  EXPECT_THAT(c->values(0).symmetric_value(), DoubleNear(3.0 / 13.0, kTight));
  EXPECT_EQ(c->values(1).kind(), v1::INDICATOR_KIND_MARKET_SHARE);
  EXPECT_THAT(c->values(1).value(), DoubleNear(0.4, kTight));

  // JPN in P1: (60 / 300) / (100 / 400) = 0.8, symmetric -0.2 / 1.8 = -1/9; share 60 / 100.
  c = ComputeIndicators(
      *store_,
      IndicatorsRequest(world, "JPN", "", "P1",
                        {v1::INDICATOR_KIND_RCA, v1::INDICATOR_KIND_MARKET_SHARE}),
      NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 2);
  EXPECT_THAT(c->values(0).value(), DoubleNear(0.8, kTight));
  EXPECT_THAT(c->values(0).symmetric_value(), DoubleNear(-1.0 / 9.0, kTight));
  EXPECT_THAT(c->values(1).value(), DoubleNear(0.6, kTight));

  c = ComputeIndicators(
      *store_,
      IndicatorsRequest(world, "KOR", "", "",
                        {v1::INDICATOR_KIND_HHI_PARTNERS, v1::INDICATOR_KIND_HHI_PRODUCTS}),
      NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ExpectConcentration(*c);
}

// Grubel-Lloyd and concentration read no world totals, so they work without them.
TEST_F(AnalysesTest, IndicatorsThatNeedNoWorldTotals) {
  const v1::Dataset world = SmallWorld(/*with_world_totals=*/false);
  absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
      *store_, IndicatorsRequest(world, "KOR", "CHN", "", {v1::INDICATOR_KIND_GRUBEL_LLOYD}),
      NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ(c->values_size(), 1);
  ExpectGrubelLloyd(c->values(0));
  c = ComputeIndicators(
      *store_,
      IndicatorsRequest(world, "KOR", "", "",
                        {v1::INDICATOR_KIND_HHI_PARTNERS, v1::INDICATOR_KIND_HHI_PRODUCTS}),
      NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  ExpectConcentration(*c);
}

TEST_F(AnalysesTest, RcaWithoutWorldTotalsNamesWhatIsMissing) {
  for (v1::IndicatorKind kind : {v1::INDICATOR_KIND_RCA, v1::INDICATOR_KIND_MARKET_SHARE}) {
    absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
        *store_,
        IndicatorsRequest(SmallWorld(/*with_world_totals=*/false), "KOR", "", "P1", {kind}),
        NoCaller());
    ASSERT_FALSE(c.ok()) << v1::IndicatorKind_Name(kind);
    EXPECT_EQ(c.status().code(), absl::StatusCode::kFailedPrecondition) << c.status();
    // The world's exports of P1 (reporter WLD, partner WLD) are what is missing.
    EXPECT_THAT(c.status().message(), HasSubstr("WLD"));
    EXPECT_THAT(c.status().message(), HasSubstr("P1"));
  }
  // A dataset without any world flow at all: KOR's exports of P1 to the world are missing.
  v1::Dataset bilateral;
  AddFlow(bilateral, "KOR", "CHN", "P1", kX, Year(2020), "30", "USD");
  absl::StatusOr<v1::ComputeIndicatorsResponse> c = ComputeIndicators(
      *store_, IndicatorsRequest(bilateral, "KOR", "", "P1", {v1::INDICATOR_KIND_RCA}), NoCaller());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kFailedPrecondition) << c.status();
  EXPECT_THAT(c.status().message(), HasSubstr("WLD"));
}

}  // namespace
}  // namespace culturetrade
