#include "service/storage/sqlite/sqlite_layout.h"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "service/storage/dataset_rows.h"
#include "service/storage/legacy_chunks.h"

namespace culturetrade::sqlite {
namespace {

// A forward migration: SQL, then for a migration that moves data, code, then more SQL. Never
// edit one that has shipped.
struct Migration {
  const char* sql;
  absl::Status (*convert)(sqlite3* db) = nullptr;
  const char* after = "";
};

// Turns every dataset's chunks (schema 2) into blocks of one upload, bound to the dataset at
// its revision.
absl::Status ConvertChunksToBlocks(sqlite3* db) {
  std::vector<std::pair<std::string, int64_t>> datasets;
  Statement q(db, "SELECT id, revision FROM datasets ORDER BY id");
  for (;;) {
    absl::StatusOr<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    datasets.emplace_back(q.Text(0), q.Int(1));
  }
  BlockEncoder encoder;
  Statement insert(db, kInsertBlock);
  for (const auto& dataset : datasets) {
    const std::string& id = dataset.first;
    const int64_t revision = dataset.second;
    int64_t upload = 0, seq = 0;
    LegacyChunks chunks(id, [&](const FlowBlock& block) -> absl::Status {
      if (upload == 0) {
        absl::Status s = Statement(db, "INSERT INTO uploads (dataset_id, revision) VALUES (?, ?)")
                             .Bind(1, id)
                             .Bind(2, revision)
                             .Run();
        if (!s.ok()) return s;
        upload = sqlite3_last_insert_rowid(db);
      }
      absl::StatusOr<StoredBlock> stored = StoreBlock(block, encoder);
      if (!stored.ok()) return stored.status();
      return InsertBlockRow(insert, upload, seq++, *stored);
    });
    Statement blobs(db, "SELECT data FROM flow_chunks WHERE dataset_id = ? ORDER BY seq");
    blobs.Bind(1, id);
    for (;;) {
      absl::StatusOr<bool> row = blobs.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      if (absl::Status s = chunks.Add(blobs.Blob(0)); !s.ok()) return s;
    }
    if (absl::Status s = chunks.Finish(); !s.ok()) return s;
  }
  return absl::OkStatus();
}

const Migration kMigrations[] = {
    // 1: datasets with their metadata, flows as serialized chunks.
    {"CREATE TABLE datasets ("
     "  id TEXT PRIMARY KEY,"
     "  revision INTEGER NOT NULL,"
     "  create_time_us INTEGER NOT NULL,"
     "  update_time_us INTEGER NOT NULL,"
     "  flow_count INTEGER NOT NULL,"
     "  meta BLOB NOT NULL);"
     "CREATE TABLE flow_chunks ("
     "  dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
     "  seq INTEGER NOT NULL,"
     "  data BLOB NOT NULL,"
     "  PRIMARY KEY (dataset_id, seq));"},
    // 2: whether the store is fresh (dataset_rows.h).
    {kStoreStateMigration},
    // 3: flows as compressed columnar blocks of uploads (dataset_rows.h), each block's zone map
    // beside its data (which comes last, so that reading the zone leaves the data's overflow
    // pages alone); the request id that created a dataset.
    {"ALTER TABLE datasets ADD COLUMN request_id TEXT NOT NULL DEFAULT '';"
     "CREATE TABLE uploads ("
     "  upload_id INTEGER PRIMARY KEY AUTOINCREMENT,"
     "  dataset_id TEXT REFERENCES datasets(id) ON DELETE CASCADE,"
     "  revision INTEGER);"
     "CREATE INDEX uploads_of_dataset ON uploads (dataset_id, revision);"
     "CREATE TABLE flow_blocks ("
     "  upload_id INTEGER NOT NULL REFERENCES uploads(upload_id) ON DELETE CASCADE,"
     "  seq INTEGER NOT NULL,"
     "  flow_count INTEGER NOT NULL,"
     "  min_year INTEGER NOT NULL,"
     "  max_year INTEGER NOT NULL,"
     "  reporters BLOB NOT NULL,"
     "  partners BLOB NOT NULL,"
     "  products BLOB NOT NULL,"
     "  data BLOB NOT NULL,"
     "  PRIMARY KEY (upload_id, seq));",
     ConvertChunksToBlocks, "DROP TABLE flow_chunks;"},
};

absl::StatusOr<int> CurrentVersion(sqlite3* db) {
  absl::Status s = Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  if (!s.ok()) return s;
  Statement q(db, "SELECT MAX(version) FROM schema_version");
  absl::StatusOr<bool> row = q.Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(q.Int(0)) : 0;
}

absl::Status Apply(sqlite3* db, int version) {
  const Migration& m = kMigrations[version - 1];
  absl::Status s = Exec(db, m.sql);
  if (s.ok() && m.convert != nullptr) s = m.convert(db);
  if (s.ok()) s = Exec(db, m.after);
  if (s.ok()) {
    s = Statement(db, "INSERT INTO schema_version (version) VALUES (?)").Bind(1, version).Run();
  }
  return s;
}

}  // namespace

int SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

absl::StatusOr<bool> Migrate(sqlite3* db) {
  Transaction tx(db);
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<int> from = CurrentVersion(db);
  if (!from.ok()) return from.status();
  const int target = SchemaVersion();
  if (*from > target) return NewerSchema(*from, target);
  absl::Status s;
  for (int v = *from + 1; v <= target && s.ok(); ++v) s = Apply(db, v);
  if (s.ok() && *from == 0) s = Exec(db, kMarkStoreFresh);
  if (!s.ok()) return s;
  bool fresh = false;
  {
    Statement q(db, kSelectStoreFresh);
    absl::StatusOr<bool> row = q.Step();
    if (!row.ok()) return row.status();
    fresh = *row && q.Int(0) != 0;
  }
  if (s = tx.Commit(); !s.ok()) return s;
  return fresh;
}

absl::Status DeleteAbandonedUploads(sqlite3* db) {
  // Their blocks go with them (ON DELETE CASCADE).
  return Exec(db, "DELETE FROM uploads WHERE dataset_id IS NULL");
}

DatasetRecord RecordAt(const Statement& q) {
  return RecordFromRow(q.Text(0), q.Int(1), q.Int(2), q.Int(3), q.Int(4), q.Text(5), q.Text(6));
}

absl::Status InsertBlockRow(Statement& insert, int64_t upload, int64_t seq,
                            const StoredBlock& block) {
  insert.Reset();
  return insert.Bind(1, upload)
      .Bind(2, seq)
      .Bind(3, block.flow_count)
      .Bind(4, int64_t{block.min_year})
      .Bind(5, int64_t{block.max_year})
      .BindBlob(6, block.reporters)
      .BindBlob(7, block.partners)
      .BindBlob(8, block.products)
      .BindBlob(9, block.data)
      .Run();
}

}  // namespace culturetrade::sqlite
