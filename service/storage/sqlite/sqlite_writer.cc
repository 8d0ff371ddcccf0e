// The SQLite store's writes: the blocks of an upload in a short transaction a batch, and its
// commit.
#include <sqlite3.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "service/storage/dataset_rows.h"
#include "service/storage/sqlite/sqlite_layout.h"
#include "service/storage/sqlite/sqlite_statement.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "service/storage/upload_writer.h"

namespace culturetrade {

using sqlite::Statement;
using sqlite::Transaction;

absl::StatusOr<std::unique_ptr<DatasetWriter>> SqliteStore::Create(NewDataset dataset) {
  const absl::StatusOr<DatasetRecord> existing = Get(dataset.id);
  return CreateWriter(*this, std::move(dataset), existing);
}

absl::StatusOr<std::unique_ptr<DatasetWriter>> SqliteStore::Append(const std::string& id,
                                                                   const std::string& etag) {
  return AppendWriter(*this, id, etag, Get(id));
}

absl::StatusOr<int64_t> SqliteStore::InsertBlocks(int64_t upload, int64_t first_seq,
                                                  absl::Span<const StoredBlock> blocks) {
  std::lock_guard<std::mutex> lock(mu_);
  if (absl::Status s = SyncCommitsLocked(false); !s.ok()) return s;
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  if (upload == 0) {
    absl::Status s = Statement(*statements_, "INSERT INTO uploads DEFAULT VALUES").Run();
    if (!s.ok()) return s;
    upload = sqlite3_last_insert_rowid(db_);
  }
  Statement insert(*statements_, sqlite::kInsertBlock);
  absl::Status s;
  for (size_t i = 0; i < blocks.size() && s.ok(); ++i) {
    s = sqlite::InsertBlockRow(insert, upload, first_seq + static_cast<int64_t>(i), blocks[i]);
  }
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return upload;
}

absl::Status SqliteStore::BindUploadLocked(int64_t upload, const std::string& id,
                                           int64_t revision) {
  if (upload == 0) return absl::OkStatus();
  absl::Status s = Statement(*statements_,
                             "UPDATE uploads SET dataset_id = ?, revision = ? "
                             "WHERE upload_id = ? AND dataset_id IS NULL")
                       .Bind(1, id)
                       .Bind(2, revision)
                       .Bind(3, upload)
                       .Run();
  if (s.ok() && sqlite3_changes(db_) != 1) {
    return absl::AbortedError(
        absl::StrCat("store: the blocks of this upload to ", id,
                     " were discarded, as the store was opened anew meanwhile; upload them again"));
  }
  return s;
}

absl::StatusOr<DatasetRecord> SqliteStore::PublishCreate(const NewDataset& dataset, int64_t upload,
                                                         int64_t flows) {
  std::lock_guard<std::mutex> lock(mu_);
  if (absl::Status s = SyncCommitsLocked(true); !s.ok()) return s;
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  // The id may have been taken since the writer was opened.
  absl::StatusOr<DatasetRecord> existing = GetLocked(dataset.id);
  if (existing.ok()) {
    absl::StatusOr<DatasetRecord> retried = RetriedCreate(*existing, dataset.request_id);
    absl::Status s = retried.status();
    // A retry answered as its first try: this upload's blocks are not needed.
    if (s.ok()) {
      s = Statement(*statements_, "DELETE FROM uploads WHERE upload_id = ?").Bind(1, upload).Run();
    }
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
    return retried;
  }
  if (!absl::IsNotFound(existing.status())) return existing.status();
  const int64_t now = NowMicros();
  absl::Status s = Statement(*statements_,
                             "INSERT INTO datasets (id, revision, create_time_us, update_time_us, "
                             "flow_count, meta, request_id) VALUES (?, 1, ?, ?, ?, ?, ?)")
                       .Bind(1, dataset.id)
                       .Bind(2, now)
                       .Bind(3, now)
                       .Bind(4, flows)
                       .BindBlob(5, dataset.metadata)
                       .Bind(6, dataset.request_id)
                       .Run();
  if (s.ok()) s = BindUploadLocked(upload, dataset.id, 1);
  if (s.ok()) s = sqlite::Exec(db_, kMarkStoreUsed);
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return RecordFromRow(dataset.id, 1, now, now, flows, dataset.metadata, dataset.request_id);
}

absl::StatusOr<DatasetRecord> SqliteStore::PublishAppend(const std::string& id,
                                                         const std::string& etag, int64_t upload,
                                                         int64_t flows) {
  std::lock_guard<std::mutex> lock(mu_);
  if (absl::Status s = SyncCommitsLocked(true); !s.ok()) return s;
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<DatasetRecord> record = GetLocked(id);
  if (!record.ok()) return record.status();
  if (absl::Status s = CheckEtag(id, record->revision, etag); !s.ok()) return s;
  const int64_t now = NowMicros();
  record->revision += 1;
  record->update_time = absl::FromUnixMicros(now);
  record->flow_count += flows;
  absl::Status s = Statement(*statements_,
                             "UPDATE datasets SET revision = ?, update_time_us = ?, flow_count = ? "
                             "WHERE id = ?")
                       .Bind(1, record->revision)
                       .Bind(2, now)
                       .Bind(3, record->flow_count)
                       .Bind(4, id)
                       .Run();
  if (s.ok()) s = BindUploadLocked(upload, id, record->revision);
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return record;
}

void SqliteStore::Discard(int64_t upload) {
  std::lock_guard<std::mutex> lock(mu_);
  // Its blocks go with it (ON DELETE CASCADE). Should this fail, the next open deletes them.
  Statement(*statements_, "DELETE FROM uploads WHERE upload_id = ? AND dataset_id IS NULL")
      .Bind(1, upload)
      .Run()
      .IgnoreError();
  // The discarded blocks' pages are free in the file, but the log still holds them; on a full
  // disk the next write could not grow it. Checkpointing empties it and gives the space back.
  sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

}  // namespace culturetrade
