#include "service/storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "service/storage/dataset_rows.h"

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
    // 2: whether the store is fresh (service/dataset_rows.h).
    kStoreStateMigration,
};

// What a failed SQLite call means to a caller. A file error carries the system's reason, since
// SQLite's "disk I/O error" alone does not tell a full disk from a read-only one.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what) {
  const int primary = rc & 0xff;
  const bool file_error = primary == SQLITE_IOERR || primary == SQLITE_FULL ||
                          primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY;
  const int os_error = file_error ? sqlite3_system_errno(db) : 0;
  std::string detail = absl::StrCat(what, ": ", sqlite3_errmsg(db));
  if (os_error != 0) absl::StrAppend(&detail, " (", std::strerror(os_error), ")");
  // EFBIG: a file size limit, which a full disk's quota can be.
  if (primary == SQLITE_FULL || os_error == ENOSPC || os_error == EDQUOT || os_error == EFBIG) {
    return absl::ResourceExhaustedError(absl::StrCat("store: the disk is full: ", detail));
  }
  const bool not_writable = primary == SQLITE_READONLY || primary == SQLITE_PERM ||
                            os_error == EROFS || os_error == EACCES || os_error == EPERM;
  if (not_writable) {
    return absl::FailedPreconditionError(
        absl::StrCat("store: its file or directory is not writable: ", detail));
  }
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return absl::UnavailableError(absl::StrCat("store: ", detail));
    case SQLITE_CANTOPEN: return absl::FailedPreconditionError(absl::StrCat("store: ", detail));
    case SQLITE_IOERR:
      return absl::UnavailableError(absl::StrCat("store: cannot read or write its file: ", detail));
    default: return absl::InternalError(absl::StrCat("store: ", detail));
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

// A `datasets` row selected as "id, revision, create_time_us, update_time_us, flow_count, meta".
DatasetRow RowOf(const Statement& q) {
  return DatasetRow{q.Text(0), q.Int(1), q.Int(2), q.Int(3), q.Int(4), q.Blob(5)};
}

absl::Status InsertChunks(sqlite3* db, const std::string& id, int64_t first_seq,
                          const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  int64_t seq = first_seq;
  return ForEachChunk(flows, [&](const std::string& blob) {
    Statement row(db, "INSERT INTO flow_chunks (dataset_id, seq, data) VALUES (?, ?, ?)");
    return row.Bind(1, id).Bind(2, seq++).BindBlob(3, blob).Run();
  });
}

absl::StatusOr<int> CurrentVersion(sqlite3* db) {
  absl::Status s = Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  if (!s.ok()) return s;
  Statement q(db, "SELECT MAX(version) FROM schema_version");
  absl::StatusOr<bool> row = q.Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(q.Int(0)) : 0;
}

// Applies the migrations past the store's version in one transaction, so that a start killed
// midway leaves the store as it was; the store this migration creates is marked fresh. Returns
// whether the store is fresh.
absl::StatusOr<bool> Migrate(sqlite3* db) {
  Transaction tx(db);
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<int> from = CurrentVersion(db);
  if (!from.ok()) return from.status();
  const int target = static_cast<int>(std::size(kMigrations));
  if (*from > target) return NewerSchema(*from, target);
  absl::Status s;
  for (int v = *from + 1; v <= target && s.ok(); ++v) {
    s = Exec(db, kMigrations[v - 1]);
    if (s.ok()) {
      s = Statement(db, "INSERT INTO schema_version (version) VALUES (?)").Bind(1, v).Run();
    }
  }
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

// Errors at open name the file: they end the server's start, and its operator must find it.
absl::Status AtPath(const absl::Status& s, const std::string& path) {
  const absl::string_view why = absl::StripPrefix(s.message(), "store: ");
  return absl::Status(s.code(), absl::StrCat("store ", path, ": ", why));
}

}  // namespace

