// Where datasets live, in domain terms: a dataset is a DatasetRecord plus its flows as a
// sequence of FlowBlocks. Every implementation promises the same: a write is atomic (seen
// whole or not at all), an etag that no longer matches fails with ABORTED, and a delete is
// final.
#ifndef CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_

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
  // The dataset at its current revision, ready for analysis. Stores load it on every call;
  // a CachingStore keeps it per revision.
  virtual absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> GetAnalyzable(
      const std::string& id, const CallLiveness& alive);
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_
