#include "service/storage/upload_writer.h"

#include <vector>

#include "service/storage/dataset_rows.h"

namespace culturetrade {
namespace {

class UploadWriter : public DatasetWriter {
 public:
  // A create of `dataset` (`creating`), or an append to `dataset.id` while its etag is `etag`.
  UploadWriter(UploadStore& store, bool creating, NewDataset dataset, std::string etag)
      : store_(store), creating_(creating), dataset_(std::move(dataset)), etag_(std::move(etag)) {}
  ~UploadWriter() override {
    if (!committed_ && upload_ != 0) store_.Discard(upload_);
  }
  UploadWriter(const UploadWriter&) = delete;
  UploadWriter& operator=(const UploadWriter&) = delete;

  absl::Status Write(const FlowBlock& block) override {
    if (committed_) return Committed();
    if (!failed_.ok()) return failed_;
    absl::StatusOr<StoredBlock> stored = StoreBlock(block, encoder_);
    // A block refused as malformed was not stored: the upload may go on without it.
    if (!stored.ok()) return stored.status();
    flows_ += stored->flow_count;
    batch_bytes_ += static_cast<int64_t>(stored->data.size() + stored->reporters.size() +
                                         stored->partners.size() + stored->products.size());
    batch_.push_back(*std::move(stored));
    // The first block goes at once, so that the upload exists in the store from its start.
    if (upload_ != 0 && batch_bytes_ < kUploadBatchBytes) return absl::OkStatus();
    return Flush();
  }

  absl::StatusOr<DatasetRecord> Commit() override {
    if (committed_) return Committed();
    if (!failed_.ok()) return failed_;
    if (absl::Status s = Flush(); !s.ok()) return s;
    absl::StatusOr<DatasetRecord> record =
        creating_ ? store_.PublishCreate(dataset_, upload_, flows_)
                  : store_.PublishAppend(dataset_.id, etag_, upload_, flows_);
    committed_ = record.ok();
    return record;
  }

 private:
  static absl::Status Committed() {
    return absl::FailedPreconditionError("store: the write was committed already");
  }

  // Hands the batch to the store.
  absl::Status Flush() {
    if (batch_.empty()) return absl::OkStatus();
    absl::StatusOr<int64_t> upload = store_.InsertBlocks(upload_, blocks_, batch_);
    if (!upload.ok()) {
      failed_ = upload.status();
      return failed_;
    }
    upload_ = *upload;
    blocks_ += static_cast<int64_t>(batch_.size());
    batch_.clear();
    batch_bytes_ = 0;
    return absl::OkStatus();
  }

  UploadStore& store_;
  const bool creating_;
  const NewDataset dataset_;  // only the id when appending
  const std::string etag_;
  BlockEncoder encoder_;
  int64_t upload_ = 0;              // 0 until the first block is stored
  int64_t blocks_ = 0, flows_ = 0;  // blocks stored, flows written
  std::vector<StoredBlock> batch_;  // encoded, not yet stored
  int64_t batch_bytes_ = 0;
  absl::Status failed_;  // the first failure to store a block, after which nothing is done
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
  const DatasetRecord existing_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<DatasetWriter>> CreateWriter(
    UploadStore& store, NewDataset dataset, const absl::StatusOr<DatasetRecord>& existing) {
  if (existing.ok()) {
    absl::StatusOr<DatasetRecord> retried = RetriedCreate(*existing, dataset.request_id);
    if (!retried.ok()) return retried.status();
    return std::make_unique<RetryWriter>(*std::move(retried));
  }
  if (!absl::IsNotFound(existing.status())) return existing.status();
  return std::make_unique<UploadWriter>(store, true, std::move(dataset), "");
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> AppendWriter(
    UploadStore& store, const std::string& id, const std::string& etag,
    const absl::StatusOr<DatasetRecord>& current) {
  if (!current.ok()) return current.status();
  // Checked now to spare an upload doomed to fail, and again at commit.
  if (absl::Status s = CheckEtag(id, current->revision, etag); !s.ok()) return s;
  return std::make_unique<UploadWriter>(store, false, NewDataset{id, "", ""}, etag);
}

}  // namespace culturetrade
