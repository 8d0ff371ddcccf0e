// Presenting exact amounts: money is divided by a power of ten (thousands, millions) and
// rounded only here, at the edge, never in sums.
#ifndef CULTURETRADE_CLIENT_MONEY_FORMAT_H_
#define CULTURETRADE_CLIENT_MONEY_FORMAT_H_

#include <string>

#include "absl/status/statusor.h"
#include "google/type/money.pb.h"

namespace culturetrade {

// `money` / 10^scale_exponent with `digits` decimals, rounded half away from zero.
std::string FormatMoney(const google::type::Money& money, int scale_exponent, int digits);

// An amount such as `1,187.5` or `4.07` (thousands separators allowed), times 10^scale_exponent,
// as exact Money in `currency`.
absl::StatusOr<google::type::Money> ParseMoney(const std::string& text, int scale_exponent,
                                               const std::string& currency);

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_MONEY_FORMAT_H_
