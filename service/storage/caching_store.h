// A DatasetStore that keeps analyzable datasets in memory, keyed by revision.
//
// A dataset not in memory is loaded whole and kept, unless the analysis asking for it wants
// few of its blocks (ReadsApart): those are then read alone for it and not kept, so that the
// first analysis of one pair of a large dataset costs its few blocks, not the whole dataset,
// and the whole dataset is loaded to keep in the background (one dataset at a time), so that
// the analyses after it are answered from memory again.
//
// Every analysis still asks the underlying store for the dataset's current revision (Revision,
// which stores answer cheaply), so a revision written through another replica is never served
// stale; only the flows are not read again. Entries are evicted least recently used once the cached
// flows exceed the capacity. Writes and reads of blocks pass through; a commit or delete through
// this store drops the dataset's entry at once rather than when it is next asked for.
#ifndef CULTURETRADE_SERVICE_STORAGE_CACHING_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_CACHING_STORE_H_

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

class CachingStore : public DatasetStore {
 public:
  CachingStore(DatasetStore& inner, int64_t capacity_flows)
      : inner_(inner), capacity_flows_(capacity_flows) {}
  // Stops the background load under way, if any, and waits for it.
  ~CachingStore() override;

  absl::StatusOr<std::unique_ptr<DatasetWriter>> Create(NewDataset dataset) override;
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Append(const std::string& id,
                                                        const std::string& etag) override;
  absl::StatusOr<DatasetRecord> Get(const std::string& id) override { return inner_.Get(id); }
  absl::StatusOr<int64_t> Revision(const std::string& id) override { return inner_.Revision(id); }
  absl::StatusOr<DatasetRecord> ReadBlocks(const std::string& id, const BlockFilter& filter,
                                           absl::FunctionRef<absl::Status(FlowBlock)> visit,
                                           const CallLiveness& alive) override {
    return inner_.ReadBlocks(id, filter, visit, alive);
  }
  absl::StatusOr<BlockCount> CountBlocks(const std::string& id,
                                         const BlockFilter& filter) override {
    return inner_.CountBlocks(id, filter);
  }
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override {
    return inner_.List(page_size, after_id);
  }
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  bool created_now() const override { return inner_.created_now(); }
  using DatasetStore::GetAnalyzable;
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> GetAnalyzable(
      const std::string& id, const BlockFilter& filter, const CallLiveness& alive) override;

  int64_t hits() const { return hits_.load(); }
  int64_t misses() const { return misses_.load(); }  // whole datasets loaded
  int64_t partial_loads() const { return partial_loads_.load(); }
  int64_t cached_flows() const;
  // Waits until the background load under way, if any, has ended.
  void WaitForWarmUp();

 private:
  class ForgettingWriter;
  class Stopping;
  struct Entry {
    std::string id;
    std::shared_ptr<const AnalyzableDataset> dataset;
  };
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Forgetting(
      const std::string& id, absl::StatusOr<std::unique_ptr<DatasetWriter>> writer);
  using Index = absl::flat_hash_map<std::string, std::list<Entry>::iterator>;
  void Forget(const std::string& id);
  void ForgetLocked(Index::iterator it);  // with mu_ held
  // The dataset's entry if it holds `revision`, then the most recently used.
  std::shared_ptr<const AnalyzableDataset> Cached(const std::string& id, int64_t revision);
  void Insert(const std::string& id, std::shared_ptr<const AnalyzableDataset> dataset);
  // Loads dataset `id` (`flows` flows) whole in the background to keep, unless a load is under
  // way already or it would not fit.
  void WarmUp(const std::string& id, int64_t flows);

  DatasetStore& inner_;
  const int64_t capacity_flows_;
  std::atomic<int64_t> hits_{0}, misses_{0}, partial_loads_{0};
  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  Index index_;
  int64_t flows_ = 0;
  std::mutex warm_mu_;  // serializes starting and joining warmer_
  std::thread warmer_;  // guarded by warm_mu_
  std::atomic<bool> warming_{false}, stopping_{false};
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_CACHING_STORE_H_
