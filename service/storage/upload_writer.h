// What every store's DatasetWriter shares: each block checked, encoded and handed to the store
// as it comes, counted, and the upload published once; a writer that failed stays failed, so a
// commit can never publish an upload with a block missing.
#ifndef CULTURETRADE_SERVICE_STORAGE_UPLOAD_WRITER_H_
#define CULTURETRADE_SERVICE_STORAGE_UPLOAD_WRITER_H_

#include <cstdint>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/storage/block_codec.h"
#include "service/storage/dataset_store.h"
#include "service/storage/stored_block.h"

namespace culturetrade {

class UploadWriter : public DatasetWriter {
 public:
  absl::Status Write(const FlowBlock& block) final;
  absl::StatusOr<DatasetRecord> Commit() final;

 protected:
  // Stores block `seq` (0, 1, ...) of this upload, invisible to readers.
  virtual absl::Status Insert(int64_t seq, const StoredBlock& block) = 0;
  // Makes the `blocks` blocks holding `flows` flows visible at once, or fails changing nothing.
  virtual absl::StatusOr<DatasetRecord> Publish(int64_t blocks, int64_t flows) = 0;
  // Whether the blocks written are the store's to discard: the writer has not committed.
  bool discard_on_destruction() const { return !committed_; }
  int64_t blocks() const { return blocks_; }

 private:
  BlockEncoder encoder_;
  int64_t blocks_ = 0, flows_ = 0;
  absl::Status failed_;  // the first failure, after which nothing more is done
  bool committed_ = false;
};

// The writer of a create that a retry repeats (same id, same request id): it stores nothing
// and answers with the dataset the first try made.
class RetryWriter : public DatasetWriter {
 public:
  explicit RetryWriter(DatasetRecord existing) : existing_(std::move(existing)) {}
  absl::Status Write(const FlowBlock&) override { return absl::OkStatus(); }
  absl::StatusOr<DatasetRecord> Commit() override { return existing_; }

 private:
  DatasetRecord existing_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_UPLOAD_WRITER_H_
