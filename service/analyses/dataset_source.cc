#include "service/analyses/dataset_source.h"

#include "service/model/field_violations.h"
#include "service/model/validation.h"

namespace culturetrade {

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> ResolveDataset(
    DatasetStore& store, const std::string& name, const v1::Dataset* inline_dataset,
    const CallLiveness& alive) {
  if (inline_dataset != nullptr) {
    FieldViolations violations;
    ValidateDatasetContent(*inline_dataset, "inline_dataset.", violations);
    if (!violations.empty()) return violations.ToStatus();
    v1::Dataset copy = *inline_dataset;
    copy.clear_etag();
    return MakeAnalyzable(std::move(copy), alive);
  }
  if (name.empty()) {
    return InvalidField("dataset", "name a stored dataset or send one as inline_dataset");
  }
  absl::StatusOr<std::string> id = DatasetIdFromName(name, "dataset");
  if (!id.ok()) return id.status();
  return store.GetAnalyzable(*id, alive);
}

}  // namespace culturetrade
