#include "report/value_format.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/money_format.h"

namespace culturetrade::report {

std::string Amount(bool present, const google::type::Money& money, int scale, int digits) {
  return present ? FormatMoney(money, scale, digits) : "-";
}

std::string UnitText(int scale, const std::string& currency) {
  switch (scale) {
    case 3: return "thousands of " + currency;
    case 6: return "millions of " + currency;
    case 9: return "billions of " + currency;
    default: return currency;
  }
}

std::string Ratio(double v) { return absl::StrFormat("%.4f", v); }

std::string Times(double v) { return absl::StrFormat("%.2fx", v); }

std::string Percent(double rate) { return absl::StrFormat("%+.2f%%", rate * 100.0); }

std::string StatusMark(v1::ValueStatus status, bool partial) {
  const char* mark = status == v1::VALUE_STATUS_DERIVED     ? "*"
                     : status == v1::VALUE_STATUS_ESTIMATED ? "~"
                                                            : "";
  return absl::StrCat(mark, partial ? "p" : "");
}

}  // namespace culturetrade::report
