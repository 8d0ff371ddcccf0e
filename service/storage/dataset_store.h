// Where datasets live, in domain terms: a dataset is a DatasetRecord plus its flows as a
// sequence of FlowBlocks. Every implementation promises the same: a write is atomic (seen
// whole or not at all), an etag that no longer matches fails with ABORTED, and a delete is
// final.
#ifndef CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/flow_block.h"
#include "service/model/call_liveness.h"
#include "service/model/dataset_record.h"
#include "service/storage/analyzable_dataset.h"
#include "service/storage/zone_map.h"

namespace culturetrade {

// How many of a revision's blocks a filter may match, of how many it has.
struct BlockCount {
  int64_t matching = 0;
  int64_t total = 0;
};

struct DatasetPage {
  std::vector<DatasetRecord> datasets;
  std::string last_id;  // set when more datasets may follow
};

// One write in progress: blocks go to the store as they come, invisible to every reader until
// Commit makes them visible all at once. Destroying an uncommitted writer discards them.
class DatasetWriter {
 public:
  virtual ~DatasetWriter() = default;
  // Stores `block` (not empty) after those written before.
  virtual absl::Status Write(const FlowBlock& block) = 0;
  // Makes the write visible: creates the dataset, or appends to it if its etag still is the
  // one the writer was opened with. Returns the record as it now stands.
  virtual absl::StatusOr<DatasetRecord> Commit() = 0;
};

class DatasetStore {
 public:
  virtual ~DatasetStore() = default;

  // A writer that creates `dataset` on Commit; ALREADY_EXISTS (now or at commit) when its id
  // is taken, unless the existing dataset was created with the same non-empty request id, in
  // which case Commit returns it unchanged.
  virtual absl::StatusOr<std::unique_ptr<DatasetWriter>> Create(NewDataset dataset) = 0;
  // A writer that appends to dataset `id` on Commit, while its etag still is `etag` (any etag
  // when empty). NOT_FOUND when absent.
  virtual absl::StatusOr<std::unique_ptr<DatasetWriter>> Append(const std::string& id,
                                                                const std::string& etag) = 0;
  // NOT_FOUND when absent.
  virtual absl::StatusOr<DatasetRecord> Get(const std::string& id) = 0;
  // The dataset's current revision, as Get would give it; NOT_FOUND when absent. Every
  // analysis asks it to know whether the flows it keeps are still current, so stores answer it
  // more cheaply than Get: from memory until something wrote the store, or with a statement
  // prepared once.
  virtual absl::StatusOr<int64_t> Revision(const std::string& id);
  // Hands the dataset's blocks that `filter` may match to `visit`, in the order they were
  // written, from one consistent revision; stops at the first error `visit` returns and once
  // `alive` says the caller has gone. Returns the record of the revision read.
  virtual absl::StatusOr<DatasetRecord> ReadBlocks(const std::string& id, const BlockFilter& filter,
                                                   absl::FunctionRef<absl::Status(FlowBlock)> visit,
                                                   const CallLiveness& alive) = 0;
  // Up to `page_size` datasets with ids after `after_id`, in id order.
  virtual absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) = 0;
  // Deletes the dataset if its etag still is `etag` (any etag when empty).
  virtual absl::Status Delete(const std::string& id, const std::string& etag) = 0;
  // True when this server may seed the store: it has never held a dataset, and no other live
  // server claimed it.
  virtual bool created_now() const = 0;
  // How many blocks of the dataset's current revision `filter` may match (zone_map.h), from
  // their zone maps alone. A store that cannot tell says that every block may.
  virtual absl::StatusOr<BlockCount> CountBlocks(const std::string& id, const BlockFilter& filter);
  // The dataset at its current revision, ready for analyses of the flows `filter` may match:
  // every flow, or only the blocks `filter` may match when those are few (ReadsApart). Stores
  // load it on every call; a CachingStore keeps whole datasets per revision and answers any
  // filter from them.
  virtual absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> GetAnalyzable(
      const std::string& id, const BlockFilter& filter, const CallLiveness& alive);
  // The whole dataset.
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> GetAnalyzable(
      const std::string& id, const CallLiveness& alive) {
    return GetAnalyzable(id, BlockFilter{}, alive);
  }
};

// Whether an analysis of the flows `filter` may match had better read only the blocks it may
// match than load the whole dataset (to keep it for later analyses): when at most an eighth of
// the blocks of the current revision may match. False at once, without I/O, for an empty filter.
absl::StatusOr<bool> ReadsApart(DatasetStore& store, const std::string& id,
                                const BlockFilter& filter);

// The blocks of dataset `id` that `filter` may match (every block for an empty filter) as an
// AnalyzableDataset, its record of the revision read. `expected_flows` sizes the columns ahead.
absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> ReadAnalyzable(DatasetStore& store,
                                                                        const std::string& id,
                                                                        const BlockFilter& filter,
                                                                        int64_t expected_flows,
                                                                        const CallLiveness& alive);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_
