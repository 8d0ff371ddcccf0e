// Conversions between the v1 wire messages and the analysis library's plain types.
#ifndef CULTURETRADE_SERVICE_PROTO_CONVERT_H_
#define CULTURETRADE_SERVICE_PROTO_CONVERT_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/decimal.h"
#include "core/flow.h"
#include "core/trade_balance.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset.pb.h"
#include "proto/money_convert.h"

namespace culturetrade {

ValueStatus StatusFromProto(v1::ValueStatus status);
v1::ValueStatus StatusToProto(ValueStatus status);

// Fails only on flows that validation would have refused (a bad amount or direction).
absl::StatusOr<std::vector<Flow>> FlowsFromProto(
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows);

absl::StatusOr<v1::AnalyzeBalanceResponse> BalanceToProto(const BalanceTable& table);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_PROTO_CONVERT_H_
