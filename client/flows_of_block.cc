#include "client/flows_of_block.h"

#include "proto/flow_block_convert.h"

namespace culturetrade {

absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> FlowsOfBlock(
    const v1::FlowBlock& block) {
  absl::StatusOr<FlowBlock> columns = BlockFromProto(block);
  if (!columns.ok()) return columns.status();
  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  if (absl::Status s = AppendTradeFlows(*columns, &flows); !s.ok()) return s;
  return flows;
}

}  // namespace culturetrade
