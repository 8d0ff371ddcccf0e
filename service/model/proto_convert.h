// Conversions between the v1 wire messages and the analysis library's plain types.
#ifndef CULTURETRADE_SERVICE_MODEL_PROTO_CONVERT_H_
#define CULTURETRADE_SERVICE_MODEL_PROTO_CONVERT_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/deal_prices.h"
#include "core/decimal.h"
#include "core/exchange_rates.h"
#include "core/flow.h"
#include "core/flow_table.h"
#include "core/trade_balance.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset.pb.h"
#include "proto/money_convert.h"
#include "service/model/call_liveness.h"

namespace culturetrade {

ValueStatus StatusFromProto(v1::ValueStatus status);
// INVALID_ARGUMENT for an unspecified or unknown direction.
absl::StatusOr<Direction> DirectionFromProto(v1::FlowDirection direction);
v1::ValueStatus StatusToProto(ValueStatus status);

// Fails on flows that validation would have refused (a bad amount or direction), and once
// `alive` says the caller has gone.
absl::StatusOr<FlowTable> FlowTableFromProto(
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows, const CallLiveness& alive);

absl::StatusOr<v1::AnalyzeBalanceResponse> BalanceToProto(const BalanceTable& table);

// Fails on a rate that is not a positive decimal.
absl::StatusOr<ExchangeRates> RatesFromProto(
    const google::protobuf::RepeatedPtrField<v1::ExchangeRate>& rates);

// Prices in `target_currency` (unless empty), each converted at its deal's year.
absl::StatusOr<std::vector<DealPrice>> DealsFromProto(
    const google::protobuf::RepeatedPtrField<v1::Deal>& deals, const ExchangeRates& rates,
    const std::string& target_currency);

// Sets `*out` to `value` in `currency`; a value too large for Money is OUT_OF_RANGE.
absl::Status SetMoney(const std::optional<Decimal>& value, const std::string& currency,
                      google::type::Money* out);

absl::Status GrowthToProto(const CompoundGrowthResult& g, const std::string& currency,
                           v1::CompoundGrowth* out);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_PROTO_CONVERT_H_
