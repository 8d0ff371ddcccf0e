#include "proto/money_convert.h"

namespace culturetrade {

absl::StatusOr<Decimal> DecimalFromMoney(const google::type::Money& money) {
  return Decimal::FromUnitsNanos(money.units(), money.nanos());
}

absl::StatusOr<google::type::Money> MoneyFromDecimal(Decimal value, const std::string& currency) {
  int64_t units = 0;
  int32_t nanos = 0;
  absl::Status s = value.ToUnitsNanos(&units, &nanos);
  if (!s.ok()) return s;
  google::type::Money out;
  out.set_currency_code(currency);
  out.set_units(units);
  out.set_nanos(nanos);
  return out;
}

}  // namespace culturetrade
