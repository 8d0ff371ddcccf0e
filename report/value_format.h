// Values formatted the one way ctrade's tables and its report both show them: amounts in a
// scale, their unit, ratios, multiples, percentages and the markers of a value's status.
#ifndef CULTURETRADE_REPORT_VALUE_FORMAT_H_
#define CULTURETRADE_REPORT_VALUE_FORMAT_H_

#include <string>
#include <vector>

#include "culturetrade/v1/trade_flow.pb.h"
#include "google/type/money.pb.h"

namespace culturetrade::report {

// An amount for people: divided by 10^scale, with `digits` decimals and thousands separators
// ("136,202,534.00"); "-" when absent.
std::string Amount(bool present, const google::type::Money& money, int scale, int digits = 2);
// The same for programs (CSV): no separators, "" when absent.
std::string PlainAmount(bool present, const google::type::Money& money, int scale, int digits = 2);
// `number` ("-1234567.5") with a comma between each group of three digits of its integer part.
std::string GroupThousands(const std::string& number);
// --scale auto: the power of ten (0, 3, 6 or 9) that leaves the largest amount of a table, in
// magnitude, one to three digits before the decimal point (units below a thousand).
int AutoScale(double largest);
// The magnitude of `money` in units, for choosing a scale.
double Magnitude(const google::type::Money& money);
// Years as ranges: "2001–2019", or "2001–2005, 2008, 2010–2012" where some are missing.
std::string YearRanges(const std::vector<int>& years);
// "millions of CNY" or "CNY".
std::string UnitText(int scale, const std::string& currency);
// A ratio with four decimals: "0.8312".
std::string Ratio(double v);
// A multiple with two decimals: "3.50x".
std::string Times(double v);
// `rate` (a fraction) as a signed percentage with two decimals: 0.2685 -> "26.85%".
std::string Percent(double rate);

// * derived, ~ estimated, then p for a partial year: the markers of ctrade's tables.
std::string StatusMark(v1::ValueStatus status, bool partial = false);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_VALUE_FORMAT_H_
