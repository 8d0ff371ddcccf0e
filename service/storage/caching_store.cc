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

// The liveness of a background load: it stops once the store is being destroyed.
class CachingStore::Stopping : public CallLiveness {
 public:
  explicit Stopping(const std::atomic<bool>& stopping) : stopping_(stopping) {}
  absl::Status Check() const override {
    return stopping_.load() ? absl::CancelledError("the dataset cache is shutting down")
                            : absl::OkStatus();
  }

 private:
  const std::atomic<bool>& stopping_;
};

CachingStore::~CachingStore() {
  stopping_ = true;
  WaitForWarmUp();
}

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
    const std::string& id, const BlockFilter& filter, const CallLiveness& alive) {
  absl::StatusOr<int64_t> revision = inner_.Revision(id);
  if (!revision.ok()) {
    Forget(id);
    return revision.status();
  }
  if (std::shared_ptr<const AnalyzableDataset> cached = Cached(id, *revision)) {
    ++hits_;
    return cached;
  }
  absl::StatusOr<DatasetRecord> current = inner_.Get(id);
  if (!current.ok()) return current.status();
  // Loaded outside the lock: a slow load must not hold up analyses of other datasets.
  absl::StatusOr<bool> apart = ReadsApart(inner_, id, filter);
  if (!apart.ok()) return apart.status();
  if (*apart) {
    ++partial_loads_;
    absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> part =
        ReadAnalyzable(inner_, id, filter, 0, alive);
    // After the read, so as not to slow it.
    if (part.ok()) WarmUp(id, current->flow_count);
    return part;
  }
  ++misses_;
  // The count is a hint for the columns' size: the read may see a later revision.
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> loaded =
      ReadAnalyzable(inner_, id, BlockFilter{}, current->flow_count, alive);
  if (loaded.ok()) Insert(id, *loaded);
  return loaded;
}

std::shared_ptr<const AnalyzableDataset> CachingStore::Cached(const std::string& id,
                                                              int64_t revision) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(id);
  if (it == index_.end() || it->second->dataset->record.revision != revision) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->dataset;
}

void CachingStore::WarmUp(const std::string& id, int64_t flows) {
  if (flows > capacity_flows_) return;
  std::lock_guard<std::mutex> lock(warm_mu_);
  if (warming_ || stopping_) return;
  // The last load has ended, or is about to: the thread's last step clears `warming_`.
  if (warmer_.joinable()) warmer_.join();
  warming_ = true;
  warmer_ = std::thread([this, id, flows] {
    ++misses_;
    absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> loaded =
        ReadAnalyzable(inner_, id, BlockFilter{}, flows, Stopping(stopping_));
    // A failure is the next analysis's to see and report.
    if (loaded.ok()) Insert(id, *std::move(loaded));
    warming_ = false;
  });
}

void CachingStore::WaitForWarmUp() {
  std::lock_guard<std::mutex> lock(warm_mu_);
  if (warmer_.joinable()) warmer_.join();
}

int64_t CachingStore::cached_flows() const {
  std::lock_guard<std::mutex> lock(mu_);
  return flows_;
}

void CachingStore::Forget(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(id);
  if (it != index_.end()) ForgetLocked(it);
}

void CachingStore::ForgetLocked(Index::iterator it) {
  flows_ -= static_cast<int64_t>(it->second->dataset->flows.size());
  lru_.erase(it->second);
  index_.erase(it);
}

void CachingStore::Insert(const std::string& id, std::shared_ptr<const AnalyzableDataset> dataset) {
  const auto size = static_cast<int64_t>(dataset->flows.size());
  if (size > capacity_flows_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = index_.find(id); it != index_.end()) {
    // A load that ended late must not replace a later revision.
    if (it->second->dataset->record.revision > dataset->record.revision) return;
    ForgetLocked(it);
  }
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
