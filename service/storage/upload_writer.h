// The DatasetWriter of both stores: each block checked and encoded as it comes, handed to the
// store in batches of about kUploadBatchBytes (one transaction each, rather than one a block),
// counted, and the upload published once; a writer that failed stays failed, so a commit can
// never publish an upload with a block missing. A writer destroyed uncommitted has the store
// discard its blocks.
#ifndef CULTURETRADE_SERVICE_STORAGE_UPLOAD_WRITER_H_
#define CULTURETRADE_SERVICE_STORAGE_UPLOAD_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "service/storage/block_codec.h"
#include "service/storage/dataset_store.h"
#include "service/storage/stored_block.h"

namespace culturetrade {

// What a store does for its writers, in its own SQL.
class UploadStore {
 public:
  virtual ~UploadStore() = default;
  // Stores `blocks` as blocks `first_seq`, `first_seq` + 1, ... of `upload` in one
  // transaction, invisible to readers; a new upload when `upload` is 0. Returns the upload's id.
  virtual absl::StatusOr<int64_t> InsertBlocks(int64_t upload, int64_t first_seq,
                                               absl::Span<const StoredBlock> blocks) = 0;
  // Creates `dataset` with the `flows` flows of `upload` (0: none) at once, or fails changing
  // nothing: ALREADY_EXISTS when its id is taken (unless RetriedCreate says otherwise).
  virtual absl::StatusOr<DatasetRecord> PublishCreate(const NewDataset& dataset, int64_t upload,
                                                      int64_t flows) = 0;
  // Appends the `flows` flows of `upload` to dataset `id` at once, if its etag still is `etag`.
  virtual absl::StatusOr<DatasetRecord> PublishAppend(const std::string& id,
                                                      const std::string& etag, int64_t upload,
                                                      int64_t flows) = 0;
  // Deletes uncommitted `upload` and its blocks, as far as it can.
  virtual void Discard(int64_t upload) = 0;
};

// The encoded blocks a writer holds before it hands them to the store, at most (and one block
// more): what an upload's memory lease counts for them.
inline constexpr int64_t kUploadBatchBytes = int64_t{1} << 20;

// The writer of a create of `dataset`, given what the store holds under its id now.
absl::StatusOr<std::unique_ptr<DatasetWriter>> CreateWriter(
    UploadStore& store, NewDataset dataset, const absl::StatusOr<DatasetRecord>& existing);
// The writer of an append to dataset `id` while its etag is `etag`, given its record now.
absl::StatusOr<std::unique_ptr<DatasetWriter>> AppendWriter(
    UploadStore& store, const std::string& id, const std::string& etag,
    const absl::StatusOr<DatasetRecord>& current);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_UPLOAD_WRITER_H_
