#include "service/storage/caching_store.h"

#include <utility>

namespace culturetrade {

// Drops the dataset's entry once the write it wraps commits.
class CachingStore::ForgettingWriter : public DatasetWriter {
 public:
  ForgettingWriter(CachingStore& cache, std::string id, std::unique_ptr<DatasetWriter> inner)
      : cache_(cache), id_(std::move(id)), inner_(std::move(inner)) {}
  absl::Status Write(const FlowBlock& block) override { return inner_->Write(block); }
  absl::StatusOr<DatasetRecord> Commit() override {
    absl::StatusOr<DatasetRecord> record = inner_->Commit();
    cache_.Forget(id_);
    return record;
  }

 private:
  CachingStore& cache_;
  const std::string id_;
  const std::unique_ptr<DatasetWriter> inner_;
};

absl::StatusOr<std::unique_ptr<DatasetWriter>> CachingStore::Forgetting(
    const std::string& id, absl::StatusOr<std::unique_ptr<DatasetWriter>> writer) {
  if (!writer.ok()) return writer;
  return std::make_unique<ForgettingWriter>(*this, id, *std::move(writer));
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> CachingStore::Create(NewDataset dataset) {
  std::string id = dataset.id;
  return Forgetting(id, inner_.Create(std::move(dataset)));
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> CachingStore::Append(const std::string& id,
                                                                    const std::string& etag) {
  return Forgetting(id, inner_.Append(id, etag));
}

absl::Status CachingStore::Delete(const std::string& id, const std::string& etag) {
  absl::Status s = inner_.Delete(id, etag);
  Forget(id);
  return s;
}

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> CachingStore::GetAnalyzable(
    const std::string& id, const CallLiveness& alive) {
  absl::StatusOr<DatasetRecord> current = inner_.Get(id);
  if (!current.ok()) {
    Forget(id);
    return current.status();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(id);
    if (it != index_.end() && it->second->dataset->record.revision == current->revision) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++hits_;
      return it->second->dataset;
    }
  }
  ++misses_;
  // Loaded outside the lock: a slow load must not hold up analyses of other datasets.
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> loaded = inner_.GetAnalyzable(id, alive);
  if (loaded.ok()) Insert(id, *loaded);
  return loaded;
}

int64_t CachingStore::cached_flows() const {
  std::lock_guard<std::mutex> lock(mu_);
  return flows_;
}

void CachingStore::Forget(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(id);
  if (it == index_.end()) return;
  flows_ -= static_cast<int64_t>(it->second->dataset->flows.size());
  lru_.erase(it->second);
  index_.erase(it);
}

void CachingStore::Insert(const std::string& id, std::shared_ptr<const AnalyzableDataset> dataset) {
  const auto size = static_cast<int64_t>(dataset->flows.size());
  if (size > capacity_flows_) return;
  Forget(id);
  std::lock_guard<std::mutex> lock(mu_);
  lru_.push_front(Entry{id, std::move(dataset)});
  index_[id] = lru_.begin();
  flows_ += size;
  while (flows_ > capacity_flows_ && !lru_.empty()) {
    flows_ -= static_cast<int64_t>(lru_.back().dataset->flows.size());
    index_.erase(lru_.back().id);
    lru_.pop_back();
  }
}

}  // namespace culturetrade
