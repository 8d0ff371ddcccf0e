#include "tests/postgres_url.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace culturetrade::testing {
namespace {

std::string Getenv(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::string PostgresServerUrl() {
  if (std::string url = Getenv("CULTURETRADE_TEST_POSTGRES_URL"); !url.empty()) return url;
  std::ifstream file(Getenv("CULTURETRADE_TEST_POSTGRES_DIR") + "/url");
  std::string url;
  std::getline(file, url);
  return url;
}

std::string WithDatabase(const std::string& url, const std::string& db) {
  const size_t start = url.find("://") + 3;
  const size_t query = std::min(url.find('?', start), url.size());
  size_t path = url.find('/', start);
  if (path == std::string::npos || path > query) path = query;
  return absl::StrCat(url.substr(0, path), "/", db, url.substr(query));
}

std::string PgRun(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(conn, sql.c_str());
  std::string out;
  if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
    out = PQgetvalue(r, 0, 0);
  } else if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
    out = absl::StrCat("error: ", PQerrorMessage(conn));
  }
  PQclear(r);
  PQfinish(conn);
  return out;
}

absl::StatusOr<std::string> FreshPostgresDatabase(const std::string& name) {
  const std::string server = PostgresServerUrl();
  if (server.empty()) {
    return absl::FailedPreconditionError(
        "no test PostgreSQL: set CULTURETRADE_TEST_POSTGRES_URL or CULTURETRADE_TEST_POSTGRES_DIR");
  }
  for (const std::string& sql : {absl::StrCat("DROP DATABASE IF EXISTS ", name, " WITH (FORCE)"),
                                 absl::StrCat("CREATE DATABASE ", name)}) {
    const std::string result = PgRun(server, sql);
    if (absl::StartsWith(result, "error:")) return absl::InternalError(result);
  }
  return WithDatabase(server, name);
}

}  // namespace culturetrade::testing
