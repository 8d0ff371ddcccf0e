#include "service/sqlite_store.h"

#include <sqlite3.h>

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "service/call_liveness.h"
#include "service/validation.h"

namespace culturetrade {
namespace {

// Forward migrations, one per schema version; never edit one that has shipped.
const char* const kMigrations[] = {
    // 1: datasets with their metadata, flows as serialized chunks.
    "CREATE TABLE datasets ("
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
    "  PRIMARY KEY (dataset_id, seq));",
};
constexpr int kFlowsPerChunk = 8192;

absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what) {
  const std::string message = absl::StrCat("store: ", what, ": ", sqlite3_errmsg(db));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return absl::UnavailableError(message);
    case SQLITE_FULL: return absl::ResourceExhaustedError(message);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return absl::FailedPreconditionError(message);
    default: return absl::InternalError(message);
  }
}

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  absl::Status status() const {
    return rc_ == SQLITE_OK ? absl::OkStatus() : SqliteError(db_, rc_, "prepare");
  }
  Statement& Bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& BindBlob(int i, const std::string& bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // True while a row is available; false when done.
  absl::StatusOr<bool> Step() {
    if (rc_ != SQLITE_OK) return status();
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db_, rc, "step");
  }
  absl::Status Run() {
    absl::StatusOr<bool> r = Step();
    return r.ok() ? absl::OkStatus() : r.status();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string Blob(int col) const {
    const void* data = sqlite3_column_blob(stmt_, col);
    return std::string(static_cast<const char*>(data), sqlite3_column_bytes(stmt_, col));
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

absl::Status Exec(sqlite3* db, const char* sql) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? absl::OkStatus() : SqliteError(db, rc, sql);
}

// An IMMEDIATE transaction rolled back unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db), status_(Exec(db, "BEGIN IMMEDIATE")) {}
  ~Transaction() {
    if (status_.ok() && !done_) Exec(db_, "ROLLBACK").IgnoreError();
  }
  const absl::Status& status() const { return status_; }
  absl::Status Commit() {
    done_ = true;
    return Exec(db_, "COMMIT");
  }

 private:
  sqlite3* db_;
  absl::Status status_;
  bool done_ = false;
};

int64_t NowMicros() { return absl::ToUnixMicros(absl::Now()); }

void SetTimestamp(int64_t micros, google::protobuf::Timestamp* ts) {
  ts->set_seconds(micros / 1000000);
  ts->set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);
}

absl::Status NotFound(const std::string& id) {
  return absl::NotFoundError(absl::StrCat("dataset ", DatasetName(id), " does not exist"));
}

// Fills the output-only fields from a `datasets` row: id, revision, create, update, count, meta.
absl::StatusOr<v1::Dataset> DatasetFromRow(const Statement& row) {
  v1::Dataset d;
  if (!d.ParseFromString(row.Blob(5))) {
    return absl::DataLossError(absl::StrCat("store: metadata of ", row.Text(0), " is corrupt"));
  }
  d.set_name(DatasetName(row.Text(0)));
  d.set_etag(absl::StrCat(row.Int(1)));
  SetTimestamp(row.Int(2), d.mutable_create_time());
  SetTimestamp(row.Int(3), d.mutable_update_time());
  d.set_flow_count(row.Int(4));
  return d;
}

absl::Status InsertChunks(sqlite3* db, const std::string& id, int64_t first_seq,
                          const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  v1::FlowChunk chunk;
  int64_t seq = first_seq;
  for (int start = 0; start < flows.size(); start += kFlowsPerChunk) {
    chunk.Clear();
    const int end = std::min(flows.size(), start + kFlowsPerChunk);
    for (int i = start; i < end; ++i) *chunk.add_flows() = flows[i];
    Statement row(db, "INSERT INTO flow_chunks (dataset_id, seq, data) VALUES (?, ?, ?)");
    absl::Status s = row.Bind(1, id).Bind(2, seq++).BindBlob(3, chunk.SerializeAsString()).Run();
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<int> CurrentVersion(sqlite3* db) {
  absl::Status s = Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  if (!s.ok()) return s;
  Statement q(db, "SELECT MAX(version) FROM schema_version");
  absl::StatusOr<bool> row = q.Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(q.Int(0)) : 0;
}

absl::Status Migrate(sqlite3* db, int from) {
  const int target = static_cast<int>(std::size(kMigrations));
  if (from > target) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store: schema version ", from, " is newer than this server's ", target,
        "; run a newer culturetrade-server"));
  }
  for (int v = from + 1; v <= target; ++v) {
    Transaction tx(db);
    if (!tx.status().ok()) return tx.status();
    absl::Status s = Exec(db, kMigrations[v - 1]);
    if (s.ok()) s = Statement(db, "INSERT INTO schema_version (version) VALUES (?)").Bind(1, v).Run();
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

int SqliteStore::SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    absl::Status s = SqliteError(db, rc, absl::StrCat("open ", path));
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 5000);
  // WAL keeps readers off the writer's back; FULL sync makes a commit survive a power cut.
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                             "PRAGMA foreign_keys=ON"}) {
    absl::Status s = Exec(db, pragma);
    if (!s.ok()) {
      sqlite3_close(db);
      return s;
    }
  }
  absl::StatusOr<int> version = CurrentVersion(db);
  absl::Status s = version.ok() ? Migrate(db, *version) : version.status();
  if (!s.ok()) {
    sqlite3_close(db);
    return s;
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(db, *version == 0));
}

SqliteStore::~SqliteStore() {
  std::lock_guard<std::mutex> lock(mu_);
  sqlite3_close(db_);
}

