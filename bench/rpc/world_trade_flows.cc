#include "bench/rpc/world_trade_flows.h"

#include "absl/strings/str_cat.h"
#include "bench/world.h"
#include "proto/money_convert.h"
#include "service/model/proto_convert.h"

namespace culturetrade::bench {
namespace {

v1::FlowDirection DirectionToProto(Direction d) {
  switch (d) {
    case Direction::kExport: return v1::FLOW_DIRECTION_EXPORT;
    case Direction::kImport: return v1::FLOW_DIRECTION_IMPORT;
    case Direction::kReExport: return v1::FLOW_DIRECTION_RE_EXPORT;
    case Direction::kReImport: return v1::FLOW_DIRECTION_RE_IMPORT;
  }
  return v1::FLOW_DIRECTION_UNSPECIFIED;
}

v1::TradeFlow ToProto(const Flow& f) {
  v1::TradeFlow out;
  out.set_reporter(f.reporter);
  out.set_partner(f.partner);
  out.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  out.mutable_product()->set_code(f.product_code);
  out.set_direction(DirectionToProto(f.direction));
  out.mutable_period()->set_year(f.period.year);
  out.mutable_period()->set_month(f.period.month);
  out.mutable_period()->set_quarter(f.period.quarter);
  // World values are at most half a million dollars: they always fit Money.
  *out.mutable_value() = *MoneyFromDecimal(f.value, f.currency);
  out.set_status(StatusToProto(f.status));
  return out;
}

}  // namespace

v1::TradeFlow WorldTradeFlow(int64_t i) { return ToProto(WorldFlow(i)); }

std::vector<v1::TradeFlow> WorldTradeFlows(int64_t n) {
  std::vector<v1::TradeFlow> flows;
  flows.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) flows.push_back(WorldTradeFlow(i));
  return flows;
}

v1::Dataset WorldDatasetHeader(int64_t n) {
  v1::Dataset dataset;
  dataset.set_display_name(absl::StrCat("Benchmark world, first ", n, " flows"));
  dataset.set_description("Synthetic flows from bench/world.h, the same on every run.");
  return dataset;
}

}  // namespace culturetrade::bench
