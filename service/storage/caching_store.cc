#include "service/storage/caching_store.h"

namespace culturetrade {

absl::StatusOr<v1::Dataset> CachingStore::Create(const std::string& id,
                                                 const v1::Dataset& dataset) {
  Forget(id);
  return inner_.Create(id, dataset);
}

absl::Status CachingStore::Delete(const std::string& id, const std::string& etag) {
  absl::Status s = inner_.Delete(id, etag);
  Forget(id);
  return s;
}

absl::StatusOr<v1::Dataset> CachingStore::AppendFlows(
    const std::string& id, const std::string& etag,
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  absl::StatusOr<v1::Dataset> d = inner_.AppendFlows(id, etag, flows);
  Forget(id);
  return d;
}

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> CachingStore::GetAnalyzable(
    const std::string& id, const CallLiveness& alive) {
  absl::StatusOr<v1::Dataset> meta = inner_.Get(id, /*with_flows=*/false, alive);
  if (!meta.ok()) {
    Forget(id);
    return meta.status();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(id);
    if (it != index_.end() && it->second->dataset->meta.etag() == meta->etag()) {
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
