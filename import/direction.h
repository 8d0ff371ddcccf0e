// The words for a flow's direction, read the same wherever a direction is written: a CSV
// column, Comtrade's flowCode, or ctrade's --direction.
#ifndef CULTURETRADE_IMPORT_DIRECTION_H_
#define CULTURETRADE_IMPORT_DIRECTION_H_

#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::import {

// export, import, re-export or re-import, or Comtrade's X, M, RX and RM, in any case.
absl::StatusOr<v1::FlowDirection> ParseDirection(const std::string& text);

// The word ParseDirection reads for `direction`: "export" ("?" when unspecified).
std::string DirectionName(v1::FlowDirection direction);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_DIRECTION_H_
