#include "core/price_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade {
namespace {

using ::testing::HasSubstr;

Decimal D(const char* text) { return *Decimal::Parse(text); }

PriceIndex KoreaCpi() {
  return *PriceIndex::Make("kor-cpi", "Korea CPI (2015 = 100)", "KRW",
                           {{2015, D("100")}, {2016, D("110")}, {2018, D("125.5")}});
}

TEST(PriceIndexTest, ValueTimesBaseOverIndex) {
  const PriceIndex cpi = KoreaCpi();
  // 1000 x 100 / 110 = 909.0909090909..., rounded to 909.090909091.
  EXPECT_EQ(*cpi.InPricesOf(2015, D("1000"), "KRW", 2016), D("909.090909091"));
  // 251 x 110 / 125.5 = 220 exactly.
  EXPECT_EQ(*cpi.InPricesOf(2016, D("251"), "KRW", 2018), D("220"));
  EXPECT_EQ(*cpi.InPricesOf(2015, D("77"), "KRW", 2015), D("77"));
  // 2 x 100 / 110 = 1.81818181818..., and the negative rounds away from zero alike.
  EXPECT_EQ(*cpi.InPricesOf(2015, D("-2"), "KRW", 2016), D("-1.818181818"));
}

TEST(PriceIndexTest, MissingYearNamesIndexAndYear) {
  const PriceIndex cpi = KoreaCpi();
  absl::StatusOr<Decimal> v = cpi.InPricesOf(2015, D("1"), "KRW", 2017);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(v.status().message(), HasSubstr("price index kor-cpi has no value for 2017"));
  v = cpi.InPricesOf(2010, D("1"), "KRW", 2016);
  ASSERT_FALSE(v.ok());
  EXPECT_THAT(v.status().message(), HasSubstr("no value for 2010"));
}

TEST(PriceIndexTest, AmountsInAnotherCurrencyAreRefused) {
  absl::StatusOr<Decimal> v = KoreaCpi().InPricesOf(2015, D("1"), "USD", 2016);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(v.status().message(), HasSubstr("in KRW, not USD"));
}

TEST(PriceIndexTest, NonPositiveValuesAreRefused) {
  absl::StatusOr<PriceIndex> index = PriceIndex::Make("x", "", "KRW", {{2015, D("0")}});
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(index.status().message(), HasSubstr("in 2015"));
}

}  // namespace
}  // namespace culturetrade
