// The private PostgreSQL server the test fixture starts (tests/postgres_test_server.sh), and
// fresh databases on it, for tests of the PostgreSQL store and of replicas sharing one.
#ifndef CULTURETRADE_TESTS_POSTGRES_URL_H_
#define CULTURETRADE_TESTS_POSTGRES_URL_H_

#include <string>

#include "absl/status/statusor.h"

namespace culturetrade::testing {

// The server's URL: CULTURETRADE_TEST_POSTGRES_URL, or the file DIR/url for
// CULTURETRADE_TEST_POSTGRES_DIR; "" when neither names one.
std::string PostgresServerUrl();

// `url` naming database `db` instead of its own.
std::string WithDatabase(const std::string& url, const std::string& db);

// Runs `sql` on the database at `url`; the first value of its result, "" for none, or
// "error: ..." when it fails.
std::string PgRun(const std::string& url, const std::string& sql);

// A new, empty database `name` on the server (dropped first if a previous run left it).
absl::StatusOr<std::string> FreshPostgresDatabase(const std::string& name);

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_POSTGRES_URL_H_
