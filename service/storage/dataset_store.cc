#include "service/storage/dataset_store.h"

#include <utility>

#include "service/storage/stored_block.h"

namespace culturetrade {

// A read for one pair or product of a large dataset then costs its few blocks instead of the
// whole dataset, while one that wants much of it might as well load it all, to be kept.
constexpr int64_t kMostBlocksReadApart = 8;  // of every 8 blocks, one at most

absl::StatusOr<int64_t> DatasetStore::Revision(const std::string& id) {
  absl::StatusOr<DatasetRecord> record = Get(id);
  if (!record.ok()) return record.status();
  return record->revision;
}

absl::StatusOr<BlockCount> DatasetStore::CountBlocks(const std::string& /*id*/,
                                                     const BlockFilter& /*filter*/) {
  return BlockCount{1, 1};
}

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> DatasetStore::GetAnalyzable(
    const std::string& id, const BlockFilter& filter, const CallLiveness& alive) {
  absl::StatusOr<bool> apart = ReadsApart(*this, id, filter);
  if (!apart.ok()) return apart.status();
  if (*apart) return ReadAnalyzable(*this, id, filter, 0, alive);
  // The count is a hint for the columns' size: the read may see a later revision.
  absl::StatusOr<DatasetRecord> current = Get(id);
  if (!current.ok()) return current.status();
  return ReadAnalyzable(*this, id, BlockFilter{}, current->flow_count, alive);
}

absl::StatusOr<bool> ReadsApart(DatasetStore& store, const std::string& id,
                                const BlockFilter& filter) {
  if (WantsEverything(filter)) return false;
  absl::StatusOr<BlockCount> count = store.CountBlocks(id, filter);
  if (!count.ok()) return count.status();
  return count->matching * kMostBlocksReadApart <= count->total;
}

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> ReadAnalyzable(DatasetStore& store,
                                                                        const std::string& id,
                                                                        const BlockFilter& filter,
                                                                        int64_t expected_flows,
                                                                        const CallLiveness& alive) {
  auto dataset = std::make_shared<AnalyzableDataset>();
  dataset->flows.Reserve(static_cast<size_t>(expected_flows));
  absl::StatusOr<DatasetRecord> read = store.ReadBlocks(
      id, filter,
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
