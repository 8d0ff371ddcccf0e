#include "report/value_format.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/money_format.h"

namespace culturetrade::report {

std::string Amount(bool present, const google::type::Money& money, int scale, int digits) {
  return present ? GroupThousands(FormatMoney(money, scale, digits)) : "-";
}

std::string PlainAmount(bool present, const google::type::Money& money, int scale, int digits) {
  return present ? FormatMoney(money, scale, digits) : "";
}

std::string GroupThousands(const std::string& number) {
  const size_t start = number.find_first_of("0123456789");
  if (start == std::string::npos) return number;
  const size_t end = number.find_first_not_of("0123456789", start);
  const size_t digits = (end == std::string::npos ? number.size() : end) - start;
  std::string out = number.substr(0, start);
  for (size_t i = 0; i < digits; ++i) {
    if (i > 0 && (digits - i) % 3 == 0) out += ',';
    out += number[start + i];
  }
  return out + (end == std::string::npos ? "" : number.substr(end));
}

int AutoScale(double largest) {
  int scale = 0;
  while (scale < 9 && std::fabs(largest) >= std::pow(10.0, scale + 3)) scale += 3;
  return scale;
}

double Magnitude(const google::type::Money& money) {
  return std::fabs(static_cast<double>(money.units()) + money.nanos() / 1e9);
}

std::string YearRanges(const std::vector<int>& years) {
  std::string out;
  for (size_t i = 0; i < years.size(); ++i) {
    size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    absl::StrAppend(&out, out.empty() ? "" : ", ", years[i]);
    if (j > i) absl::StrAppend(&out, "\u2013", years[j]);
    i = j;
  }
  return out;
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
