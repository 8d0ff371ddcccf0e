#include "service/analyses/dataset_source.h"

#include "proto/flow_block_convert.h"
#include "service/model/dataset_resource.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

constexpr size_t kFlowsPerBlock = 8192;

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> InlineAnalyzable(
    const v1::Dataset& dataset, const CallLiveness& alive) {
  auto out = std::make_shared<AnalyzableDataset>();
  out->record.metadata = StoredMetadata(dataset);
  out->record.flow_count = dataset.flows_size();
  out->flows.Reserve(static_cast<size_t>(dataset.flows_size()));
  absl::Status s = ForEachBlock(dataset.flows(), kFlowsPerBlock, [&](const FlowBlock& block) {
    out->flows.Append(block);
    return alive.Check();
  });
  if (!s.ok()) return s;
  out->flows.Seal();
  return std::shared_ptr<const AnalyzableDataset>(std::move(out));
}

}  // namespace

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> ResolveDataset(
    DatasetStore& store, const std::string& name, const v1::Dataset* inline_dataset,
    const BlockFilter& blocks, const CallLiveness& alive) {
  if (inline_dataset != nullptr) {
    FieldViolations violations;
    ValidateDatasetContent(*inline_dataset, "inline_dataset.", violations);
    if (!violations.empty()) return violations.ToStatus();
    return InlineAnalyzable(*inline_dataset, alive);
  }
  if (name.empty()) {
    return InvalidField("dataset", "name a stored dataset or send one as inline_dataset");
  }
  absl::StatusOr<std::string> id = DatasetIdFromName(name, "dataset");
  if (!id.ok()) return id.status();
  return store.GetAnalyzable(*id, blocks, alive);
}

}  // namespace culturetrade
