#include "service/storage/upload_writer.h"

namespace culturetrade {

absl::Status UploadWriter::Write(const FlowBlock& block) {
  if (committed_) return absl::FailedPreconditionError("store: the write was committed already");
  if (!failed_.ok()) return failed_;
  absl::StatusOr<StoredBlock> stored = StoreBlock(block, encoder_);
  // A block refused as malformed was not stored: the upload may go on without it.
  if (!stored.ok()) return stored.status();
  if (absl::Status s = Insert(blocks_, *stored); !s.ok()) {
    failed_ = s;
    return s;
  }
  ++blocks_;
  flows_ += stored->flow_count;
  return absl::OkStatus();
}

absl::StatusOr<DatasetRecord> UploadWriter::Commit() {
  if (committed_) return absl::FailedPreconditionError("store: the write was committed already");
  if (!failed_.ok()) return failed_;
  absl::StatusOr<DatasetRecord> record = Publish(blocks_, flows_);
  committed_ = record.ok();
  return record;
}

}  // namespace culturetrade
