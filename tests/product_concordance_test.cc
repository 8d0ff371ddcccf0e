#include "core/product_concordance.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade {
namespace {

using ::testing::HasSubstr;

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(ProductConcordanceTest, SplitCodeKeepsItsShares) {
  absl::StatusOr<ProductConcordance> t = ProductConcordance::Make(
      "hs2022-to-hs2007", "HS 2022 to 2007",
      {{"852589", "852580", D("0.25")}, {"852589", "852520", D("0.75")}, {"970110", "970110"}});
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ(t->SharesOf("852589").size(), 2u);
  EXPECT_EQ(t->SharesOf("852589")[1].group_code, "852520");
  EXPECT_EQ(t->SharesOf("852589")[1].weight, D("0.75"));
  EXPECT_EQ(t->SharesOf("970110")[0].weight, D("1"));
  EXPECT_TRUE(t->SharesOf("999999").empty());
  EXPECT_TRUE(t->HasGroup("852520"));
  EXPECT_FALSE(t->HasGroup("852589"));
}

TEST(ProductConcordanceTest, WeightsThatAreNotSharesOrDoNotSumToOne) {
  absl::StatusOr<ProductConcordance> t = ProductConcordance::Make(
      "t", "", {{"852589", "852580", D("0.25")}, {"852589", "852520", D("0.7")}});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr("weights of product 852589 sum to 0.95, not 1"));
  t = ProductConcordance::Make("t", "", {{"1", "A", D("1.5")}});
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("1.5 is not a share"));
  t = ProductConcordance::Make("t", "", {{"1", "A", D("0")}});
  EXPECT_FALSE(t.ok());
  t = ProductConcordance::Make("t", "", {{"1", "A", D("0.5")}, {"1", "A", D("0.5")}});
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("maps into A twice"));
}

TEST(ProductConcordanceTest, ApportionRoundsHalfAwayFromZeroToNineDigits) {
  EXPECT_EQ(*Apportion(D("1000"), D("0.25")), D("250"));
  // 0.000000003 x 0.5 = 0.0000000015, half a nano: away from zero.
  EXPECT_EQ(*Apportion(D("0.000000003"), D("0.5")), D("0.000000002"));
  EXPECT_EQ(*Apportion(D("-0.000000003"), D("0.5")), D("-0.000000002"));
  // 10 x 0.333333333 = 3.33333333 exactly.
  EXPECT_EQ(*Apportion(D("10"), D("0.333333333")), D("3.33333333"));
}

}  // namespace
}  // namespace culturetrade
