#include "core/indicators.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

bool Mentions(const absl::Status& status, absl::string_view words) {
  return status.message().find(words) != absl::string_view::npos;
}

TEST(GrubelLloydTest, HandComputedValues) {
  EXPECT_DOUBLE_EQ(*GrubelLloyd(D("30"), D("10")), 0.5);  // 1 − 20 / 40
  EXPECT_DOUBLE_EQ(*GrubelLloyd(D("16.96"), D("16.96")), 1.0);
  EXPECT_DOUBLE_EQ(*GrubelLloyd(D("0"), D("289.83")), 0.0);
  EXPECT_DOUBLE_EQ(*GrubelLloyd(D("5"), D("0")), 0.0);
}

TEST(GrubelLloydTest, NoTradeOrNegativeFlowIsAnError) {
  absl::StatusOr<double> none = GrubelLloyd(D("0"), D("0"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(none.status(), "no trade"));
  absl::StatusOr<double> negative = GrubelLloyd(D("10"), D("-1"));
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(negative.status(), "imports are negative"));
}

TEST(GrubelLloydTest, AggregateIsWeightedByTotalTrade) {
  const std::vector<ProductTrade> products = {
      {"dramas", D("30"), D("10")},  // GL 0.5, weight 40
      {"films", D("5"), D("5")},     // GL 1, weight 10
      {"music", D("0"), D("0")},     // no trade: skipped
  };
  absl::StatusOr<GrubelLloydResult> r = GrubelLloydIndex(products);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->by_product.size(), 2u);
  EXPECT_EQ(r->by_product[0].first, "dramas");
  EXPECT_DOUBLE_EQ(r->by_product[0].second, 0.5);
  EXPECT_EQ(r->by_product[1].first, "films");
  EXPECT_DOUBLE_EQ(r->by_product[1].second, 1.0);
  // (0.5 × 40 + 1 × 10) / 50, not the unweighted mean 0.75.
  EXPECT_DOUBLE_EQ(r->aggregate, 0.6);
  EXPECT_EQ(r->skipped, std::vector<std::string>{"music"});
}

