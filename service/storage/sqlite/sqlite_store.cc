#include "service/storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/storage/dataset_rows.h"
#include "service/storage/sqlite/sqlite_layout.h"
#include "service/storage/sqlite/sqlite_statement.h"

namespace culturetrade {
namespace {

using sqlite::Exec;
using sqlite::SqliteError;
using sqlite::Statement;
using sqlite::Transaction;

// A dataset's blocks in the order written: by the revision their upload's commit made, then
// by their place in it. Only the columns a read needs: a block's data is fetched apart, and
// only when its zone matches.
constexpr char kListBlockKeys[] =
    "SELECT b.upload_id, b.seq FROM uploads u JOIN flow_blocks b ON b.upload_id = u.upload_id "
    "WHERE u.dataset_id = ? ORDER BY u.revision, b.seq";
constexpr char kListBlockZones[] =
    "SELECT b.upload_id, b.seq, b.min_year, b.max_year, b.reporters, b.partners, b.products "
    "FROM uploads u JOIN flow_blocks b ON b.upload_id = u.upload_id "
    "WHERE u.dataset_id = ? ORDER BY u.revision, b.seq";

// Errors at open name the file: they end the server's start, and its operator must find it.
absl::Status AtPath(const absl::Status& s, const std::string& path) {
  const absl::string_view why = absl::StripPrefix(s.message(), "store: ");
  return absl::Status(s.code(), absl::StrCat("store ", path, ": ", why));
}

// How long a statement waits for another connection's lock before it fails.
constexpr int kBusyMillis = 5000;

// Switching a new file to WAL needs it alone, and SQLite answers BUSY at once, without its busy
// handler, while another server opens the same file: two replicas starting together, or a
// restart beside one killed mid-start. So the switch waits as long as any statement would.
absl::Status EnterWal(sqlite3* db) {
  const absl::Time give_up = absl::Now() + absl::Milliseconds(kBusyMillis);
  absl::Status s = Exec(db, "PRAGMA journal_mode=WAL");
  while (absl::IsUnavailable(s) && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(10));
    s = Exec(db, "PRAGMA journal_mode=WAL");
  }
  return s;
}

}  // namespace

int SqliteStore::SchemaVersion() { return sqlite::SchemaVersion(); }

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
  if (s.ok()) sqlite3_busy_timeout(db, kBusyMillis);
  // WAL keeps readers off the writer's back; FULL sync makes a commit survive a power cut.
  if (s.ok()) s = EnterWal(db);
  for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (s.ok()) s = Exec(db, pragma);
  }
  absl::StatusOr<bool> fresh = s.ok() ? sqlite::Migrate(db) : s;
  if (!fresh.ok()) {
    sqlite3_close(db);
    return AtPath(fresh.status(), path);
  }
  // Leftovers are invisible: should deleting them fail (a full disk), the server still starts,
  // and a later start deletes them.
  sqlite::DeleteAbandonedUploads(db).IgnoreError();
  return std::unique_ptr<SqliteStore>(new SqliteStore(db, *fresh));
}

SqliteStore::SqliteStore(sqlite3* db, bool created_now)
    : db_(db),
      statements_(std::make_unique<sqlite::StatementCache>(db)),
      created_now_(created_now) {}

SqliteStore::~SqliteStore() {
  std::lock_guard<std::mutex> lock(mu_);
  statements_.reset();
  sqlite3_close(db_);
}

