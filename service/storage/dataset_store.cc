#include "service/storage/dataset_store.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> DatasetStore::GetAnalyzable(
    const std::string& id, const CallLiveness& alive) {
  auto dataset = std::make_shared<AnalyzableDataset>();
  // The count is a hint for the columns' size: the read below may see a later revision.
  absl::StatusOr<DatasetRecord> current = Get(id);
  if (!current.ok()) return current.status();
  dataset->flows.Reserve(static_cast<size_t>(current->flow_count));
  absl::StatusOr<DatasetRecord> read = ReadBlocks(
      id, BlockFilter{},
      [&](const FlowBlock& block) {
        dataset->flows.Append(block);
        return absl::OkStatus();
      },
      alive);
  if (!read.ok()) return read.status();
  dataset->record = *std::move(read);
  // The index now, once per revision, rather than in the first analysis that needs it.
  dataset->flows.Seal();
  return dataset;
}

}  // namespace culturetrade
