#include "client/money_format.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "core/decimal.h"
#include "proto/money_convert.h"

namespace culturetrade {
namespace {

Decimal PowerOfTen(int exponent) {
  int64_t p = 1;
  for (int i = 0; i < exponent; ++i) p *= 10;
  return Decimal::FromUnits(p);
}

}  // namespace

std::string FormatMoney(const google::type::Money& money, int scale_exponent, int digits) {
  absl::StatusOr<Decimal> value = DecimalFromMoney(money);
  if (!value.ok()) return "?";
  absl::StatusOr<Decimal> scaled = value->DividedBy(PowerOfTen(scale_exponent));
  return scaled.ok() ? scaled->ToString(digits) : "?";
}

absl::StatusOr<google::type::Money> ParseMoney(const std::string& text, int scale_exponent,
                                               const std::string& currency) {
  absl::StatusOr<Decimal> value = Decimal::Parse(absl::StrReplaceAll(text, {{",", ""}}));
  if (!value.ok()) return value.status();
  absl::StatusOr<Decimal> scaled = value->Times(PowerOfTen(scale_exponent));
  if (!scaled.ok()) return scaled.status();
  return MoneyFromDecimal(*scaled, currency);
}

}  // namespace culturetrade
