#include "service/storage/postgres/postgres_store.h"

#include <libpq-fe.h>
#include <poll.h>

#include <condition_variable>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "service/storage/dataset_rows.h"

namespace culturetrade {
namespace {

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

// Conditions a caller should retry after a pause: the server is away, overloaded or shutting
// down, or a lock or statement timed out.
bool IsTransient(absl::string_view sqlstate) {
  return absl::StartsWith(sqlstate, "08") || absl::StartsWith(sqlstate, "57P") ||
         sqlstate == "53300" || sqlstate == "55P03" || sqlstate == "57014";
}

absl::StatusCode CodeOf(PGconn* conn, const PGresult* result) {
  if (PQstatus(conn) != CONNECTION_OK) return absl::StatusCode::kUnavailable;
  const char* field = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const absl::string_view state = field ? field : "";
  if (IsTransient(state)) return absl::StatusCode::kUnavailable;
  if (absl::StartsWith(state, "53")) return absl::StatusCode::kResourceExhausted;  // disk, memory
  if (absl::StartsWith(state, "40")) return absl::StatusCode::kAborted;  // serialization, deadlock
  if (state == "23505") return absl::StatusCode::kAlreadyExists;
  // A read-only server (a standby after failover) or a role without rights: the store is
  // misconfigured, not the request wrong.
  if (state == "25006" || state == "42501") return absl::StatusCode::kFailedPrecondition;
  return absl::StatusCode::kInternal;
}

// The error of a failed statement (or of the connection, when `result` is null). Messages
// never carry the URL, which may hold a password.
absl::Status PgError(PGconn* conn, const PGresult* result) {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const absl::string_view message =
      absl::StripTrailingAsciiWhitespace(primary ? primary : PQerrorMessage(conn));
  return absl::Status(CodeOf(conn, result), absl::StrCat("store: PostgreSQL: ", message));
}

// A statement's result, cleared on scope exit. Results are asked for in binary: BYTEA arrives
// as raw bytes (hex text would double it), integers big-endian.
class Result {
 public:
  explicit Result(PGresult* r) : r_(r, &PQclear) {}
  PGresult* get() const { return r_.get(); }
  int rows() const { return PQntuples(r_.get()); }
  absl::string_view Bytes(int row, int col) const {
    return absl::string_view(PQgetvalue(r_.get(), row, col), PQgetlength(r_.get(), row, col));
  }
  // An int4 or int8 column; 0 when NULL.
  int64_t Int(int row, int col) const {
    const absl::string_view b = Bytes(row, col);
    uint64_t v = 0;
    for (char c : b) v = (v << 8) | static_cast<unsigned char>(c);
    return b.size() == 4 ? static_cast<int32_t>(static_cast<uint32_t>(v)) : static_cast<int64_t>(v);
  }
  int64_t affected() const {
    int64_t n = 0;
    return absl::SimpleAtoi(PQcmdTuples(r_.get()), &n) ? n : 0;
  }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

// Parameters, sent apart from the SQL text: strings and numbers as text, BYTEA in binary.
class Params {
 public:
  Params& Text(std::string v) { return Add(std::move(v), 0); }
  Params& Int(int64_t v) { return Add(absl::StrCat(v), 0); }
  Params& Bytes(std::string v) { return Add(std::move(v), 1); }

  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> pointers() const {
    std::vector<const char*> p;
    for (const std::string& v : values_) p.push_back(v.data());
    return p;
  }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  Params& Add(std::string v, int format) {
    lengths_.push_back(static_cast<int>(v.size()));
    formats_.push_back(format);
    values_.push_back(std::move(v));
    return *this;
  }
  std::vector<std::string> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

absl::StatusOr<Result> Exec(PGconn* conn, const char* sql, const Params& params = Params()) {
  const std::vector<const char*> values = params.pointers();
  Result r(PQexecParams(conn, sql, params.size(), /*paramTypes=*/nullptr, values.data(),
                        params.lengths(), params.formats(), /*resultFormat=binary*/ 1));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
  return PgError(conn, r.get());
}

// Several statements without parameters (a migration): the simple query protocol runs them.
absl::Status ExecScript(PGconn* conn, const char* sql) {
  Result r(PQexec(conn, sql));
  return PQresultStatus(r.get()) == PGRES_COMMAND_OK ? absl::OkStatus() : PgError(conn, r.get());
}

// A transaction rolled back unless committed. A broken connection needs no rollback: the
// server aborts the transaction of a connection it lost.
class Transaction {
 public:
  explicit Transaction(PGconn* conn, const char* begin = "BEGIN")
      : conn_(conn), status_(Exec(conn, begin).status()) {}
  ~Transaction() {
    if (status_.ok() && !done_ && PQstatus(conn_) == CONNECTION_OK) {
      Exec(conn_, "ROLLBACK").IgnoreError();
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const absl::Status& status() const { return status_; }
  absl::Status Commit() {
    done_ = true;
    return Exec(conn_, "COMMIT").status();
  }

 private:
  PGconn* conn_;
  absl::Status status_;
  bool done_ = false;
};

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

// A connection of its own to `url`, or UNAVAILABLE.
absl::StatusOr<PGconn*> Connect(const std::string& url) {
  // Defaults the URL may override (later keywords win, and the URL comes last): a bound on
  // connecting, and a name for pg_stat_activity.
  const char* const keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* const values[] = {"10", "culturetrade-server", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn) != CONNECTION_OK) {
    absl::Status s = absl::UnavailableError(
        absl::StrCat("store: cannot connect to PostgreSQL: ",
                     absl::StripTrailingAsciiWhitespace(PQerrorMessage(conn))));
    PQfinish(conn);
    return s;
  }
  // libpq prints notices to stderr, which would break the server's one-JSON-object-a-line
  // log; none of them matters to the store.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return conn;
}

}  // namespace

// --- The pool ---

// Up to `size` connections, opened when first needed and reopened when found dropped. A
// connection is lent to one call at a time (libpq connections are not shared by threads).
class PostgresPool {
 public:
  // A connection lent for one call; back to the pool when the lease ends.
  class Lease {
   public:
    Lease(PostgresPool* pool, PGconn* conn) : pool_(pool), conn_(conn) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), conn_(std::exchange(other.conn_, nullptr)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->Return(conn_);
    }
    PGconn* get() const { return conn_; }

