// The flows of an upload given as TradeFlow messages (Client::UploadNewDataset, AppendFlows),
// sent as the columnar blocks that follow its header.
#ifndef CULTURETRADE_CLIENT_INTERNAL_TRADE_FLOW_BLOCKS_H_
#define CULTURETRADE_CLIENT_INTERNAL_TRADE_FLOW_BLOCKS_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "absl/types/span.h"
#include "client/flow_block_source.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade {
namespace internal {

// Blocks of at most `block_flows` flows each (at least one). A block is built only when asked
// for, so that an upload holds one block at a time, not a copy of every flow.
class TradeFlowBlocks : public FlowBlockSource {
 public:
  using Progress = std::function<void(int64_t sent, int64_t total)>;

  TradeFlowBlocks(absl::Span<const v1::TradeFlow> flows, int block_flows, Progress progress);

  // Fails, naming the flow by its index in the span, on a flow that no block can hold (an
  // unknown direction, a value whose units and nanos disagree in sign).
  absl::StatusOr<bool> Next(v1::FlowBlock& block) override;

 private:
  absl::Span<const v1::TradeFlow> flows_;
  size_t block_flows_;
  Progress progress_;
  size_t handed_out_ = 0;  // flows in the blocks returned so far
};

// Opens a TradeFlowBlocks over `flows` afresh each time; `flows` must outlive the factory.
FlowBlockSourceFactory TradeFlowBlockFactory(absl::Span<const v1::TradeFlow> flows, int block_flows,
                                             TradeFlowBlocks::Progress progress);

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_TRADE_FLOW_BLOCKS_H_
