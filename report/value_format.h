// Values formatted the one way ctrade's tables and its report both show them: amounts in a
// scale, their unit, ratios, multiples, percentages and the markers of a value's status.
#ifndef CULTURETRADE_REPORT_VALUE_FORMAT_H_
#define CULTURETRADE_REPORT_VALUE_FORMAT_H_

#include <string>

#include "culturetrade/v1/trade_flow.pb.h"
#include "google/type/money.pb.h"

namespace culturetrade::report {

// An amount for display: divided by 10^scale, with `digits` decimals; "-" when absent.
std::string Amount(bool present, const google::type::Money& money, int scale, int digits = 2);
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
