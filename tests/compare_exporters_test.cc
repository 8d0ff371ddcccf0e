// CompareExporters, in process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AddRate;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kTight;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::Year;
using ::testing::DoubleNear;
using ::testing::HasSubstr;

// CompareExporters with world exports present, 2020, P1:
//   KOR 40 USD; JPN 6000 JPY at 100 JPY per USD = 60 USD; the world (WLD -> WLD) 100 USD.
//   Ratio 40 / 60 = 2/3, one in 1.5; shares 40 / 100 = 0.4 and 60 / 100 = 0.6.
TEST_F(AnalysesTest, ExportersWithWorldExportsHaveMarketShares) {
  v1::Dataset d;
  AddFlow(d, "KOR", "WLD", "P1", kX, Year(2020), "40", "USD");
  AddFlow(d, "JPN", "WLD", "P1", kX, Year(2020), "6000", "JPY");
  AddFlow(d, "WLD", "WLD", "P1", kX, Year(2020), "100", "USD");
  AddRate(d, Year(2020), "USD", "JPY", "100");
  v1::CompareExportersRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_product_code("P1");
  r.set_year(2020);
  r.set_reporter_a("KOR");
  r.set_reporter_b("JPN");
  r.set_target_currency("USD");
  absl::StatusOr<v1::CompareExportersResponse> c = CompareExporters(*store_, r, NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->a().reporter(), "KOR");
  EXPECT_EQ(c->a().rate(), "1");
  EXPECT_EQ(Str(c->a().converted()), "40");
  EXPECT_EQ(c->b().reporter(), "JPN");
  EXPECT_EQ(c->b().reported().currency_code(), "JPY");
  EXPECT_EQ(Str(c->b().reported()), "6000");
  EXPECT_EQ(c->b().rate(), "0.01");
  EXPECT_EQ(c->b().converted().currency_code(), "USD");
  EXPECT_EQ(Str(c->b().converted()), "60");
  EXPECT_THAT(c->ratio(), DoubleNear(2.0 / 3.0, kTight));
  EXPECT_THAT(c->inverse_ratio(), DoubleNear(1.5, kTight));
  EXPECT_EQ(Str(c->world_exports()), "100");
  EXPECT_EQ(c->world_exports().currency_code(), "USD");
  EXPECT_EQ(c->market_share_note(), "");
  ASSERT_TRUE(c->a().has_market_share());
  EXPECT_THAT(c->a().market_share(), DoubleNear(0.4, kTight));
  ASSERT_TRUE(c->b().has_market_share());
  EXPECT_THAT(c->b().market_share(), DoubleNear(0.6, kTight));
}

// Without the world's exports the comparison still stands, and says why shares are absent.
TEST_F(AnalysesTest, ExportersWithoutWorldExportsExplainMissingShares) {
  v1::Dataset d;
  AddFlow(d, "KOR", "WLD", "P1", kX, Year(2020), "40", "USD");
  AddFlow(d, "JPN", "WLD", "P1", kX, Year(2020), "60", "USD");
  v1::CompareExportersRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_product_code("P1");
  r.set_year(2020);
  r.set_reporter_a("KOR");
  r.set_reporter_b("JPN");
  absl::StatusOr<v1::CompareExportersResponse> c = CompareExporters(*store_, r, NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_THAT(c->ratio(), DoubleNear(2.0 / 3.0, kTight));
  EXPECT_FALSE(c->a().has_market_share());
  EXPECT_FALSE(c->b().has_market_share());
  EXPECT_FALSE(c->has_world_exports());
  EXPECT_THAT(c->market_share_note(), HasSubstr("WLD"));
}

}  // namespace
}  // namespace culturetrade
