#include "core/decimal.h"

#include <gtest/gtest.h>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

TEST(DecimalTest, ParsesAndPrintsExactly) {
  EXPECT_EQ(D("4.07").ToString(), "4.07");
  EXPECT_EQ(D("-272.87").ToString(2), "-272.87");
  EXPECT_EQ(D("+0.000000001").ToString(), "0.000000001");
  EXPECT_EQ(D("12").ToString(3), "12.000");
  EXPECT_EQ(D(".5").ToString(), "0.5");
}

TEST(DecimalTest, RejectsWhatIsNotADecimal) {
  for (const char* bad : {"", "-", ".", "1e5", "1.2.3", "abc", "1.0000000001", "1,5"}) {
    EXPECT_FALSE(Decimal::Parse(bad).ok()) << bad;
  }
}

TEST(DecimalTest, SumsDoNotDrift) {
  // 0.1 added ten million times is exactly one million: no binary rounding creeps in.
  Decimal sum;
  const Decimal tenth = D("0.1");
  for (int i = 0; i < 10'000'000; ++i) sum += tenth;
  EXPECT_EQ(sum, D("1000000"));
}

TEST(DecimalTest, RoundsHalfAwayFromZeroOnlyWhenPresenting) {
  EXPECT_EQ(D("2.345").ToString(2), "2.35");
  EXPECT_EQ(D("-2.345").ToString(2), "-2.35");
  EXPECT_EQ(D("2.344999").ToString(2), "2.34");
  EXPECT_EQ(D("0.004").ToString(2), "0.00");
  EXPECT_EQ(D("2.345").Rounded(1), D("2.3"));
}

TEST(DecimalTest, MoneyPartsRoundTrip) {
  int64_t units = 0;
  int32_t nanos = 0;
  ASSERT_TRUE(D("-1.5").ToUnitsNanos(&units, &nanos).ok());
  EXPECT_EQ(units, -1);
  EXPECT_EQ(nanos, -500000000);
  EXPECT_EQ(*Decimal::FromUnitsNanos(units, nanos), D("-1.5"));
  EXPECT_FALSE(Decimal::FromUnitsNanos(1, -5).ok());
  EXPECT_FALSE(Decimal::FromUnitsNanos(0, 1000000000).ok());
}

TEST(DecimalTest, MultipliesAndDividesWithNineDigits) {
  EXPECT_EQ(*D("150000000").Times(D("6.1937")), D("929055000"));
  EXPECT_EQ(*D("1").DividedBy(D("3")), D("0.333333333"));
  EXPECT_EQ(*D("2").DividedBy(D("3")), D("0.666666667"));
  EXPECT_FALSE(D("1").DividedBy(D("0")).ok());
  EXPECT_FALSE(D("100000000000000000000000000").Times(D("100000000000000000000")).ok());
}

TEST(DecimalTest, RatioIsADouble) { EXPECT_DOUBLE_EQ(Ratio(D("1"), D("4")), 0.25); }

}  // namespace
}  // namespace culturetrade
