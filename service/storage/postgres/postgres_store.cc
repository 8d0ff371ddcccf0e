#include "service/storage/postgres/postgres_store.h"

#include <libpq-fe.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "service/storage/dataset_rows.h"
#include "service/storage/postgres/postgres_layout.h"
#include "service/storage/postgres/postgres_pool.h"
#include "service/storage/postgres/postgres_statement.h"
#include "service/storage/postgres/postgres_upload_owner.h"

namespace culturetrade {
namespace {

using pg::Exec;
using pg::Params;
using pg::Result;
using pg::Transaction;

// A dataset's blocks in the order written: by the revision their upload's commit made, then
// by their place in it. Only the columns a read needs: TOAST leaves a block's data unread
// unless it is selected, which happens apart, and only when its zone matches.
constexpr char kListBlockKeys[] =
    "SELECT b.upload_id, b.seq FROM uploads u JOIN flow_blocks b ON b.upload_id = u.upload_id "
    "WHERE u.dataset_id = $1 ORDER BY u.revision, b.seq";
constexpr char kListBlockZones[] =
    "SELECT b.upload_id, b.seq, b.min_year, b.max_year, b.reporters, b.partners, b.products "
    "FROM uploads u JOIN flow_blocks b ON b.upload_id = u.upload_id "
    "WHERE u.dataset_id = $1 ORDER BY u.revision, b.seq";

// One snapshot for the record and its blocks: a commit meanwhile is not half seen.
absl::StatusOr<BlockListing> ListBlocksOn(PGconn* conn, const std::string& id,
                                          const BlockFilter& filter) {
  Transaction tx(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (!tx.status().ok()) return tx.status();
  absl::StatusOr<DatasetRecord> record = pg::SelectRecord(conn, id);
  if (!record.ok()) return record.status();
  const bool everything = WantsEverything(filter);
  absl::StatusOr<Result> r =
      Exec(conn, everything ? kListBlockKeys : kListBlockZones, Params().Text(id));
  if (!r.ok()) return r.status();
  BlockListing listing;
  listing.record = *std::move(record);
  listing.total = r->rows();
  for (int i = 0; i < r->rows(); ++i) {
    if (!everything) {
      const StoredZone zone{r->Bytes(i, 4), r->Bytes(i, 5), r->Bytes(i, 6),
                            static_cast<int>(r->Int(i, 2)), static_cast<int>(r->Int(i, 3))};
      absl::StatusOr<bool> may = StoredZoneMayMatch(zone, filter);
      if (!may.ok()) return may.status();
      if (!*may) continue;
    }
    listing.blocks.push_back(BlockKey{r->Int(i, 0), r->Int(i, 1)});
  }
  if (absl::Status s = tx.Commit(); !s.ok()) return s;
  return listing;
}

absl::StatusOr<DatasetPage> ListOn(PGconn* conn, int page_size, const std::string& after_id) {
  // One row more than asked tells whether another page follows.
  absl::StatusOr<Result> r = Exec(conn,
                                  "SELECT id, revision, create_time_us, update_time_us, "
                                  "flow_count, meta, request_id FROM datasets WHERE id > $1 "
                                  "ORDER BY id LIMIT $2",
                                  Params().Text(after_id).Int(int64_t{page_size} + 1));
  if (!r.ok()) return r.status();
  std::vector<DatasetRecord> records;
  records.reserve(r->rows());
  for (int i = 0; i < r->rows(); ++i) records.push_back(pg::RecordAt(*r, i));
  return PageOf(std::move(records), page_size);
}

absl::Status DeleteOn(PGconn* conn, const std::string& id, const std::string& etag) {
  Transaction tx(conn);
  if (!tx.status().ok()) return tx.status();
  if (absl::Status s = pg::LockForWrite(conn, id, etag); !s.ok()) return s;
  // Its uploads and their blocks go with it (ON DELETE CASCADE).
  absl::Status s = Exec(conn, "DELETE FROM datasets WHERE id = $1", Params().Text(id)).status();
  if (s.ok()) s = tx.Commit();
  return s;
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

int PostgresStore::SchemaVersion() { return pg::SchemaVersion(); }

absl::StatusOr<std::unique_ptr<PostgresStore>> PostgresStore::Open(
    const std::string& url, int pool_size, absl::Duration checkout_timeout) {
  if (pool_size < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("store: the PostgreSQL pool needs a connection at least, not ", pool_size));
  }
  auto pool = std::make_unique<PostgresPool>(url, pool_size, checkout_timeout);
  absl::StatusOr<bool> fresh = Leased(*pool, [](PGconn* conn) { return pg::Migrate(conn); });
  if (!fresh.ok()) return fresh.status();
  absl::StatusOr<std::unique_ptr<UploadOwner>> owner = UploadOwner::Take(url);
  if (!owner.ok()) return owner.status();
  // Leftovers are invisible: should deleting them fail, the server still starts, and a later
  // start deletes them.
  Leased(*pool, [](PGconn* conn) { return UploadOwner::DeleteLeftovers(conn); }).IgnoreError();
  std::unique_ptr<FreshStoreClaim> claim;
  if (*fresh) {
    absl::StatusOr<std::unique_ptr<FreshStoreClaim>> taken = FreshStoreClaim::Take(url);
    if (!taken.ok()) return taken.status();
    claim = *std::move(taken);
  }
  return std::unique_ptr<PostgresStore>(
      new PostgresStore(std::move(pool), std::move(claim), *std::move(owner)));
}

PostgresStore::PostgresStore(std::unique_ptr<PostgresPool> pool,
                             std::unique_ptr<FreshStoreClaim> claim,
                             std::unique_ptr<UploadOwner> owner)
    : pool_(std::move(pool)), claim_(std::move(claim)), owner_(std::move(owner)) {}

PostgresStore::~PostgresStore() = default;

absl::StatusOr<DatasetRecord> PostgresStore::Get(const std::string& id) {
  return Leased(*pool_, [&](PGconn* conn) { return pg::SelectRecord(conn, id); });
}

absl::StatusOr<int64_t> PostgresStore::Revision(const std::string& id) {
  return Leased(*pool_, [&](PGconn* conn) { return pg::SelectRevision(conn, id); });
}

absl::StatusOr<DatasetRecord> PostgresStore::ReadBlocks(
    const std::string& id, const BlockFilter& filter,
    absl::FunctionRef<absl::Status(FlowBlock)> visit, const CallLiveness& alive) {
  absl::StatusOr<BlockListing> listing =
      Leased(*pool_, [&](PGconn* conn) { return ListBlocksOn(conn, id, filter); });
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

absl::StatusOr<BlockCount> PostgresStore::CountBlocks(const std::string& id,
                                                      const BlockFilter& filter) {
  absl::StatusOr<BlockListing> listing =
      Leased(*pool_, [&](PGconn* conn) { return ListBlocksOn(conn, id, filter); });
  if (!listing.ok()) return listing.status();
  return BlockCount{static_cast<int64_t>(listing->blocks.size()), listing->total};
}

absl::Status PostgresStore::FetchBlocks(const std::string& id, absl::Span<const BlockKey> keys,
                                        std::vector<std::string>& data) {
  std::vector<int64_t> seqs;
  seqs.reserve(keys.size());
  for (const BlockKey& key : keys) seqs.push_back(key.seq);
  absl::StatusOr<Result> r = Leased(*pool_, [&](PGconn* conn) {
    return Exec(
        conn,
        "SELECT data FROM flow_blocks WHERE upload_id = $1 AND seq = ANY($2::BIGINT[]) "
        "ORDER BY seq",
        Params().Int(keys.front().upload).Text(absl::StrCat("{", absl::StrJoin(seqs, ","), "}")));
  });
  if (!r.ok()) return r.status();
  // Blocks go only with their dataset: it was deleted since the read listed them.
  if (r->rows() != static_cast<int>(keys.size())) return DatasetNotFound(id);
  for (int i = 0; i < r->rows(); ++i) data.emplace_back(r->Bytes(i, 0));
  return absl::OkStatus();
}

absl::StatusOr<DatasetPage> PostgresStore::List(int page_size, const std::string& after_id) {
  return Leased(*pool_, [&](PGconn* conn) { return ListOn(conn, page_size, after_id); });
}

absl::Status PostgresStore::Delete(const std::string& id, const std::string& etag) {
  return Leased(*pool_, [&](PGconn* conn) { return DeleteOn(conn, id, etag); });
}

}  // namespace culturetrade
