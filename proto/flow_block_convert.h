// The wire's columnar FlowBlock and TradeFlow to and from the domain FlowBlock. The server
// converts at its API boundary; the SDK builds blocks for uploads and reads them back.
#ifndef CULTURETRADE_PROTO_FLOW_BLOCK_CONVERT_H_
#define CULTURETRADE_PROTO_FLOW_BLOCK_CONVERT_H_

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
