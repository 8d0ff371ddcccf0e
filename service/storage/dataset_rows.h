// What the SQLite and PostgreSQL stores share about their rows, so that they store the same
// bytes and answer the same words.
//
// A dataset is a `datasets` row (id, revision, times, flow count, its metadata bytes as given,
// the request id that created it) and the uploads committed to it: each upload a row of
// `uploads`, bound to the dataset at the revision its commit made, with its blocks in
// `flow_blocks` keyed by (upload, seq), each block's zone map in columns beside its data
// (stored_block.h). Blocks are written before their upload is bound, so a write in progress is
// invisible, and committing is one small transaction. The revision is the etag.
#ifndef CULTURETRADE_SERVICE_STORAGE_DATASET_ROWS_H_
#define CULTURETRADE_SERVICE_STORAGE_DATASET_ROWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// Flows a block that the store makes itself holds (when migrating): few enough rows for
// millions of flows, small enough (well under a MiB) to stream.
inline constexpr int kFlowsPerBlock = 8192;

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

// The record of a `datasets` row, from its columns id, revision, create_time_us,
// update_time_us, flow_count, meta and request_id (the order both stores select them in).
DatasetRecord RecordFromRow(std::string id, int64_t revision, int64_t create_time_us,
                            int64_t update_time_us, int64_t flow_count, std::string metadata,
                            std::string request_id);

// A page from up to page_size + 1 records in id order; the extra one says another page follows.
DatasetPage PageOf(std::vector<DatasetRecord> records, int page_size);

absl::Status DatasetNotFound(const std::string& id);
absl::Status DatasetAlreadyExists(const std::string& id);
// A create of an id that `existing` holds: `existing` when the same non-empty request created
// it (a retry, answered as the first try was), else ALREADY_EXISTS.
absl::StatusOr<DatasetRecord> RetriedCreate(const DatasetRecord& existing,
                                            const std::string& request_id);
// OK when `etag` is empty or names `revision`; ABORTED otherwise.
absl::Status CheckEtag(const std::string& id, int64_t revision, const std::string& etag);
// FAILED_PRECONDITION: the store was written by a newer server than this one.
absl::Status NewerSchema(int found, int known);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_DATASET_ROWS_H_
