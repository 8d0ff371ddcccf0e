// The wire's columnar FlowBlock and TradeFlow to and from the domain FlowBlock. The server
// converts at its API boundary; the SDK builds blocks for uploads and reads them back.
#ifndef CULTURETRADE_PROTO_FLOW_BLOCK_CONVERT_H_
#define CULTURETRADE_PROTO_FLOW_BLOCK_CONVERT_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/flow_block.h"
#include "core/flow_block_builder.h"
#include "culturetrade/v1/flow_block.pb.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace culturetrade {

// Adds `flow` to `builder`; fails when its value or direction is not one a valid flow has.
absl::Status AddTradeFlow(const v1::TradeFlow& flow, FlowBlockBuilder& builder);

// Hands `flows` (any range of TradeFlow) to `visit` as blocks of up to `flows_per_block`.
template <typename Flows>
absl::Status ForEachBlock(const Flows& flows, size_t flows_per_block,
                          absl::FunctionRef<absl::Status(FlowBlock)> visit) {
  FlowBlockBuilder builder;
  for (const v1::TradeFlow& flow : flows) {
    if (absl::Status s = AddTradeFlow(flow, builder); !s.ok()) return s;
    if (builder.size() < flows_per_block) continue;
    if (absl::Status s = visit(builder.Take()); !s.ok()) return s;
  }
  return builder.size() == 0 ? absl::OkStatus() : visit(builder.Take());
}

// The wire form of `block`: values as scaled integers when every value fits, with the fewest
// decimal places that keep them exact, else as units and nanos.
v1::FlowBlock BlockToProto(const FlowBlock& block);

// The domain form of a block. Checks only what the conversion itself needs (column lengths,
// indices in range, representable values); validation (service/model/block_validation.h)
// names every problem with its field.
absl::StatusOr<FlowBlock> BlockFromProto(const v1::FlowBlock& block);

// Appends every flow of `block` to `out` as TradeFlow messages.
absl::Status AppendTradeFlows(const FlowBlock& block,
                              google::protobuf::RepeatedPtrField<v1::TradeFlow>* out);

}  // namespace culturetrade

#endif  // CULTURETRADE_PROTO_FLOW_BLOCK_CONVERT_H_
