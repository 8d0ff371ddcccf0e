// The flows of a dataset as schema version 2 of both stores kept them, serialized v1::FlowChunk
// messages of v1::TradeFlow, turned into FlowBlocks of kFlowsPerBlock flows in their order. The
// migration to the columnar layout is the one reader of that old wire format.
#ifndef CULTURETRADE_SERVICE_STORAGE_LEGACY_CHUNKS_H_
#define CULTURETRADE_SERVICE_STORAGE_LEGACY_CHUNKS_H_

#include <functional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/flow_block.h"
#include "core/flow_block_builder.h"

namespace culturetrade {

class LegacyChunks {
 public:
  // `emit` receives each full block, and the last one at Finish; its first error stops the
  // conversion.
  LegacyChunks(std::string dataset_id, std::function<absl::Status(const FlowBlock&)> emit)
      : dataset_id_(std::move(dataset_id)), emit_(std::move(emit)) {}

  // Adds the flows of the next stored chunk; DATA_LOSS when it does not parse or holds a flow
  // no valid dataset has.
  absl::Status Add(absl::string_view chunk);
  // Emits the flows added since the last full block, if any.
  absl::Status Finish();

 private:
  const std::string dataset_id_;
  const std::function<absl::Status(const FlowBlock&)> emit_;
  FlowBlockBuilder builder_;
  int chunks_ = 0;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_LEGACY_CHUNKS_H_
