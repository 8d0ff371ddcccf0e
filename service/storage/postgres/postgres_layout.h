// The PostgreSQL store's tables: its schema migrations, the conversion of datasets stored in
// the row layout before blocks, and the rows of a record and of a stored block.
#ifndef CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_LAYOUT_H_
#define CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_LAYOUT_H_

#include <libpq-fe.h>

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "service/model/dataset_record.h"
#include "service/storage/postgres/postgres_statement.h"
#include "service/storage/stored_block.h"

namespace culturetrade::pg {

// The schema version this build writes.
int SchemaVersion();

// Applies the migrations past the database's version in one transaction, under an advisory
// lock: replicas starting together queue on it, and those after the first find nothing to do.
// The store this migration creates is marked fresh. Returns whether the store is fresh.
absl::StatusOr<bool> Migrate(PGconn* conn);

// The record of row `row` of `r`, selected as its columns "id, revision, create_time_us,
// update_time_us, flow_count, meta, request_id".
DatasetRecord RecordAt(const Result& r, int row);
// Dataset `id`'s record; NOT_FOUND when absent.
absl::StatusOr<DatasetRecord> SelectRecord(PGconn* conn, const std::string& id);
// Its revision alone, with a statement prepared once per connection. NOT_FOUND when absent.
absl::StatusOr<int64_t> SelectRevision(PGconn* conn, const std::string& id);

// Locks the row of dataset `id` until the transaction ends, so that writers of one dataset
// take turns and nothing slips between the etag check and the write; then checks the etag.
absl::Status LockForWrite(PGconn* conn, const std::string& id, const std::string& etag);

// Inserts block `seq` of `upload`.
absl::Status InsertBlockRows(PGconn* conn, int64_t upload, int64_t first_seq,
                             absl::Span<const StoredBlock> blocks);

// The advisory lock key of upload owner `owner` (postgres_upload_owner.h): past the 32-bit keys
// that hashtext() names, so no other lock of the store's takes it.
inline constexpr int64_t kOwnerLockBase = int64_t{1} << 40;

}  // namespace culturetrade::pg

#endif  // CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_LAYOUT_H_