absl::StatusOr<v1::Dataset> SqliteStore::Create(const std::string& id,
                                                const v1::Dataset& dataset) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  {
    Statement exists(db_, "SELECT 1 FROM datasets WHERE id = ?");
    absl::StatusOr<bool> found = exists.Bind(1, id).Step();
    if (!found.ok()) return found.status();
    if (*found) {
      return absl::AlreadyExistsError(absl::StrCat("dataset ", DatasetName(id), " already exists"));
    }
  }
  v1::Dataset meta = dataset;
  meta.clear_flows();
  meta.clear_name();
  meta.clear_etag();
  meta.clear_create_time();
  meta.clear_update_time();
  meta.clear_flow_count();
  const int64_t now = NowMicros();
  absl::Status s = Statement(db_,
                             "INSERT INTO datasets (id, revision, create_time_us, update_time_us, "
                             "flow_count, meta) VALUES (?, 1, ?, ?, ?, ?)")
                       .Bind(1, id)
                       .Bind(2, now)
                       .Bind(3, now)
                       .Bind(4, static_cast<int64_t>(dataset.flows_size()))
                       .BindBlob(5, meta.SerializeAsString())
                       .Run();
  if (s.ok()) s = InsertChunks(db_, id, 0, dataset.flows());
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return GetLocked(id, /*with_flows=*/false);
}

absl::StatusOr<v1::Dataset> SqliteStore::Get(const std::string& id, bool with_flows) {
  std::lock_guard<std::mutex> lock(mu_);
  return GetLocked(id, with_flows);
}

absl::StatusOr<v1::Dataset> SqliteStore::GetLocked(const std::string& id, bool with_flows) {
  Statement q(db_,
              "SELECT id, revision, create_time_us, update_time_us, flow_count, meta "
              "FROM datasets WHERE id = ?");
  absl::StatusOr<bool> found = q.Bind(1, id).Step();
  if (!found.ok()) return found.status();
  if (!*found) return NotFound(id);
  absl::StatusOr<v1::Dataset> d = DatasetFromRow(q);
  if (!d.ok() || !with_flows) return d;
  d->mutable_flows()->Reserve(static_cast<int>(d->flow_count()));
  Statement chunks(db_, "SELECT data FROM flow_chunks WHERE dataset_id = ? ORDER BY seq");
  chunks.Bind(1, id);
  v1::FlowChunk chunk;
  for (;;) {
    absl::StatusOr<bool> row = chunks.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (absl::Status alive = CheckCallAlive(); !alive.ok()) return alive;
    if (!chunk.ParseFromString(chunks.Blob(0))) {
      return absl::DataLossError(absl::StrCat("store: a flow chunk of ", id, " is corrupt"));
    }
    for (v1::TradeFlow& f : *chunk.mutable_flows()) d->mutable_flows()->Add(std::move(f));
  }
  return d;
}

absl::StatusOr<DatasetPage> SqliteStore::List(int page_size, const std::string& after_id) {
  std::lock_guard<std::mutex> lock(mu_);
  // One row more than asked tells whether another page follows.
  Statement q(db_,
              "SELECT id, revision, create_time_us, update_time_us, flow_count, meta "
              "FROM datasets WHERE id > ? ORDER BY id LIMIT ?");
  q.Bind(1, after_id).Bind(2, static_cast<int64_t>(page_size) + 1);
  DatasetPage page;
  std::string last_id;
  for (;;) {
    absl::StatusOr<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (static_cast<int>(page.datasets.size()) == page_size) {
      page.last_id = last_id;
      break;
    }
    last_id = q.Text(0);
    absl::StatusOr<v1::Dataset> d = DatasetFromRow(q);
    if (!d.ok()) return d.status();
    page.datasets.push_back(*std::move(d));
  }
  return page;
}

absl::Status SqliteStore::CheckEtagLocked(const std::string& id, const std::string& etag) {
  Statement q(db_, "SELECT revision FROM datasets WHERE id = ?");
  absl::StatusOr<bool> found = q.Bind(1, id).Step();
  if (!found.ok()) return found.status();
  if (!*found) return NotFound(id);
  const std::string current = absl::StrCat(q.Int(0));
  if (!etag.empty() && etag != current) {
    return absl::AbortedError(absl::StrCat("dataset ", DatasetName(id), " has changed: etag is ",
                                           current, ", not ", etag, "; read it again"));
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::Delete(const std::string& id, const std::string& etag) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  absl::Status s = CheckEtagLocked(id, etag);
  if (s.ok()) s = Statement(db_, "DELETE FROM flow_chunks WHERE dataset_id = ?").Bind(1, id).Run();
  if (s.ok()) s = Statement(db_, "DELETE FROM datasets WHERE id = ?").Bind(1, id).Run();
  if (s.ok()) s = tx.Commit();
  return s;
}

absl::StatusOr<v1::Dataset> SqliteStore::AppendFlows(
    const std::string& id, const std::string& etag,
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  absl::Status s = CheckEtagLocked(id, etag);
  if (!s.ok()) return s;
  Statement next(db_, "SELECT COALESCE(MAX(seq) + 1, 0) FROM flow_chunks WHERE dataset_id = ?");
  absl::StatusOr<bool> row = next.Bind(1, id).Step();
  if (!row.ok()) return row.status();
  s = InsertChunks(db_, id, next.Int(0), flows);
  if (s.ok()) {
    s = Statement(db_,
                  "UPDATE datasets SET revision = revision + 1, update_time_us = ?, "
                  "flow_count = flow_count + ? WHERE id = ?")
            .Bind(1, NowMicros())
            .Bind(2, static_cast<int64_t>(flows.size()))
            .Bind(3, id)
            .Run();
  }
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return GetLocked(id, /*with_flows=*/false);
}

}  // namespace culturetrade
