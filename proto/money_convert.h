// google.type.Money to and from the analysis library's exact Decimal.
#ifndef CULTURETRADE_PROTO_MONEY_CONVERT_H_
#define CULTURETRADE_PROTO_MONEY_CONVERT_H_

#include <string>

#include "absl/status/statusor.h"
#include "core/decimal.h"
#include "google/type/money.pb.h"

namespace culturetrade {

// Fails when units and nanos disagree in sign or nanos is out of range.
absl::StatusOr<Decimal> DecimalFromMoney(const google::type::Money& money);
// Fails when the amount does not fit in int64 units.
absl::StatusOr<google::type::Money> MoneyFromDecimal(Decimal value, const std::string& currency);

}  // namespace culturetrade

#endif  // CULTURETRADE_PROTO_MONEY_CONVERT_H_
