#include "client/internal/flow_chunks.h"

#include <algorithm>
#include <utility>

namespace culturetrade {
namespace internal {

FlowChunks::FlowChunks(absl::Span<const v1::TradeFlow> flows, int chunk_flows, Progress progress)
    : flows_(flows),
      chunk_flows_(static_cast<size_t>(std::max(1, chunk_flows))),
      progress_(std::move(progress)) {}

size_t FlowChunks::size() const { return (flows_.size() + chunk_flows_ - 1) / chunk_flows_; }

v1::FlowChunk FlowChunks::Chunk(size_t index) const {
  v1::FlowChunk chunk;
  for (const v1::TradeFlow& f : flows_.subspan(index * chunk_flows_, chunk_flows_)) {
    *chunk.add_flows() = f;
  }
  return chunk;
}

void FlowChunks::Sent(size_t index) const {
  if (!progress_) return;
  progress_(static_cast<int64_t>(std::min((index + 1) * chunk_flows_, flows_.size())),
            static_cast<int64_t>(flows_.size()));
}

}  // namespace internal
}  // namespace culturetrade
