#include "service/storage/postgres/postgres_store.h"

#include <libpq-fe.h>

#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/storage/dataset_rows.h"
#include "service/storage/postgres/postgres_pool.h"
#include "service/storage/postgres/postgres_statement.h"

namespace culturetrade {
namespace {

using pg::Exec;
using pg::ExecScript;
using pg::Params;
using pg::PgError;
using pg::Result;
using pg::Transaction;

// Forward migrations, one per schema version; never edit one that has shipped.
const char* const kMigrations[] = {
    // 1: datasets with their metadata, flows as serialized chunks. Ids sort bytewise, as in
    // SQLite, whatever the database's locale, so list pages keep one order.
    "CREATE TABLE datasets ("
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
    "END $$;",
    // 2: whether the store is fresh (service/dataset_rows.h).
    kStoreStateMigration,
};

// Chunks read per round trip when loading flows: a few MiB in memory at a time.
constexpr int kChunksPerBatch = 16;

// --- Bulk load: binary COPY of the chunks ---

void AppendBigEndian(std::string* out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>(v >> (8 * i)));
}

absl::Status PutCopyData(PGconn* conn, absl::string_view bytes) {
  if (PQputCopyData(conn, bytes.data(), static_cast<int>(bytes.size())) == 1) {
    return absl::OkStatus();
  }
  return PgError(conn, nullptr);
}

// Ends a COPY: its rows join the transaction when `s` is OK; otherwise the server discards
// them. Reads every result, so the connection is ready for the next statement.
absl::Status EndCopy(PGconn* conn, absl::Status s) {
  if (PQputCopyEnd(conn, s.ok() ? nullptr : "culturetrade: upload abandoned") != 1 && s.ok()) {
    s = PgError(conn, nullptr);
  }
  while (PGresult* raw = PQgetResult(conn)) {
    Result r(raw);
    if (s.ok() && PQresultStatus(raw) != PGRES_COMMAND_OK) s = PgError(conn, raw);
  }
  return s;
}

// Streams the chunks of `flows` into flow_chunks, numbered from `first_seq`, as one binary
// COPY: one statement for any number of chunks, no per-row round trip or parse, blobs sent raw.
absl::Status CopyChunks(PGconn* conn, const std::string& id, int64_t first_seq,
                        const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  if (flows.empty()) return absl::OkStatus();
  Result started(
      PQexec(conn, "COPY flow_chunks (dataset_id, seq, data) FROM STDIN (FORMAT binary)"));
  if (PQresultStatus(started.get()) != PGRES_COPY_IN) return PgError(conn, started.get());
  // The format's header: an 11-byte signature (its NUL included), flags, extension length.
  static constexpr char kSignature[] = "PGCOPY\n\377\r\n";
  std::string frame(kSignature, sizeof(kSignature));
  AppendBigEndian(&frame, 0, 4);
  AppendBigEndian(&frame, 0, 4);
  int64_t seq = first_seq;
  absl::Status s = ForEachChunk(flows, [&](const std::string& blob) {
    // A row: its field count, then each field as length and bytes (the blob sent as is).
    AppendBigEndian(&frame, 3, 2);
    AppendBigEndian(&frame, id.size(), 4);
    frame += id;
    AppendBigEndian(&frame, 8, 4);
    AppendBigEndian(&frame, static_cast<uint64_t>(seq++), 8);
    AppendBigEndian(&frame, blob.size(), 4);
    absl::Status put = PutCopyData(conn, frame);
    frame.clear();
    return put.ok() ? PutCopyData(conn, blob) : put;
  });
  if (s.ok()) {
    AppendBigEndian(&frame, 0xffff, 2);  // the trailer: a field count of -1
    s = PutCopyData(conn, frame);
  }
  return EndCopy(conn, std::move(s));
}

// --- Rows ---

// A row selected as "id, revision, create_time_us, update_time_us, flow_count, meta".
DatasetRow RowAt(const Result& r, int i) {
  return DatasetRow{std::string(r.Bytes(i, 0)), r.Int(i, 1), r.Int(i, 2), r.Int(i, 3), r.Int(i, 4),
                    std::string(r.Bytes(i, 5))};
}

absl::StatusOr<DatasetRow> SelectRow(PGconn* conn, const std::string& id) {
  absl::StatusOr<Result> r = Exec(conn,
                                  "SELECT id, revision, create_time_us, update_time_us, "
                                  "flow_count, meta FROM datasets WHERE id = $1",
                                  Params().Text(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return DatasetNotFound(id);
  return RowAt(*r, 0);
}

// Reads the chunks a batch at a time, in seq order: memory holds a batch, not the dataset's
// blobs, and a caller that has gone stops the load.
absl::Status LoadFlows(PGconn* conn, const std::string& id, v1::Dataset* dataset,
                       const CallLiveness& alive) {
  dataset->mutable_flows()->Reserve(static_cast<int>(dataset->flow_count()));
  int64_t after = -1;
  for (;;) {
    absl::StatusOr<Result> batch = Exec(conn,
                                        "SELECT seq, data FROM flow_chunks WHERE dataset_id = $1 "
                                        "AND seq > $2 ORDER BY seq LIMIT $3",
                                        Params().Text(id).Int(after).Int(kChunksPerBatch));
    if (!batch.ok()) return batch.status();
    for (int i = 0; i < batch->rows(); ++i) {
      if (absl::Status s = AddChunkFlows(batch->Bytes(i, 1), id, dataset, alive); !s.ok()) return s;
      after = batch->Int(i, 0);
    }
    if (batch->rows() < kChunksPerBatch) return absl::OkStatus();
  }
}

// Locks the row of dataset `id` until the transaction ends, so writers of one dataset take
// turns and nothing slips between the etag check and the write; then checks the etag.
absl::Status LockForWrite(PGconn* conn, const std::string& id, const std::string& etag) {
  absl::StatusOr<Result> r =
      Exec(conn, "SELECT revision FROM datasets WHERE id = $1 FOR UPDATE", Params().Text(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return DatasetNotFound(id);
  return CheckEtag(id, r->Int(0, 0), etag);
}

// --- Operations, each on one connection ---

absl::StatusOr<v1::Dataset> CreateOn(PGconn* conn, const std::string& id,
                                     const v1::Dataset& dataset) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  const int64_t now = NowMicros();
  DatasetRow row{id, 1, now, now, dataset.flows_size(), StoredMetadata(dataset)};
  // The primary key settles concurrent creators: a second waits for the first to commit,
  // then inserts nothing.
  absl::StatusOr<Result> inserted = Exec(
      conn,
      "INSERT INTO datasets (id, revision, create_time_us, update_time_us, flow_count, meta) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
      Params().Text(id).Int(row.revision).Int(now).Int(now).Int(row.flow_count).Bytes(row.meta));
  if (!inserted.ok()) return inserted.status();
  if (inserted->affected() == 0) return DatasetAlreadyExists(id);
  absl::Status s = CopyChunks(conn, id, 0, dataset.flows());
  if (s.ok()) s = Exec(conn, kMarkStoreUsed).status();
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return DatasetFromRow(row);
}

absl::StatusOr<v1::Dataset> GetOn(PGconn* conn, const std::string& id, bool with_flows,
                                  const CallLiveness& alive) {
  if (!with_flows) {
    absl::StatusOr<DatasetRow> row = SelectRow(conn, id);
    if (!row.ok()) return row.status();
    return DatasetFromRow(*row);
  }
  // One snapshot for the row and every chunk: an append committing meanwhile is not half seen.
  Transaction tx(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<DatasetRow> row = SelectRow(conn, id);
  if (!row.ok()) return row.status();
  absl::StatusOr<v1::Dataset> d = DatasetFromRow(*row);
  if (!d.ok()) return d.status();
  absl::Status s = LoadFlows(conn, id, &*d, alive);
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return d;
}

absl::StatusOr<DatasetPage> ListOn(PGconn* conn, int page_size, const std::string& after_id) {
  // One row more than asked tells whether another page follows.
  absl::StatusOr<Result> r = Exec(conn,
                                  "SELECT id, revision, create_time_us, update_time_us, "
                                  "flow_count, meta FROM datasets WHERE id > $1 "
                                  "ORDER BY id LIMIT $2",
                                  Params().Text(after_id).Int(int64_t{page_size} + 1));
  if (!r.ok()) return r.status();
  std::vector<DatasetRow> rows;
  for (int i = 0; i < r->rows(); ++i) rows.push_back(RowAt(*r, i));
  return PageFromRows(std::move(rows), page_size);
}

absl::Status DeleteOn(PGconn* conn, const std::string& id, const std::string& etag) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  absl::Status s = LockForWrite(conn, id, etag);
  // The chunks go with the row (ON DELETE CASCADE).
  if (s.ok()) s = Exec(conn, "DELETE FROM datasets WHERE id = $1", Params().Text(id)).status();
  if (s.ok()) s = tx.Commit();
  return s;
}

absl::StatusOr<v1::Dataset> AppendOn(
    PGconn* conn, const std::string& id, const std::string& etag,
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  if (absl::Status s = LockForWrite(conn, id, etag); !s.ok()) return s;
  absl::StatusOr<Result> next =
      Exec(conn, "SELECT COALESCE(MAX(seq) + 1, 0) FROM flow_chunks WHERE dataset_id = $1",
           Params().Text(id));
  if (!next.ok()) return next.status();
  if (absl::Status s = CopyChunks(conn, id, next->Int(0, 0), flows); !s.ok()) return s;
  absl::StatusOr<Result> updated =
      Exec(conn,
           "UPDATE datasets SET revision = revision + 1, update_time_us = $2, "
           "flow_count = flow_count + $3 WHERE id = $1 RETURNING id, revision, create_time_us, "
           "update_time_us, flow_count, meta",
           Params().Text(id).Int(NowMicros()).Int(flows.size()));
  if (!updated.ok()) return updated.status();
  if (absl::Status s = tx.Commit(); !s.ok()) return s;
  return DatasetFromRow(RowAt(*updated, 0));
}

// --- Schema ---

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

// Applies the migrations past the database's version in one transaction, under an advisory
// lock: replicas starting together queue on it, and those after the first find nothing to do.
// The store this migration creates is marked fresh. Returns whether the store is fresh.
absl::StatusOr<bool> Migrate(PGconn* conn) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<int> from = LockedSchemaVersion(conn);
  if (!from.ok()) return from.status();
  const int target = static_cast<int>(std::size(kMigrations));
  if (*from > target) return NewerSchema(*from, target);
  for (int v = *from + 1; v <= target; ++v) {
    absl::Status s = ExecScript(conn, kMigrations[v - 1]);
    if (s.ok()) {
      s = Exec(conn, "INSERT INTO schema_version (version) VALUES ($1)", Params().Int(v)).status();
    }
    if (!s.ok()) return s;
  }
  if (*from == 0) {
    if (absl::Status s = Exec(conn, kMarkStoreFresh).status(); !s.ok()) return s;
  }
  absl::StatusOr<Result> fresh = Exec(conn, kSelectStoreFresh);
  if (!fresh.ok()) return fresh.status();
  if (absl::Status s = tx.Commit(); !s.ok()) return s;
  return fresh->rows() == 1 && fresh->Int(0, 0) != 0;
}

}  // namespace

// The right to seed a fresh store, for one live server at a time: a session advisory lock on a
// connection of its own, which PostgreSQL releases when that server dies, so that the next to
// start claims it. Held until the server stops (one idle connection).
class FreshStoreClaim {
 public:
  // The claim, or null when another live server holds it.
  static absl::StatusOr<std::unique_ptr<FreshStoreClaim>> Take(const std::string& url) {
    absl::StatusOr<PGconn*> conn = pg::Connect(url);
    if (!conn.ok()) return conn.status();
    std::unique_ptr<FreshStoreClaim> claim(new FreshStoreClaim(*conn));
    absl::StatusOr<Result> held =
        Exec(*conn, "SELECT pg_try_advisory_lock(hashtext('culturetrade fresh store'))");
    if (!held.ok()) return held.status();
    if (held->Int(0, 0) == 0) return nullptr;
    return claim;
  }
  ~FreshStoreClaim() { PQfinish(conn_); }
  FreshStoreClaim(const FreshStoreClaim&) = delete;
  FreshStoreClaim& operator=(const FreshStoreClaim&) = delete;

 private:
  explicit FreshStoreClaim(PGconn* conn) : conn_(conn) {}
  PGconn* const conn_;
};

// --- The store ---

int PostgresStore::SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

absl::StatusOr<std::unique_ptr<PostgresStore>> PostgresStore::Open(
    const std::string& url, int pool_size, absl::Duration checkout_timeout) {
  if (pool_size < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("store: the PostgreSQL pool needs a connection at least, not ", pool_size));
  }
  auto pool = std::make_unique<PostgresPool>(url, pool_size, checkout_timeout);
  absl::StatusOr<bool> fresh = Leased(*pool, [](PGconn* conn) { return Migrate(conn); });
  if (!fresh.ok()) return fresh.status();
  std::unique_ptr<FreshStoreClaim> claim;
  if (*fresh) {
    absl::StatusOr<std::unique_ptr<FreshStoreClaim>> taken = FreshStoreClaim::Take(url);
    if (!taken.ok()) return taken.status();
    claim = *std::move(taken);
  }
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(pool), std::move(claim)));
}

