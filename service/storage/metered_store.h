// A DatasetStore that times every operation of the store beneath it into the server's metrics:
// create, append, get, read_blocks (its visitor's time included), count_blocks, list and delete,
// and for writers each write_block and commit. Revision passes through untimed: every analysis
// asks it, it costs well under a microsecond when answered from memory, and its time is part of
// the call's own latency in culturetrade_rpc_duration_seconds.
#ifndef CULTURETRADE_SERVICE_STORAGE_METERED_STORE_H_
#define CULTURETRADE_SERVICE_STORAGE_METERED_STORE_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// Where the timings go: the server's metrics, or a test's recorder.
class StoreOperationSink {
 public:
  virtual ~StoreOperationSink() = default;
  virtual void StoreOperation(absl::string_view operation, double seconds) = 0;
};

class MeteredStore : public DatasetStore {
 public:
  MeteredStore(DatasetStore& inner, StoreOperationSink& metrics)
      : inner_(inner), metrics_(metrics) {}

  absl::StatusOr<std::unique_ptr<DatasetWriter>> Create(NewDataset dataset) override;
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Append(const std::string& id,
                                                        const std::string& etag) override;
  absl::StatusOr<DatasetRecord> Get(const std::string& id) override;
  absl::StatusOr<int64_t> Revision(const std::string& id) override { return inner_.Revision(id); }
  absl::StatusOr<DatasetRecord> ReadBlocks(const std::string& id, const BlockFilter& filter,
                                           absl::FunctionRef<absl::Status(FlowBlock)> visit,
                                           const CallLiveness& alive) override;
  absl::StatusOr<BlockCount> CountBlocks(const std::string& id, const BlockFilter& filter) override;
  absl::StatusOr<DatasetPage> List(int page_size, const std::string& after_id) override;
  absl::Status Delete(const std::string& id, const std::string& etag) override;
  bool created_now() const override { return inner_.created_now(); }

 private:
  absl::StatusOr<std::unique_ptr<DatasetWriter>> Metered(
      absl::StatusOr<std::unique_ptr<DatasetWriter>> writer);

  DatasetStore& inner_;
  StoreOperationSink& metrics_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_METERED_STORE_H_
