#include "client/internal/trade_flow_blocks.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/flow_block_builder.h"
#include "proto/flow_block_convert.h"

namespace culturetrade {
namespace internal {

TradeFlowBlocks::TradeFlowBlocks(absl::Span<const v1::TradeFlow> flows, int block_flows,
                                 Progress progress)
    : flows_(flows),
      block_flows_(static_cast<size_t>(std::max(1, block_flows))),
      progress_(std::move(progress)) {}

absl::StatusOr<bool> TradeFlowBlocks::Next(v1::FlowBlock& block) {
  // The stub asks for a block only once the one before it was written, so this is when the
  // flows handed out so far are known to be sent.
  if (progress_ && handed_out_ > 0) {
    progress_(static_cast<int64_t>(handed_out_), static_cast<int64_t>(flows_.size()));
  }
  if (handed_out_ == flows_.size()) return false;
  FlowBlockBuilder builder;
  const size_t end = std::min(flows_.size(), handed_out_ + block_flows_);
  for (size_t i = handed_out_; i < end; ++i) {
    if (absl::Status s = AddTradeFlow(flows_[i], builder); !s.ok()) {
      return absl::Status(s.code(), absl::StrCat("flows[", i, "]: ", s.message()));
    }
  }
  block = BlockToProto(builder.Take());
  handed_out_ = end;
  return true;
}

FlowBlockSourceFactory TradeFlowBlockFactory(absl::Span<const v1::TradeFlow> flows, int block_flows,
                                             TradeFlowBlocks::Progress progress) {
  return [flows, block_flows,
          progress = std::move(progress)]() -> absl::StatusOr<std::unique_ptr<FlowBlockSource>> {
    return std::make_unique<TradeFlowBlocks>(flows, block_flows, progress);
  };
}

}  // namespace internal
}  // namespace culturetrade