PostgresStore::PostgresStore(std::unique_ptr<PostgresPool> pool,
                             std::unique_ptr<FreshStoreClaim> claim)
    : pool_(std::move(pool)), claim_(std::move(claim)) {}

PostgresStore::~PostgresStore() = default;

absl::StatusOr<v1::Dataset> PostgresStore::Create(const std::string& id,
                                                  const v1::Dataset& dataset) {
  return Leased(*pool_, [&](PGconn* conn) { return CreateOn(conn, id, dataset); });
}

absl::StatusOr<v1::Dataset> PostgresStore::Get(const std::string& id, bool with_flows,
                                               const CallLiveness& alive) {
  return Leased(*pool_, [&](PGconn* conn) { return GetOn(conn, id, with_flows, alive); });
}

absl::StatusOr<DatasetPage> PostgresStore::List(int page_size, const std::string& after_id) {
  return Leased(*pool_, [&](PGconn* conn) { return ListOn(conn, page_size, after_id); });
}

absl::Status PostgresStore::Delete(const std::string& id, const std::string& etag) {
  return Leased(*pool_, [&](PGconn* conn) { return DeleteOn(conn, id, etag); });
}

absl::StatusOr<v1::Dataset> PostgresStore::AppendFlows(
    const std::string& id, const std::string& etag,
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  return Leased(*pool_, [&](PGconn* conn) { return AppendOn(conn, id, etag, flows); });
}

}  // namespace culturetrade
