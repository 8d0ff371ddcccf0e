// Finds the data an analysis request names: a stored dataset, or one sent inline.
#ifndef CULTURETRADE_SERVICE_ANALYSES_DATASET_SOURCE_H_
#define CULTURETRADE_SERVICE_ANALYSES_DATASET_SOURCE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/call_liveness.h"
#include "service/storage/analyzable_dataset.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// The stored dataset `name`, or `inline_dataset` once validated; loading stops once `alive`
// says the caller has gone. Neither is INVALID_ARGUMENT. Of a stored dataset, only the blocks
// `blocks` may match may be read (DatasetStore::GetAnalyzable): the analysis must look at no
// other flows.
absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> ResolveDataset(
    DatasetStore& store, const std::string& name, const v1::Dataset* inline_dataset,
    const BlockFilter& blocks, const CallLiveness& alive);

// The same for any analysis request, all of which carry the `data` oneof.
template <typename Request>
absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> ResolveDataset(DatasetStore& store,
                                                                        const Request& request,
                                                                        const BlockFilter& blocks,
                                                                        const CallLiveness& alive) {
  return ResolveDataset(store, request.dataset(),
                        request.has_inline_dataset() ? &request.inline_dataset() : nullptr, blocks,
                        alive);
}

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_DATASET_SOURCE_H_
