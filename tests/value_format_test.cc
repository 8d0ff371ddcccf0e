// The formatting ctrade's tables and its report share.
#include "report/value_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade::report {
namespace {

google::type::Money Usd(int64_t units, int32_t nanos = 0) {
  google::type::Money m;
  m.set_currency_code("USD");
  m.set_units(units);
  m.set_nanos(nanos);
  return m;
}

TEST(Amount, ScaledWithDigitsOrADashWhenAbsent) {
  EXPECT_EQ(Amount(true, Usd(1234567), 6), "1.23");
  EXPECT_EQ(Amount(false, Usd(1), 0), "-");
}

TEST(UnitText, NamesTheScale) {
  EXPECT_EQ(UnitText(6, "CNY"), "millions of CNY");
  EXPECT_EQ(UnitText(0, "CNY"), "CNY");
}

TEST(Numbers, RatioTimesPercent) {
  EXPECT_EQ(Ratio(0.83123), "0.8312");
  EXPECT_EQ(Times(3.5), "3.50x");
  EXPECT_EQ(Percent(0.2685), "+26.85%");
}

TEST(StatusMark, DerivedEstimatedAndPartial) {
  EXPECT_EQ(StatusMark(v1::VALUE_STATUS_REPORTED), "");
  EXPECT_EQ(StatusMark(v1::VALUE_STATUS_DERIVED), "*");
  EXPECT_EQ(StatusMark(v1::VALUE_STATUS_ESTIMATED, true), "~p");
}

TEST(GroupThousands, CommasBetweenGroupsOfThreeDigits) {
  EXPECT_EQ(GroupThousands("136202534.00"), "136,202,534.00");
  EXPECT_EQ(GroupThousands("-1234.5"), "-1,234.5");
  EXPECT_EQ(GroupThousands("999"), "999");
  EXPECT_EQ(GroupThousands("-"), "-");
}

TEST(AutoScale, OneToThreeDigitsBeforeThePoint) {
  EXPECT_EQ(AutoScale(0), 0);
  EXPECT_EQ(AutoScale(999.99), 0);
  EXPECT_EQ(AutoScale(1000), 3);
  EXPECT_EQ(AutoScale(136202534), 6);
  EXPECT_EQ(AutoScale(-5e9), 9);
  EXPECT_EQ(AutoScale(4e13), 9);  // billions is the largest unit
}

TEST(YearRanges, RangesNotLists) {
  EXPECT_EQ(YearRanges({2001, 2002, 2003, 2019}), "2001\u20132003, 2019");
  EXPECT_EQ(YearRanges({2001}), "2001");
  EXPECT_EQ(YearRanges({}), "");
}

}  // namespace
}  // namespace culturetrade::report
