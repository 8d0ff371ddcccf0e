#include "service/storage/stored_block_reader.h"

#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "service/storage/block_codec.h"

namespace culturetrade {
namespace {

// How many of `keys` from `start` one fetch takes: up to kBlocksPerFetch of one upload.
size_t BatchAt(absl::Span<const BlockKey> keys, size_t start) {
  size_t end = start + 1;
  while (end < keys.size() && end - start < kBlocksPerFetch &&
         keys[end].upload == keys[start].upload) {
    ++end;
  }
  return end - start;
}

}  // namespace

absl::Status VisitStoredBlocks(absl::Span<const BlockKey> keys, FetchBlockData fetch,
                               absl::FunctionRef<absl::Status(FlowBlock)> visit,
                               const CallLiveness& alive) {
  BlockDecoder decoder;
  std::vector<std::string> data;
  for (size_t start = 0; start < keys.size();) {
    const absl::Span<const BlockKey> batch = keys.subspan(start, BatchAt(keys, start));
    if (absl::Status s = alive.Check(); !s.ok()) return s;
    data.clear();
    if (absl::Status s = fetch(batch, data); !s.ok()) return s;
    if (data.size() != batch.size()) {
      return absl::InternalError(
          absl::StrCat("store: fetched ", data.size(), " blocks of ", batch.size()));
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (absl::Status s = alive.Check(); !s.ok()) return s;
      absl::StatusOr<FlowBlock> block = decoder.Decode(data[i]);
      if (!block.ok()) {
        return absl::DataLossError(absl::StrCat("store: block ", batch[i].seq, " of upload ",
                                                batch[i].upload, ": ", block.status().message()));
      }
      if (absl::Status s = visit(*std::move(block)); !s.ok()) return s;
    }
    start += batch.size();
  }
  return absl::OkStatus();
}

}  // namespace culturetrade
