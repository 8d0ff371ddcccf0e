#include "service/storage/dataset_store.h"

namespace culturetrade {

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> DatasetStore::GetAnalyzable(
    const std::string& id, const CallLiveness& alive) {
  absl::StatusOr<v1::Dataset> dataset = Get(id, /*with_flows=*/true, alive);
  if (!dataset.ok()) return dataset.status();
  return MakeAnalyzable(*std::move(dataset), alive);
}

}  // namespace culturetrade
