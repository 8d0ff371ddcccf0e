// The statements the SQLite store runs: prepared statements (reused across calls through a
// cache), transactions, and the errors SQLite's codes map to, so the store's own code reads as
// SQL and status.
#ifndef CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STATEMENT_H_
#define CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace culturetrade::sqlite {

// What a failed SQLite call means to a caller. A file error carries the system's reason, since
// SQLite's "disk I/O error" alone does not tell a full disk from a read-only one.
absl::Status SqliteError(sqlite3* db, int rc, absl::string_view what);

// Prepared statements of one connection kept for reuse, so a statement run for every block
// is parsed once. Used under the lock of the connection.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

 private:
  friend class Statement;
  // An idle statement of `sql`, or a new one; SQLite's result code in `rc`.
  sqlite3_stmt* Take(const char* sql, int& rc);
  // Back for the next caller, reset; a second statement of the same SQL is finalized.
  void Give(const char* sql, sqlite3_stmt* stmt);

  sqlite3* const db_;
  absl::flat_hash_map<std::string, sqlite3_stmt*> idle_;
};

// A statement for one use: prepared for it, or taken from a cache and given back.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  Statement(StatementCache& cache, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  absl::Status status() const {
    return rc_ == SQLITE_OK ? absl::OkStatus() : SqliteError(db_, rc_, "prepare");
  }
  Statement& Bind(int i, absl::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // Bound without a copy: `bytes` must outlive the step.
  Statement& BindBlob(int i, absl::string_view bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    return *this;
  }
  // Ready to run again, its bindings kept until bound anew.
  void Reset() { sqlite3_reset(stmt_); }
  // True while a row is available; false when done.
  absl::StatusOr<bool> Step();
  absl::Status Run();
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  // The column's bytes, valid until the next step.
  absl::string_view Blob(int col) const;
  std::string Text(int col) const { return std::string(Blob(col)); }

 private:
  sqlite3* db_;
  StatementCache* cache_ = nullptr;  // null: finalized on destruction
  const char* sql_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

absl::Status Exec(sqlite3* db, const char* sql);

// An IMMEDIATE transaction (the write lock taken at BEGIN, so it never fails halfway on
// another writer), rolled back unless committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db, const char* begin = "BEGIN IMMEDIATE")
      : db_(db), status_(Exec(db, begin)) {}
  ~Transaction() {
    if (status_.ok() && !done_) Exec(db_, "ROLLBACK").IgnoreError();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
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

}  // namespace culturetrade::sqlite

#endif  // CULTURETRADE_SERVICE_STORAGE_SQLITE_SQLITE_STATEMENT_H_
