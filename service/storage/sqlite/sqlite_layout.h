// The SQLite store's tables: its schema migrations, the conversion of datasets stored in the
// row layout before blocks, and the row of a stored block.
#ifndef CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_LAYOUT_H_
#define CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_LAYOUT_H_

#include <sqlite3.h>

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/model/dataset_record.h"
#include "service/storage/sqlite/sqlite_statement.h"
#include "service/storage/stored_block.h"

namespace culturetrade::sqlite {

// The schema version this build writes.
int SchemaVersion();

// Applies the migrations past the store's version in one transaction, so that a start killed
// midway leaves the store as it was; the store this migration creates is marked fresh.
// Returns whether the store is fresh.
absl::StatusOr<bool> Migrate(sqlite3* db);

// Deletes the uploads left uncommitted (a server killed mid-upload) with their blocks.
absl::Status DeleteAbandonedUploads(sqlite3* db);

// A dataset's record (RecordAt), by id.
inline constexpr char kSelectRecord[] =
    "SELECT id, revision, create_time_us, update_time_us, flow_count, meta, request_id "
    "FROM datasets WHERE id = ?";
// A dataset's revision alone, by id.
inline constexpr char kSelectRevision[] = "SELECT revision FROM datasets WHERE id = ?";
// The record of a row selected with the columns of kSelectRecord.
DatasetRecord RecordAt(const Statement& q);

inline constexpr char kInsertBlock[] =
    "INSERT INTO flow_blocks (upload_id, seq, flow_count, min_year, max_year, reporters, "
    "partners, products, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
// Runs `insert`, a statement of kInsertBlock, for block `seq` of `upload`.
absl::Status InsertBlockRow(Statement& insert, int64_t upload, int64_t seq,
                            const StoredBlock& block);

}  // namespace culturetrade::sqlite

#endif  // CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_LAYOUT_H_
