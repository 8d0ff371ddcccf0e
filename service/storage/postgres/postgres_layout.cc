#include "service/storage/postgres/postgres_layout.h"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "service/storage/dataset_rows.h"
#include "service/storage/legacy_chunks.h"

namespace culturetrade::pg {
namespace {

// A forward migration: SQL, then for a migration that moves data, code, then more SQL. Never
// edit one that has shipped.
struct Migration {
  const char* sql;
  absl::Status (*convert)(PGconn* conn) = nullptr;
  const char* after = "";
};

// Old chunks read per round trip while converting: a few MiB at a time.
constexpr int kChunksPerBatch = 16;

// Converts dataset `id`'s chunks (schema 2) into the blocks of one upload, bound to it at
// `revision`.
absl::Status ConvertDataset(PGconn* conn, const std::string& id, int64_t revision) {
  BlockEncoder encoder;
  int64_t upload = 0, seq = 0;
  LegacyChunks chunks(id, [&](const FlowBlock& block) -> absl::Status {
    if (upload == 0) {
      absl::StatusOr<Result> r = Exec(conn,
                                      "INSERT INTO uploads (owner, dataset_id, revision) "
                                      "VALUES (0, $1, $2) RETURNING upload_id",
                                      Params().Text(id).Int(revision));
      if (!r.ok()) return r.status();
      upload = r->Int(0, 0);
    }
    absl::StatusOr<StoredBlock> stored = StoreBlock(block, encoder);
    if (!stored.ok()) return stored.status();
    return InsertBlockRows(conn, upload, seq++, {&*stored, 1});
  });
  for (int64_t after = -1;;) {
    absl::StatusOr<Result> batch = Exec(conn,
                                        "SELECT seq, data FROM flow_chunks WHERE dataset_id = $1 "
                                        "AND seq > $2 ORDER BY seq LIMIT $3",
                                        Params().Text(id).Int(after).Int(kChunksPerBatch));
    if (!batch.ok()) return batch.status();
    for (int i = 0; i < batch->rows(); ++i) {
      if (absl::Status s = chunks.Add(batch->Bytes(i, 1)); !s.ok()) return s;
      after = batch->Int(i, 0);
    }
    if (batch->rows() < kChunksPerBatch) break;
  }
  return chunks.Finish();
}

absl::Status ConvertChunksToBlocks(PGconn* conn) {
  absl::StatusOr<Result> datasets = Exec(conn, "SELECT id, revision FROM datasets ORDER BY id");
  if (!datasets.ok()) return datasets.status();
  for (int i = 0; i < datasets->rows(); ++i) {
    absl::Status s = ConvertDataset(conn, std::string(datasets->Bytes(i, 0)), datasets->Int(i, 1));
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

const Migration kMigrations[] = {
    // 1: datasets with their metadata, flows as serialized chunks. Ids sort bytewise, as in
    // SQLite, whatever the database's locale, so list pages keep one order.
    {"CREATE TABLE datasets ("
     "  id TEXT COLLATE \"C\" PRIMARY KEY,"
     "  revision BIGINT NOT NULL,"
     "  create_time_us BIGINT NOT NULL,"
     "  update_time_us BIGINT NOT NULL,"
     "  flow_count BIGINT NOT NULL,"
     "  meta BYTEA NOT NULL);"
     "CREATE TABLE flow_chunks ("
     "  dataset_id TEXT COLLATE \"C\" NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
     "  seq BIGINT NOT NULL,"
     "  data BYTEA NOT NULL,"
     "  PRIMARY KEY (dataset_id, seq));"
     // Chunks are compressed with lz4 where the server has it: it loads 1M flows in half the
     // time pglz takes, for a quarter more space. Elsewhere the server's default stands.
     "DO $$ BEGIN"
     "  ALTER TABLE flow_chunks ALTER COLUMN data SET COMPRESSION lz4;"
     "EXCEPTION WHEN feature_not_supported THEN NULL;"
     "END $$;"},
    // 2: whether the store is fresh (dataset_rows.h).
    {kStoreStateMigration},
    // 3: flows as compressed columnar blocks of uploads (dataset_rows.h), each block's zone map
    // beside its data; the request id that created a dataset. Uploads in progress carry their
    // server's owner number (postgres_upload_owner.h). Block data is zstd already: stored out
    // of line without compressing it again (EXTERNAL).
    {"ALTER TABLE datasets ADD COLUMN request_id TEXT NOT NULL DEFAULT '';"
     "CREATE SEQUENCE upload_owners;"
     "CREATE TABLE uploads ("
     "  upload_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
     "  owner BIGINT NOT NULL,"
     "  dataset_id TEXT COLLATE \"C\" REFERENCES datasets(id) ON DELETE CASCADE,"
     "  revision BIGINT);"
     "CREATE INDEX uploads_of_dataset ON uploads (dataset_id, revision);"
     "CREATE TABLE flow_blocks ("
     "  upload_id BIGINT NOT NULL REFERENCES uploads(upload_id) ON DELETE CASCADE,"
     "  seq BIGINT NOT NULL,"
     "  flow_count BIGINT NOT NULL,"
     "  min_year INTEGER NOT NULL,"
     "  max_year INTEGER NOT NULL,"
     "  reporters BYTEA NOT NULL,"
     "  partners BYTEA NOT NULL,"
     "  products BYTEA NOT NULL,"
     "  data BYTEA NOT NULL,"
     "  PRIMARY KEY (upload_id, seq));"
     "ALTER TABLE flow_blocks ALTER COLUMN data SET STORAGE EXTERNAL;",
     ConvertChunksToBlocks, "DROP TABLE flow_chunks;"},
};

// Takes the migration lock for this transaction, then reads the schema version (0: none).
absl::StatusOr<int> LockedSchemaVersion(PGconn* conn) {
  for (const char* sql : {"SELECT pg_advisory_xact_lock(hashtext('culturetrade schema'))",
                          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"}) {
    if (absl::Status s = Exec(conn, sql).status(); !s.ok()) return s;
  }
  absl::StatusOr<Result> r = Exec(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!r.ok()) return r.status();
  return static_cast<int>(r->Int(0, 0));
}

absl::Status Apply(PGconn* conn, int version) {
  const Migration& m = kMigrations[version - 1];
  absl::Status s = ExecScript(conn, m.sql);
  if (s.ok() && m.convert != nullptr) s = m.convert(conn);
  if (s.ok() && *m.after != '\0') s = ExecScript(conn, m.after);
  if (s.ok()) {
    s = Exec(conn, "INSERT INTO schema_version (version) VALUES ($1)", Params().Int(version))
            .status();
  }
  return s;
}

}  // namespace

int SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

absl::StatusOr<bool> Migrate(PGconn* conn) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<int> from = LockedSchemaVersion(conn);
  if (!from.ok()) return from.status();
  const int target = SchemaVersion();
  if (*from > target) return NewerSchema(*from, target);
  for (int v = *from + 1; v <= target; ++v) {
    if (absl::Status s = Apply(conn, v); !s.ok()) return s;
  }
  if (*from == 0) {
    if (absl::Status s = Exec(conn, kMarkStoreFresh).status(); !s.ok()) return s;
  }
  absl::StatusOr<Result> fresh = Exec(conn, kSelectStoreFresh);
  if (!fresh.ok()) return fresh.status();
  if (absl::Status s = tx.Commit(); !s.ok()) return s;
  return fresh->rows() == 1 && fresh->Int(0, 0) != 0;
}

DatasetRecord RecordAt(const Result& r, int row) {
  return RecordFromRow(std::string(r.Bytes(row, 0)), r.Int(row, 1), r.Int(row, 2), r.Int(row, 3),
                       r.Int(row, 4), std::string(r.Bytes(row, 5)), std::string(r.Bytes(row, 6)));
}

absl::StatusOr<DatasetRecord> SelectRecord(PGconn* conn, const std::string& id) {
  absl::StatusOr<Result> r = Exec(conn,
                                  "SELECT id, revision, create_time_us, update_time_us, "
                                  "flow_count, meta, request_id FROM datasets WHERE id = $1",
                                  Params().Text(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return DatasetNotFound(id);
  return RecordAt(*r, 0);
}

absl::StatusOr<int64_t> SelectRevision(PGconn* conn, const std::string& id) {
  absl::StatusOr<Result> r =
      ExecPrepared(conn, "culturetrade_revision", "SELECT revision FROM datasets WHERE id = $1",
                   Params().Text(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return DatasetNotFound(id);
  return r->Int(0, 0);
}

absl::Status LockForWrite(PGconn* conn, const std::string& id, const std::string& etag) {
  absl::StatusOr<Result> r =
      Exec(conn, "SELECT revision FROM datasets WHERE id = $1 FOR UPDATE", Params().Text(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return DatasetNotFound(id);
  return CheckEtag(id, r->Int(0, 0), etag);
}

absl::Status InsertBlockRows(PGconn* conn, int64_t upload, int64_t first_seq,
                             absl::Span<const StoredBlock> blocks) {
  // One statement of many rows: one round trip and one plan for the whole batch.
  std::string sql =
      "INSERT INTO flow_blocks (upload_id, seq, flow_count, min_year, max_year, reporters, "
      "partners, products, data) VALUES ";
  Params params;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const int p = params.size();
    absl::StrAppend(&sql, i == 0 ? "" : ", ", "($", p + 1, ", $", p + 2, ", $", p + 3, ", $", p + 4,
                    ", $", p + 5, ", $", p + 6, ", $", p + 7, ", $", p + 8, ", $", p + 9, ")");
    const StoredBlock& block = blocks[i];
    params.Int(upload)
        .Int(first_seq + static_cast<int64_t>(i))
        .Int(block.flow_count)
        .Int(block.min_year)
        .Int(block.max_year)
        .Bytes(absl::string_view(block.reporters))
        .Bytes(absl::string_view(block.partners))
        .Bytes(absl::string_view(block.products))
        .Bytes(absl::string_view(block.data));
  }
  return Exec(conn, sql.c_str(), params).status();
}

}  // namespace culturetrade::pg
