// A dataset ready for analysis: its record (metadata included) and its flows as a FlowTable.
// Immutable, so concurrent analyses of one revision share a single copy.
#ifndef CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_
#define CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_

#include <memory>
#include <mutex>

#include "absl/functional/function_ref.h"
#include "core/flow_table.h"
#include "service/model/dataset_record.h"

namespace culturetrade {

// What a layer above derives from a dataset once per revision and keeps with its cached
// flows (the analyses keep the decoded metadata); the store never looks inside.
class DerivedData {
 public:
  virtual ~DerivedData() = default;
};

struct AnalyzableDataset {
  DatasetRecord record;  // `revision` names the revision the flows are of
  FlowTable flows;

  // The derived data, made by `make` on first use; thread-safe.
  const DerivedData& Derived(absl::FunctionRef<std::unique_ptr<DerivedData>()> make) const {
    std::call_once(derived_once_, [&] { derived_ = make(); });
    return *derived_;
  }

 private:
  mutable std::once_flag derived_once_;
  mutable std::unique_ptr<DerivedData> derived_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_
