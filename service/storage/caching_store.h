// A DatasetStore that keeps analyzable datasets in memory, keyed by revision.
//
// Every analysis still asks the underlying store for the dataset's current revision, so a
// revision written through another replica is never served stale; only the flows are not read
// again. Entries are evicted least recently used once the cached flows exceed the capacity.
// Writes and reads of blocks pass through; a commit or delete through this store drops the
// dataset's entry at once rather than when it is next asked for.
#ifndef CULTURETRADE_SERVICE_STORAGE_CACHING_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_CACHING_STORE_H_

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

class CachingStore : public DatasetStore {
 public:
  CachingStore(DatasetStore& inner, int64_t capacity_flows)
      : inner_(inner), capacity_flows_(capacity_flows) {}

  absl::StatusOr<std::unique_ptr<DatasetWriter>> Create(NewDataset dataset) override;
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Append(const std::string& id,
                                                        const std::string& etag) override;
  absl::StatusOr<DatasetRecord> Get(const std::string& id) override { return inner_.Get(id); }
  absl::StatusOr<DatasetRecord> ReadBlocks(const std::string& id, const BlockFilter& filter,
                                           absl::FunctionRef<absl::Status(FlowBlock)> visit,
                                           const CallLiveness& alive) override {
    return inner_.ReadBlocks(id, filter, visit, alive);
  }
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override {
    return inner_.List(page_size, after_id);
  }
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  bool created_now() const override { return inner_.created_now(); }
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> GetAnalyzable(
      const std::string& id, const CallLiveness& alive) override;

  int64_t hits() const { return hits_.load(); }
  int64_t misses() const { return misses_.load(); }
  int64_t cached_flows() const;

 private:
  class ForgettingWriter;
  struct Entry {
    std::string id;
    std::shared_ptr<const AnalyzableDataset> dataset;
  };
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Forgetting(
      const std::string& id, absl::StatusOr<std::unique_ptr<DatasetWriter>> writer);
  void Forget(const std::string& id);
  void Insert(const std::string& id, std::shared_ptr<const AnalyzableDataset> dataset);

  DatasetStore& inner_;
  const int64_t capacity_flows_;
  std::atomic<int64_t> hits_{0}, misses_{0};
  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  absl::flat_hash_map<std::string, std::list<Entry>::iterator> index_;
  int64_t flows_ = 0;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_CACHING_STORE_H_