   private:
    friend class PostgresPool;
    PostgresPool* pool_;
    PGconn* conn_;  // nullptr: a free slot without a connection
  };

  PostgresPool(std::string url, int size, absl::Duration checkout_timeout)
      : url_(std::move(url)), size_(size), timeout_(checkout_timeout), idle_(size, nullptr) {}
  ~PostgresPool() {
    for (PGconn* conn : idle_) PQfinish(conn);
  }

  // A live connection for one call: UNAVAILABLE when none frees up within the checkout
  // timeout, or when the server cannot be reached.
  absl::StatusOr<Lease> Checkout() {
    std::unique_lock<std::mutex> lock(mu_);
    if (!freed_.wait_for(lock, absl::ToChronoMilliseconds(timeout_),
                         [this] { return !idle_.empty(); })) {
      return absl::UnavailableError(absl::StrCat("store: all ", size_,
                                                 " PostgreSQL connections stayed busy for ",
                                                 absl::FormatDuration(timeout_)));
    }
    Lease lease(this, idle_.back());
    idle_.pop_back();
    lock.unlock();
    if (absl::Status s = Revive(lease.conn_); !s.ok()) return s;
    return lease;
  }

 private:
  // Whether an idle connection is still up. A server restarting or ending a session tells
  // the connection so and hangs up: reading what is pending, without waiting, notices it
  // before a call is lost on it. (An idle connection has nothing else to read.)
  static bool StillUp(PGconn* conn) {
    pollfd readable{PQsocket(conn), POLLIN, 0};
    for (int reads = 0;
         reads < 8 && PQstatus(conn) == CONNECTION_OK && poll(&readable, 1, /*timeout=*/0) > 0;
         ++reads) {
      if (PQconsumeInput(conn) == 0) return false;  // the end of the stream: hung up
    }
    return PQstatus(conn) == CONNECTION_OK;
  }

  // Keeps `conn` if it is still up, else connects anew.
  absl::Status Revive(PGconn*& conn) const {
    if (conn != nullptr && StillUp(conn)) return absl::OkStatus();
    PQfinish(conn);
    conn = nullptr;
    absl::StatusOr<PGconn*> fresh = Connect(url_);
    if (!fresh.ok()) return fresh.status();
    conn = *fresh;
    return absl::OkStatus();
  }

  // A connection that broke, or that an error left inside a transaction, is closed rather
  // than lent again; its slot reconnects on its next checkout.
  void Return(PGconn* conn) {
    if (conn != nullptr &&
        (PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE)) {
      PQfinish(conn);
      conn = nullptr;
    }
    {
      // Live connections are lent first, from the back, so another is opened only when all
      // the live ones are busy.
      std::lock_guard<std::mutex> lock(mu_);
      idle_.insert(conn == nullptr ? idle_.begin() : idle_.end(), conn);
    }
    freed_.notify_one();
  }

  const std::string url_;
  const int size_;
  const absl::Duration timeout_;
  // std::mutex rather than absl::Mutex: ThreadSanitizer sees pthread locks, and Debian's Abseil
  // is not built for it.
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<PGconn*> idle_;  // guarded by mu_: the free slots, unconnected ones first
};

namespace {

// Runs `work` on a connection lent for its duration.
template <typename Work>
auto Leased(PostgresPool& pool, Work work) -> decltype(work(nullptr)) {
  absl::StatusOr<PostgresPool::Lease> lease = pool.Checkout();
  if (!lease.ok()) return lease.status();
  return work(lease->get());
}

}  // namespace

// The right to seed a fresh store, for one live server at a time: a session advisory lock on a
// connection of its own, which PostgreSQL releases when that server dies, so that the next to
// start claims it. Held until the server stops (one idle connection).
class FreshStoreClaim {
 public:
  // The claim, or null when another live server holds it.
  static absl::StatusOr<std::unique_ptr<FreshStoreClaim>> Take(const std::string& url) {
    absl::StatusOr<PGconn*> conn = Connect(url);
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
