// How every DatasetStore lays a dataset out in rows, and the errors its promises name, so the
// SQLite and PostgreSQL stores store the same bytes and answer the same words.
//
// A dataset is one row (id, revision, times, flow count, its metadata as a serialized Dataset
// without flows) plus its flows as serialized FlowChunk blobs of kFlowsPerChunk flows, numbered
// by `seq` in the order they were added. The revision is the etag.
#ifndef CULTURETRADE_SERVICE_STORAGE_DATASET_ROWS_H_
#define CULTURETRADE_SERVICE_STORAGE_DATASET_ROWS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/call_liveness.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// Few enough row inserts for millions of flows, small enough (well under a MiB) to stream.
inline constexpr int kFlowsPerChunk = 8192;

// One `datasets` row as both stores select it: id, revision, create_time_us, update_time_us,
// flow_count, meta.
struct DatasetRow {
  std::string id;
  int64_t revision = 0;
  int64_t create_time_us = 0;
  int64_t update_time_us = 0;
  int64_t flow_count = 0;
  std::string meta;
};

// The store's one row of state, schema version 2 of both stores: `fresh` is TRUE from the
// store's creation until it first holds a dataset, so a first start that died before seeding
// the store seeds it on the next. Stores from before version 2 count as used.
inline constexpr char kStoreStateMigration[] =
    "CREATE TABLE store_state (fresh BOOLEAN NOT NULL);"
    "INSERT INTO store_state (fresh) VALUES (FALSE);";
// Run by the migration that created the store, in its transaction.
inline constexpr char kMarkStoreFresh[] = "UPDATE store_state SET fresh = TRUE";
// Run by every create, in its transaction; once the store is used it matches no row, so
// concurrent creates do not queue on it.
inline constexpr char kMarkStoreUsed[] = "UPDATE store_state SET fresh = FALSE WHERE fresh";
inline constexpr char kSelectStoreFresh[] = "SELECT fresh FROM store_state";

int64_t NowMicros();

// The `meta` blob of `dataset`: every field but the flows and the output-only ones.
std::string StoredMetadata(const v1::Dataset& dataset);

// The basic view of a row: its metadata with name, etag, times and flow count set.
absl::StatusOr<v1::Dataset> DatasetFromRow(const DatasetRow& row);

// A page from up to page_size + 1 rows in id order; the extra row says another page follows.
absl::StatusOr<DatasetPage> PageFromRows(std::vector<DatasetRow> rows, int page_size);

// Serializes `flows` into chunks in order and hands each blob to `write`; stops at its first
// error.
absl::Status ForEachChunk(const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows,
                          const std::function<absl::Status(const std::string& blob)>& write);

// Appends the flows of one stored chunk of dataset `id` to `dataset`, unless `alive` says
// the caller has gone.
absl::Status AddChunkFlows(absl::string_view blob, const std::string& id, v1::Dataset* dataset,
                           const CallLiveness& alive);

absl::Status DatasetNotFound(const std::string& id);
absl::Status DatasetAlreadyExists(const std::string& id);
// OK when `etag` is empty or names `revision`; ABORTED otherwise.
absl::Status CheckEtag(const std::string& id, int64_t revision, const std::string& etag);
// FAILED_PRECONDITION: the store was written by a newer server than this one.
absl::Status NewerSchema(int found, int known);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_DATASET_ROWS_H_
