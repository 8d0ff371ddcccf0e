// The flows of one upload as the FlowChunk messages that follow its header.
#ifndef CULTURETRADE_CLIENT_INTERNAL_FLOW_CHUNKS_H_
#define CULTURETRADE_CLIENT_INTERNAL_FLOW_CHUNKS_H_

#include <cstddef>
#include <cstdint>
#include <functional>

#include "absl/types/span.h"
#include "culturetrade/v1/dataset_service.pb.h"

namespace culturetrade {
namespace internal {

// Chunks of at most `chunk_flows` flows each (at least one). A chunk is built only when asked
// for, so that an upload holds one copy of one chunk at a time, not a copy of every flow; and
// whoever sends the chunks reports each one, so that the progress callback hears of it.
class FlowChunks {
 public:
  using Progress = std::function<void(int64_t sent, int64_t total)>;

  FlowChunks(absl::Span<const v1::TradeFlow> flows, int chunk_flows, Progress progress);

  size_t size() const;
  v1::FlowChunk Chunk(size_t index) const;
  // Chunk `index` was sent: tells the progress callback, if any, how many flows are out.
  void Sent(size_t index) const;

 private:
  absl::Span<const v1::TradeFlow> flows_;
  size_t chunk_flows_;
  Progress progress_;
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_FLOW_CHUNKS_H_
