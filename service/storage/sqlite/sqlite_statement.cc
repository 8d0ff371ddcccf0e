#include "service/storage/sqlite/sqlite_statement.h"

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace culturetrade::sqlite {

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
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return absl::DataLossError(absl::StrCat("store: ", detail));
    default: return absl::InternalError(absl::StrCat("store: ", detail));
  }
}

StatementCache::~StatementCache() {
  for (const auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
}

sqlite3_stmt* StatementCache::Take(const char* sql, int& rc) {
  if (auto it = idle_.find(sql); it != idle_.end()) {
    sqlite3_stmt* stmt = it->second;
    idle_.erase(it);
    rc = SQLITE_OK;
    return stmt;
  }
  sqlite3_stmt* stmt = nullptr;
  rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  return stmt;
}

void StatementCache::Give(const char* sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (!idle_.try_emplace(sql, stmt).second) sqlite3_finalize(stmt);
}

Statement::Statement(sqlite3* db, const char* sql) : db_(db), sql_(sql) {
  rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
}

Statement::Statement(StatementCache& cache, const char* sql)
    : db_(cache.db_), cache_(&cache), sql_(sql), stmt_(cache.Take(sql, rc_)) {}

Statement::~Statement() {
  if (cache_ != nullptr && rc_ == SQLITE_OK) {
    cache_->Give(sql_, stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

absl::StatusOr<bool> Statement::Step() {
  if (rc_ != SQLITE_OK) return status();
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, "step");
}

absl::Status Statement::Run() {
  absl::StatusOr<bool> r = Step();
  return r.ok() ? absl::OkStatus() : r.status();
}

absl::string_view Statement::Blob(int col) const {
  const void* data = sqlite3_column_blob(stmt_, col);
  if (data == nullptr) return absl::string_view();
  return absl::string_view(static_cast<const char*>(data),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

absl::Status Exec(sqlite3* db, const char* sql) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? absl::OkStatus() : SqliteError(db, rc, sql);
}

}  // namespace culturetrade::sqlite