int SqliteStore::SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  absl::Status s = rc == SQLITE_OK ? absl::OkStatus() : SqliteError(db, rc, "open");
  // SQLite opens a file it may not write read-only, and would fail only the first write.
  if (s.ok() && sqlite3_db_readonly(db, "main") == 1) {
    s = absl::FailedPreconditionError(
        "store: the file is read-only; the server must write it and create files beside it");
  }
  if (s.ok()) sqlite3_busy_timeout(db, 5000);
  // WAL keeps readers off the writer's back; FULL sync makes a commit survive a power cut.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (s.ok()) s = Exec(db, pragma);
  }
  absl::StatusOr<bool> fresh = s.ok() ? Migrate(db) : s;
  if (!fresh.ok()) {
    sqlite3_close(db);
    return AtPath(fresh.status(), path);
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(db, *fresh));
}

SqliteStore::~SqliteStore() {
  std::lock_guard<std::mutex> lock(mu_);
  sqlite3_close(db_);
}

absl::StatusOr<v1::Dataset> SqliteStore::Create(const std::string& id, const v1::Dataset& dataset) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  {
    Statement exists(db_, "SELECT 1 FROM datasets WHERE id = ?");
    absl::StatusOr<bool> found = exists.Bind(1, id).Step();
    if (!found.ok()) return found.status();
    if (*found) return DatasetAlreadyExists(id);
  }
  const int64_t now = NowMicros();
  absl::Status s = Statement(db_,
                             "INSERT INTO datasets (id, revision, create_time_us, update_time_us, "
                             "flow_count, meta) VALUES (?, 1, ?, ?, ?, ?)")
                       .Bind(1, id)
                       .Bind(2, now)
                       .Bind(3, now)
                       .Bind(4, static_cast<int64_t>(dataset.flows_size()))
                       .BindBlob(5, StoredMetadata(dataset))
                       .Run();
  if (s.ok()) s = InsertChunks(db_, id, 0, dataset.flows());
  if (s.ok()) s = Exec(db_, kMarkStoreUsed);
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) return s;
  return GetLocked(id, /*with_flows=*/false, NoCaller());
}

absl::StatusOr<v1::Dataset> SqliteStore::Get(const std::string& id, bool with_flows,
                                             const CallLiveness& alive) {
  std::lock_guard<std::mutex> lock(mu_);
  return GetLocked(id, with_flows, alive);
}

absl::StatusOr<v1::Dataset> SqliteStore::GetLocked(const std::string& id, bool with_flows,
                                                   const CallLiveness& alive) {
  Statement q(db_,
              "SELECT id, revision, create_time_us, update_time_us, flow_count, meta "
              "FROM datasets WHERE id = ?");
  absl::StatusOr<bool> found = q.Bind(1, id).Step();
  if (!found.ok()) return found.status();
  if (!*found) return DatasetNotFound(id);
  absl::StatusOr<v1::Dataset> d = DatasetFromRow(RowOf(q));
  if (!d.ok() || !with_flows) return d;
  d->mutable_flows()->Reserve(static_cast<int>(d->flow_count()));
  Statement chunks(db_, "SELECT data FROM flow_chunks WHERE dataset_id = ? ORDER BY seq");
  chunks.Bind(1, id);
  for (;;) {
    absl::StatusOr<bool> row = chunks.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (absl::Status s = AddChunkFlows(chunks.Blob(0), id, &*d, alive); !s.ok()) return s;
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
  std::vector<DatasetRow> rows;
  for (;;) {
    absl::StatusOr<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    rows.push_back(RowOf(q));
  }
  return PageFromRows(std::move(rows), page_size);
}

absl::Status SqliteStore::CheckEtagLocked(const std::string& id, const std::string& etag) {
  Statement q(db_, "SELECT revision FROM datasets WHERE id = ?");
  absl::StatusOr<bool> found = q.Bind(1, id).Step();
  if (!found.ok()) return found.status();
  if (!*found) return DatasetNotFound(id);
  return CheckEtag(id, q.Int(0), etag);
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
  return GetLocked(id, /*with_flows=*/false, NoCaller());
}

}  // namespace culturetrade
