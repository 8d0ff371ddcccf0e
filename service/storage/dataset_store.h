// Where datasets live. Every implementation promises the same: a write is atomic (seen whole
// or not at all), an etag that no longer matches fails with ABORTED, and a delete is final.
#ifndef CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_DATASET_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/call_liveness.h"
#include "service/storage/analyzable_dataset.h"

namespace culturetrade {

struct DatasetPage {
  std::vector<v1::Dataset> datasets;  // basic view: no flows
  std::string last_id;                // set when more datasets may follow
};

class DatasetStore {
 public:
  virtual ~DatasetStore() = default;

  // Stores `dataset` under `id` with its flows; ALREADY_EXISTS when the id is taken.
  // Returns the stored dataset in the basic view, with name, etag and times set.
  virtual absl::StatusOr<v1::Dataset> Create(const std::string& id, const v1::Dataset& dataset) = 0;
  // NOT_FOUND when absent. Loading the flows stops once `alive` says the caller has gone.
  virtual absl::StatusOr<v1::Dataset> Get(const std::string& id, bool with_flows,
                                          const CallLiveness& alive) = 0;
  // Up to `page_size` datasets with ids after `after_id`, in id order.
  virtual absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) = 0;
  // Deletes the dataset if its etag still is `etag` (any etag when empty).
  virtual absl::Status Delete(const std::string& id, const std::string& etag) = 0;
  // Adds flows to an existing dataset if its etag still is `etag` (any when empty).
  virtual absl::StatusOr<v1::Dataset> AppendFlows(
      const std::string& id, const std::string& etag,
      const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) = 0;
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
