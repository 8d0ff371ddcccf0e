// The fields of a trade flow as CSV cells write them, each read or refused with an error that
// names what it accepts: direction, value status, country, traded value and classification.
#ifndef CULTURETRADE_CLIENT_CTRADE_FLOW_FIELDS_H_
#define CULTURETRADE_CLIENT_CTRADE_FLOW_FIELDS_H_

#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "google/type/money.pb.h"

namespace culturetrade::ctrade {

// export, import, re-export or re-import, or Comtrade's X, M, RX and RM.
absl::StatusOr<v1::FlowDirection> ParseDirection(const std::string& text);

// reported (or empty), derived, or estimated (or illustrative).
absl::StatusOr<v1::ValueStatus> ParseStatus(const std::string& text);

// Comtrade's isReported: false marks a value Comtrade estimated.
absl::StatusOr<v1::ValueStatus> ParseIsReported(const std::string& text);

// An ISO 3166-1 alpha-3 code, upper-cased; Comtrade's W00 is the world, WLD.
absl::StatusOr<std::string> ParseCountry(const std::string& text);

// A traded value, zero or more, written in 10^scale units of `currency`.
absl::StatusOr<google::type::Money> ParseValue(const std::string& text, int scale,
                                               const std::string& currency);

// "free", "hs" (or Comtrade's H0-H6), "sitc" (S1-S4) or "ebops" (EB02, EB10).
absl::StatusOr<v1::Classification> ParseClassification(const std::string& text);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_FLOW_FIELDS_H_
