// The flows of a block that Client::ReadFlows hands over, as TradeFlow messages: for code that
// wants flows one by one rather than in columns.
//
//   client.ReadFlows(name, [&](const v1::FlowBlock& block) -> absl::Status {
//     absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> flows =
//         FlowsOfBlock(block);
//     if (!flows.ok()) return flows.status();
//     for (const v1::TradeFlow& f : *flows) ...
//     return absl::OkStatus();
//   });
#ifndef CULTURETRADE_CLIENT_FLOWS_OF_BLOCK_H_
#define CULTURETRADE_CLIENT_FLOWS_OF_BLOCK_H_

#include "absl/status/statusor.h"
#include "culturetrade/v1/flow_block.pb.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace culturetrade {

// Every flow of `block`, in order. Fails, naming the column, on a block whose columns do not
// fit together (which a server does not send).
absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> FlowsOfBlock(
    const v1::FlowBlock& block);

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_FLOWS_OF_BLOCK_H_
