// How both stores hand a dataset's stored blocks to a reader: the store lists the keys of the
// blocks a read wants (one revision's, in order, zones already matched), and this fetches
// their data a few blocks at a time, decodes each outside any lock of the store, and visits
// it, stopping at the first error and once the caller has gone.
#ifndef CULTURETRADE_SERVICE_STORAGE_STORED_BLOCK_READER_H_
#define CULTURETRADE_SERVICE_STORAGE_STORED_BLOCK_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/types/span.h"
#include "core/flow_block.h"
#include "service/model/call_liveness.h"
#include "service/model/dataset_record.h"

namespace culturetrade {

// Where a committed block sits: its upload, and its place in it.
struct BlockKey {
  int64_t upload = 0;
  int64_t seq = 0;
};

// The blocks of one revision of a dataset that a read wants, in order, and its record.
struct BlockListing {
  DatasetRecord record;
  std::vector<BlockKey> blocks;
  int64_t total = 0;  // blocks of the revision, wanted or not
};

// Blocks fetched at a time: a few MiB of memory at most, few round trips.
inline constexpr int kBlocksPerFetch = 8;

// Puts the stored data of each of `keys` (at most kBlocksPerFetch, all of one upload), in
// their order, into `data`; NOT_FOUND when one is gone, its dataset deleted meanwhile.
using FetchBlockData = absl::FunctionRef<absl::Status(absl::Span<const BlockKey> keys,
                                                      std::vector<std::string>& data)>;

absl::Status VisitStoredBlocks(absl::Span<const BlockKey> keys, FetchBlockData fetch,
                               absl::FunctionRef<absl::Status(FlowBlock)> visit,
                               const CallLiveness& alive);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_STORED_BLOCK_READER_H_
