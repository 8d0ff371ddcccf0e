// The statements the PostgreSQL store runs, on libpq: results, parameters, transactions and
// the errors they map to, so the store's own code reads as SQL and status, not as libpq calls.
#ifndef CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STATEMENT_H_
#define CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STATEMENT_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace culturetrade {
namespace pg {

// The error of a failed statement (or of the connection, when `result` is null). Messages
// never carry the URL, which may hold a password.
absl::Status PgError(PGconn* conn, const PGresult* result);

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
  Params& Bytes(absl::string_view v) { return Add(std::string(v), 1); }

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

// Runs one statement with its parameters; results come in binary.
absl::StatusOr<Result> Exec(PGconn* conn, const char* sql, const Params& params = Params());
// The same for a statement run on every call: prepared as `name` the first time a connection
// runs it (a connection new or reopened has none), so that later runs skip parsing and planning.
absl::StatusOr<Result> ExecPrepared(PGconn* conn, const char* name, const char* sql,
                                    const Params& params);
// Several statements without parameters (a migration): the simple query protocol runs them.
absl::Status ExecScript(PGconn* conn, const char* sql);

// A transaction rolled back unless committed. A broken connection needs no rollback: the
// server aborts the transaction of a connection it lost. `begin` may be several statements
// (BEGIN and SET LOCAL), sent in one round trip.
class Transaction {
 public:
  explicit Transaction(PGconn* conn, const char* begin = "BEGIN")
      : conn_(conn), status_(ExecScript(conn, begin)) {}
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

// Whether an idle connection is still up. A server restarting or ending a session tells the
// connection so and hangs up: reading what is pending, without waiting, notices it before a
// call is lost on it. (An idle connection has nothing else to read.)
bool StillUp(PGconn* conn);

// A connection of its own to `url`, or UNAVAILABLE.
absl::StatusOr<PGconn*> Connect(const std::string& url);

}  // namespace pg
}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_POSTGRES_POSTGRES_STATEMENT_H_
