// The PostgreSQL store's writes: the blocks of an upload in a short transaction a batch (one
// statement), and its commit.
#include <libpq-fe.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "service/storage/dataset_rows.h"
#include "service/storage/postgres/postgres_layout.h"
#include "service/storage/postgres/postgres_pool.h"
#include "service/storage/postgres/postgres_statement.h"
#include "service/storage/postgres/postgres_store.h"
#include "service/storage/postgres/postgres_upload_owner.h"
#include "service/storage/upload_writer.h"

namespace culturetrade {
namespace {

using pg::Exec;
using pg::Params;
using pg::Result;
using pg::Transaction;

// Binds `upload` (0: none) to dataset `id` at `revision`, in the caller's transaction.
absl::Status BindUpload(PGconn* conn, int64_t upload, const std::string& id, int64_t revision) {
  if (upload == 0) return absl::OkStatus();
  absl::StatusOr<Result> r = Exec(conn,
                                  "UPDATE uploads SET dataset_id = $1, revision = $2 "
                                  "WHERE upload_id = $3 AND dataset_id IS NULL",
                                  Params().Text(id).Int(revision).Int(upload));
  if (!r.ok()) return r.status();
  if (r->affected() != 1) {
    return absl::AbortedError(absl::StrCat(
        "store: the blocks of this upload to ", id,
        " were discarded, as this server lost its session with PostgreSQL; upload them again"));
  }
  return absl::OkStatus();
}

absl::StatusOr<DatasetRecord> PublishCreateOn(PGconn* conn, const NewDataset& dataset,
                                              int64_t upload, int64_t flows) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  const int64_t now = NowMicros();
  // The primary key settles concurrent creators: a second waits for the first to commit,
  // then inserts nothing.
  absl::StatusOr<Result> inserted =
      Exec(conn,
           "INSERT INTO datasets (id, revision, create_time_us, update_time_us, flow_count, meta, "
           "request_id) VALUES ($1, 1, $2, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
           Params()
               .Text(dataset.id)
               .Int(now)
               .Int(flows)
               .Bytes(absl::string_view(dataset.metadata))
               .Text(dataset.request_id));
  if (!inserted.ok()) return inserted.status();
  if (inserted->affected() == 0) {
    absl::StatusOr<DatasetRecord> existing = pg::SelectRecord(conn, dataset.id);
    if (!existing.ok()) return existing.status();
    absl::StatusOr<DatasetRecord> retried = RetriedCreate(*existing, dataset.request_id);
    if (!retried.ok()) return retried.status();
    // A retry answered as its first try: this upload's blocks are not needed.
    absl::Status s =
        Exec(conn, "DELETE FROM uploads WHERE upload_id = $1", Params().Int(upload)).status();
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
    return retried;
  }
  absl::Status s = BindUpload(conn, upload, dataset.id, 1);
  if (s.ok()) s = Exec(conn, kMarkStoreUsed).status();
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return RecordFromRow(dataset.id, 1, now, now, flows, dataset.metadata, dataset.request_id);
}

absl::StatusOr<DatasetRecord> PublishAppendOn(PGconn* conn, const std::string& id,
                                              const std::string& etag, int64_t upload,
                                              int64_t flows) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  if (absl::Status s = pg::LockForWrite(conn, id, etag); !s.ok()) return s;
  absl::StatusOr<Result> updated =
      Exec(conn,
           "UPDATE datasets SET revision = revision + 1, update_time_us = $2, "
           "flow_count = flow_count + $3 WHERE id = $1 RETURNING id, revision, create_time_us, "
           "update_time_us, flow_count, meta, request_id",
           Params().Text(id).Int(NowMicros()).Int(flows));
  if (!updated.ok()) return updated.status();
  DatasetRecord record = pg::RecordAt(*updated, 0);
  absl::Status s = BindUpload(conn, upload, id, record.revision);
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return record;
}

}  // namespace

absl::StatusOr<std::unique_ptr<DatasetWriter>> PostgresStore::Create(NewDataset dataset) {
  const absl::StatusOr<DatasetRecord> existing = Get(dataset.id);
  return CreateWriter(*this, std::move(dataset), existing);
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> PostgresStore::Append(const std::string& id,
                                                                     const std::string& etag) {
  return AppendWriter(*this, id, etag, Get(id));
}

absl::StatusOr<int64_t> PostgresStore::InsertBlocks(int64_t upload, int64_t first_seq,
                                                    absl::Span<const StoredBlock> blocks) {
  absl::StatusOr<int64_t> owner = upload == 0 ? owner_->Number() : int64_t{0};
  if (!owner.ok()) return owner.status();
  return Leased(*pool_, [&](PGconn* conn) -> absl::StatusOr<int64_t> {
    Transaction tx(conn, "BEGIN; SET LOCAL synchronous_commit TO OFF");
    if (!tx.status().ok()) return tx.status();
    int64_t id = upload;
    if (id == 0) {
      absl::StatusOr<Result> r =
          Exec(conn, "INSERT INTO uploads (owner) VALUES ($1) RETURNING upload_id",
               Params().Int(*owner));
      if (!r.ok()) return r.status();
      id = r->Int(0, 0);
    }
    absl::Status s = pg::InsertBlockRows(conn, id, first_seq, blocks);
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
    return id;
  });
}

absl::StatusOr<DatasetRecord> PostgresStore::PublishCreate(const NewDataset& dataset,
                                                           int64_t upload, int64_t flows) {
  return Leased(*pool_,
                [&](PGconn* conn) { return PublishCreateOn(conn, dataset, upload, flows); });
}

absl::StatusOr<DatasetRecord> PostgresStore::PublishAppend(const std::string& id,
                                                           const std::string& etag, int64_t upload,
                                                           int64_t flows) {
  return Leased(*pool_,
                [&](PGconn* conn) { return PublishAppendOn(conn, id, etag, upload, flows); });
}

void PostgresStore::Discard(int64_t upload) {
  // Its blocks go with it (ON DELETE CASCADE). Should this fail, the next server to open the
  // store after this one stopped deletes them.
  Leased(*pool_, [&](PGconn* conn) {
    return Exec(conn, "DELETE FROM uploads WHERE upload_id = $1 AND dataset_id IS NULL",
                Params().Int(upload))
        .status();
  }).IgnoreError();
}

}  // namespace culturetrade
