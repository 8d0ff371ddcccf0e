// The fields of a trade flow as CSV cells write them, each read or refused with an error that
// names what it accepts: country, traded value and classification (direction.h and
// value_status.h read the direction and the value status).
#ifndef CULTURETRADE_IMPORT_FLOW_FIELDS_H_
#define CULTURETRADE_IMPORT_FLOW_FIELDS_H_

#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "google/type/money.pb.h"

namespace culturetrade::import {

// An ISO 3166-1 alpha-3 code, upper-cased; Comtrade's W00 is the world, WLD.
absl::StatusOr<std::string> ParseCountry(const std::string& text);

// A traded value, zero or more, written in 10^scale units of `currency`.
absl::StatusOr<google::type::Money> ParseValue(const std::string& text, int scale,
                                               const std::string& currency);

// "free", "hs" (or Comtrade's H0-H6), "sitc" (S1-S4) or "ebops" (EB02, EB10).
absl::StatusOr<v1::Classification> ParseClassification(const std::string& text);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_FLOW_FIELDS_H_
