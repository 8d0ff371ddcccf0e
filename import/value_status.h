// The words for a value's status (reported, derived, estimated), read the same wherever a
// status is written, with Comtrade's isReported as the one other spelling.
#ifndef CULTURETRADE_IMPORT_VALUE_STATUS_H_
#define CULTURETRADE_IMPORT_VALUE_STATUS_H_

#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::import {

// reported (or empty), derived, or estimated (or illustrative), in any case.
absl::StatusOr<v1::ValueStatus> ParseStatus(const std::string& text);

// Comtrade's isReported: false marks a value Comtrade estimated.
absl::StatusOr<v1::ValueStatus> ParseIsReported(const std::string& text);

// The word ParseStatus reads for `status` ("reported" when unspecified).
std::string StatusName(v1::ValueStatus status);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_VALUE_STATUS_H_