absl::Status SqliteStore::SyncCommitsLocked(bool full) {
  if (synced_ == full) return absl::OkStatus();
  absl::Status s = Exec(db_, full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  if (s.ok()) synced_ = full;
  return s;
}

absl::StatusOr<DatasetRecord> SqliteStore::Get(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  return GetLocked(id);
}

absl::StatusOr<int64_t> SqliteStore::Revision(const std::string& id) {
  // Bounds the memory of a store of very many datasets: past it, the known ones start over.
  constexpr size_t kMostKnown = 100'000;
  std::lock_guard<std::mutex> lock(mu_);
  Statement version(*statements_, "PRAGMA data_version");
  absl::StatusOr<bool> row = version.Step();
  if (!row.ok()) return row.status();
  const int64_t data_version = version.Int(0), changes = sqlite3_total_changes64(db_);
  if (data_version != known_.data_version || changes != known_.changes ||
      known_.by_id.size() >= kMostKnown) {
    known_ = KnownRevisions{data_version, changes, {}};
  }
  if (auto it = known_.by_id.find(id); it != known_.by_id.end()) return it->second;
  Statement q(*statements_, sqlite::kSelectRevision);
  absl::StatusOr<bool> found = q.Bind(1, id).Step();
  if (!found.ok()) return found.status();
  if (!*found) return DatasetNotFound(id);
  known_.by_id.emplace(id, q.Int(0));
  return q.Int(0);
}

absl::StatusOr<DatasetRecord> SqliteStore::GetLocked(const std::string& id) {
  Statement q(*statements_, sqlite::kSelectRecord);
  absl::StatusOr<bool> found = q.Bind(1, id).Step();
  if (!found.ok()) return found.status();
  if (!*found) return DatasetNotFound(id);
  return sqlite::RecordAt(q);
}

absl::StatusOr<DatasetRecord> SqliteStore::ReadBlocks(
    const std::string& id, const BlockFilter& filter,
    absl::FunctionRef<absl::Status(FlowBlock)> visit, const CallLiveness& alive) {
  absl::StatusOr<BlockListing> listing;
  {
    std::lock_guard<std::mutex> lock(mu_);
    listing = ListBlocksLocked(id, filter);
  }
  if (!listing.ok()) return listing.status();
  absl::Status s = VisitStoredBlocks(
      listing->blocks,
      [&](absl::Span<const BlockKey> keys, std::vector<std::string>& data) {
        return FetchBlocks(id, keys, data);
      },
      visit, alive);
  if (!s.ok()) return s;
  return std::move(listing->record);
}

absl::StatusOr<BlockListing> SqliteStore::ListBlocksLocked(const std::string& id,
                                                           const BlockFilter& filter) {
  // One read transaction: the record and its blocks of one revision.
  Transaction tx(db_, "BEGIN");
  if (!tx.status().ok()) return tx.status();
  BlockListing listing;
  absl::StatusOr<DatasetRecord> record = GetLocked(id);
  if (!record.ok()) return record.status();
  listing.record = *std::move(record);
  const bool everything = WantsEverything(filter);
  Statement q(*statements_, everything ? kListBlockKeys : kListBlockZones);
  q.Bind(1, id);
  for (;;) {
    absl::StatusOr<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ++listing.total;
    if (!everything) {
      const StoredZone zone{q.Blob(4), q.Blob(5), q.Blob(6), static_cast<int>(q.Int(2)),
                            static_cast<int>(q.Int(3))};
      absl::StatusOr<bool> may = StoredZoneMayMatch(zone, filter);
      if (!may.ok()) return may.status();
      if (!*may) continue;
    }
    listing.blocks.push_back(BlockKey{q.Int(0), q.Int(1)});
  }
  if (absl::Status s = tx.Commit(); !s.ok()) return s;
  return listing;
}

absl::StatusOr<BlockCount> SqliteStore::CountBlocks(const std::string& id,
                                                    const BlockFilter& filter) {
  std::lock_guard<std::mutex> lock(mu_);
  absl::StatusOr<BlockListing> listing = ListBlocksLocked(id, filter);
  if (!listing.ok()) return listing.status();
  return BlockCount{static_cast<int64_t>(listing->blocks.size()), listing->total};
}

absl::Status SqliteStore::FetchBlocks(const std::string& id, absl::Span<const BlockKey> keys,
                                      std::vector<std::string>& data) {
  std::lock_guard<std::mutex> lock(mu_);
  Statement q(*statements_, "SELECT data FROM flow_blocks WHERE upload_id = ? AND seq = ?");
  for (const BlockKey& key : keys) {
    q.Reset();
    absl::StatusOr<bool> found = q.Bind(1, key.upload).Bind(2, key.seq).Step();
    if (!found.ok()) return found.status();
    // Blocks go only with their dataset: it was deleted since the read listed them.
    if (!*found) return DatasetNotFound(id);
    data.emplace_back(q.Blob(0));
  }
  return absl::OkStatus();
}

absl::StatusOr<DatasetPage> SqliteStore::List(int page_size, const std::string& after_id) {
  std::lock_guard<std::mutex> lock(mu_);
  // One row more than asked tells whether another page follows.
  Statement q(*statements_,
              "SELECT id, revision, create_time_us, update_time_us, flow_count, meta, request_id "
              "FROM datasets WHERE id > ? ORDER BY id LIMIT ?");
  q.Bind(1, after_id).Bind(2, static_cast<int64_t>(page_size) + 1);
  std::vector<DatasetRecord> records;
  for (;;) {
    absl::StatusOr<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    records.push_back(sqlite::RecordAt(q));
  }
  return PageOf(std::move(records), page_size);
}

absl::Status SqliteStore::Delete(const std::string& id, const std::string& etag) {
  std::lock_guard<std::mutex> lock(mu_);
  if (absl::Status s = SyncCommitsLocked(true); !s.ok()) return s;
  Transaction tx(db_);
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<DatasetRecord> current = GetLocked(id);
  if (!current.ok()) return current.status();
  if (absl::Status s = CheckEtag(id, current->revision, etag); !s.ok()) return s;
  // Its uploads and their blocks go with it (ON DELETE CASCADE).
  absl::Status s = Statement(*statements_, "DELETE FROM datasets WHERE id = ?").Bind(1, id).Run();
  if (s.ok()) s = tx.Commit();
  return s;
}

}  // namespace culturetrade