TEST(GrubelLloydTest, AggregateNeedsSomeTrade) {
  const std::vector<ProductTrade> idle = {{"a", D("0"), D("0")}, {"b", D("0"), D("0")}};
  EXPECT_EQ(GrubelLloydIndex(idle).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(GrubelLloydIndex({}).status().code(), absl::StatusCode::kFailedPrecondition);
  const std::vector<ProductTrade> bad = {{"a", D("1"), D("1")}, {"games", D("-2"), D("1")}};
  absl::StatusOr<GrubelLloydResult> r = GrubelLloydIndex(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Mentions(r.status(), "'games'"));
}

TEST(BalassaRcaTest, HandComputedValue) {
  // (20 / 100) / (50 / 1000) = 0.2 / 0.05
  EXPECT_DOUBLE_EQ(*BalassaRca(D("20"), D("100"), D("50"), D("1000")), 4.0);
  EXPECT_DOUBLE_EQ(*BalassaRca(D("5"), D("100"), D("50"), D("1000")), 1.0);
  EXPECT_DOUBLE_EQ(*BalassaRca(D("0"), D("100"), D("50"), D("1000")), 0.0);
}

TEST(BalassaRcaTest, EachMissingDenominatorIsNamed) {
  struct Case {
    const char* xik;
    const char* xi;
    const char* xwk;
    const char* xw;
    const char* named;
  };
  for (const Case& c :
       {Case{"1", "0", "50", "1000", "the reporter's total exports (X_i) are zero"},
        Case{"1", "100", "0", "1000", "the world's exports of the product (x_wk) are zero"},
        Case{"1", "100", "50", "0", "the world's total exports (X_w) are zero or missing"},
        Case{"1", "100", "50", "-5", "(X_w) are negative"}}) {
    absl::StatusOr<double> r = BalassaRca(D(c.xik), D(c.xi), D(c.xwk), D(c.xw));
    ASSERT_FALSE(r.ok()) << c.named;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_TRUE(Mentions(r.status(), c.named)) << r.status();
  }
}

TEST(BalassaRcaTest, PartLargerThanTotalMeansMixedUpArguments) {
  // The reporter's product exports and total swapped.
  EXPECT_EQ(BalassaRca(D("100"), D("20"), D("50"), D("1000")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BalassaRca(D("-1"), D("20"), D("50"), D("1000")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SymmetricRcaTest, MapsOneToZero) {
  EXPECT_DOUBLE_EQ(SymmetricRca(1.0), 0.0);
  EXPECT_DOUBLE_EQ(SymmetricRca(4.0), 0.6);  // 3 / 5
  EXPECT_DOUBLE_EQ(SymmetricRca(0.0), -1.0);
  EXPECT_DOUBLE_EQ(SymmetricRca(0.25), -0.6);  // symmetric to 4
}

TEST(TradeIntensityTest, HandComputedValueAndErrors) {
  // (30 / 100) / (100 / 1000) = 0.3 / 0.1
  EXPECT_NEAR(*TradeIntensity(D("30"), D("100"), D("100"), D("1000")), 3.0, 1e-15);
  absl::StatusOr<double> r = TradeIntensity(D("30"), D("100"), D("0"), D("1000"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(r.status(), "the world's exports to the partner (x_wj)"));
  EXPECT_TRUE(Mentions(TradeIntensity(D("30"), D("0"), D("100"), D("1000")).status(), "(X_i)"));
}

TEST(MarketShareTest, ShareAndItsLimits) {
  EXPECT_DOUBLE_EQ(*MarketShare(D("25"), D("200")), 0.125);
  EXPECT_DOUBLE_EQ(*MarketShare(D("200"), D("200")), 1.0);
  EXPECT_EQ(MarketShare(D("1"), D("0")).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(MarketShare(D("201"), D("200")).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MarketShare(D("-1"), D("200")).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(NormalizedHhiTest, OnePartnerIsFullConcentration) {
  const std::vector<Decimal> one = {D("289.83")};
  EXPECT_DOUBLE_EQ(*NormalizedHhi(one), 1.0);
  // All trade with one of three partners: Σ s² = 1.
  const std::vector<Decimal> single = {D("0"), D("7"), D("0")};
  EXPECT_NEAR(*NormalizedHhi(single), 1.0, 1e-12);
}

TEST(NormalizedHhiTest, EqualSharesAreZero) {
  const std::vector<Decimal> equal = {D("3"), D("3"), D("3")};
  EXPECT_NEAR(*NormalizedHhi(equal), 0.0, 1e-12);
  const std::vector<Decimal> seven(7, D("0.1"));
  const double hhi = *NormalizedHhi(seven);
  EXPECT_GE(hhi, 0.0);
  EXPECT_NEAR(hhi, 0.0, 1e-12);
}

TEST(NormalizedHhiTest, HandComputedValues) {
  // Shares 0.75, 0.25: (sqrt(0.625) − sqrt(0.5)) / (1 − sqrt(0.5)).
  const std::vector<Decimal> two = {D("75"), D("25")};
  EXPECT_NEAR(*NormalizedHhi(two), (std::sqrt(0.625) - std::sqrt(0.5)) / (1 - std::sqrt(0.5)),
              1e-12);
  EXPECT_NEAR(*NormalizedHhi(two), 0.2849592564609895, 1e-12);
  // Shares 0.5, 0.3, 0.2: Σ s² = 0.38.
  const std::vector<Decimal> three = {D("50"), D("30"), D("20")};
  EXPECT_NEAR(*NormalizedHhi(three), 0.09249060926247346, 1e-12);
}

TEST(NormalizedHhiTest, RefusesEmptyZeroAndNegative) {
  EXPECT_EQ(NormalizedHhi({}).status().code(), absl::StatusCode::kFailedPrecondition);
  const std::vector<Decimal> zeros = {D("0"), D("0")};
  EXPECT_EQ(NormalizedHhi(zeros).status().code(), absl::StatusCode::kFailedPrecondition);
  const std::vector<Decimal> negative = {D("5"), D("-1")};
  EXPECT_EQ(NormalizedHhi(negative).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace culturetrade
