#include "service/storage/postgres/postgres_statement.h"

#include <poll.h>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace culturetrade {
namespace pg {
namespace {

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

}  // namespace

absl::Status PgError(PGconn* conn, const PGresult* result) {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const absl::string_view message =
      absl::StripTrailingAsciiWhitespace(primary ? primary : PQerrorMessage(conn));
  return absl::Status(CodeOf(conn, result), absl::StrCat("store: PostgreSQL: ", message));
}

absl::StatusOr<Result> Exec(PGconn* conn, const char* sql, const Params& params) {
  const std::vector<const char*> values = params.pointers();
  Result r(PQexecParams(conn, sql, params.size(), /*paramTypes=*/nullptr, values.data(),
                        params.lengths(), params.formats(), /*resultFormat=binary*/ 1));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
  return PgError(conn, r.get());
}

absl::StatusOr<Result> ExecPrepared(PGconn* conn, const char* name, const char* sql,
                                    const Params& params) {
  const std::vector<const char*> values = params.pointers();
  const auto run = [&] {
    return Result(PQexecPrepared(conn, name, params.size(), values.data(), params.lengths(),
                                 params.formats(), /*resultFormat=binary*/ 1));
  };
  Result r = run();
  const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
  if (state != nullptr && absl::string_view(state) == "26000") {  // not prepared here yet
    Result prepared(PQprepare(conn, name, sql, params.size(), /*paramTypes=*/nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) return PgError(conn, prepared.get());
    r = run();
  }
  const ExecStatusType status = PQresultStatus(r.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
  return PgError(conn, r.get());
}

absl::Status ExecScript(PGconn* conn, const char* sql) {
  Result r(PQexec(conn, sql));
  return PQresultStatus(r.get()) == PGRES_COMMAND_OK ? absl::OkStatus() : PgError(conn, r.get());
}

bool StillUp(PGconn* conn) {
  pollfd readable{PQsocket(conn), POLLIN, 0};
  for (int reads = 0;
       reads < 8 && PQstatus(conn) == CONNECTION_OK && poll(&readable, 1, /*timeout=*/0) > 0;
       ++reads) {
    if (PQconsumeInput(conn) == 0) return false;  // the end of the stream: hung up
  }
  return PQstatus(conn) == CONNECTION_OK;
}

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

}  // namespace pg
}  // namespace culturetrade
