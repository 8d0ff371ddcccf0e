#include "service/storage/legacy_chunks.h"

#include "absl/strings/str_cat.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "proto/flow_block_convert.h"
#include "service/storage/dataset_rows.h"

namespace culturetrade {

absl::Status LegacyChunks::Add(absl::string_view blob) {
  const int chunk = chunks_++;
  v1::FlowChunk parsed;
  if (!parsed.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
    return absl::DataLossError(
        absl::StrCat("store: flow chunk ", chunk, " of dataset ", dataset_id_, " is corrupt"));
  }
  for (int i = 0; i < parsed.flows_size(); ++i) {
    if (absl::Status s = AddTradeFlow(parsed.flows(i), builder_); !s.ok()) {
      return absl::DataLossError(absl::StrCat("store: flow ", i, " of chunk ", chunk,
                                              " of dataset ", dataset_id_, ": ", s.message()));
    }
    if (builder_.size() == kFlowsPerBlock) {
      if (absl::Status s = emit_(builder_.Take()); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

absl::Status LegacyChunks::Finish() {
  if (builder_.size() == 0) return absl::OkStatus();
  return emit_(builder_.Take());
}

}  // namespace culturetrade
