// What the tests of the stores share (store_conformance_test.cc, postgres_store_test.cc): data to
// store, and the backends a fresh store lives on, SQLite files and databases of the private
// PostgreSQL server (tests/postgres_test_server.sh, which CTest starts as a fixture).
#ifndef CULTURETRADE_TESTS_STORE_FIXTURE_H_
#define CULTURETRADE_TESTS_STORE_FIXTURE_H_

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "culturetrade/v1/dataset.pb.h"
#include "tests/postgres_url.h"

namespace culturetrade::testing {

// --- Data ---

// `n` distinct flows, varied like real ones; `tag` tells batches apart.
v1::Dataset WithFlows(int n, int tag = 0);

// --- Backends: where a fresh store lives, and a way behind its back ---

// The directory of the private server (tests/postgres_test_server.sh), or "".
std::string ServerDir();

// The running test's name, with its store for parameterized ones, as a file or database name:
// "ADeleteIsFinal_postgres".
std::string TestName();

class Backend {
 public:
  virtual ~Backend() = default;
  // A URL for OpenStore naming a new, empty store; "" (after a failure) when there is none.
  virtual std::string FreshUrl(const std::string& name) = 0;
  // Runs `sql` on the store at `url` directly; "" or the error.
  virtual std::string Exec(const std::string& url, const std::string& sql) = 0;
};

class SqliteBackend : public Backend {
 public:
  std::string FreshUrl(const std::string& name) override {
    const std::string path = absl::StrCat(::testing::TempDir(), "/conformance-", name, ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    return "sqlite://" + path;
  }
  std::string Exec(const std::string& url, const std::string& sql) override {
    sqlite3* db = nullptr;
    sqlite3_open(std::string(absl::StripPrefix(url, "sqlite://")).c_str(), &db);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    std::string out = rc == SQLITE_OK ? "" : absl::StrCat("error: ", sqlite3_errmsg(db));
    sqlite3_close(db);
    return out;
  }
};

// A database per test in the private server, made afresh.
class PostgresBackend : public Backend {
 public:
  std::string FreshUrl(const std::string& name) override {
    const std::string server = PostgresServerUrl();
    if (server.empty()) {
      ADD_FAILURE() << "no PostgreSQL server: run through ctest (tests/postgres_test_server.sh "
                       "is its fixture), or set CULTURETRADE_TEST_POSTGRES_URL";
      return "";
    }
    std::string db = "ct_" + absl::AsciiStrToLower(name);
    db.resize(std::min<size_t>(db.size(), 63));
    for (const std::string& sql : {absl::StrCat("DROP DATABASE IF EXISTS ", db, " WITH (FORCE)"),
                                   absl::StrCat("CREATE DATABASE ", db)}) {
      const std::string error = PgRun(server, sql);
      if (!error.empty()) {
        ADD_FAILURE() << sql << ": " << error;
        return "";
      }
    }
    return WithDatabase(server, db);
  }
  std::string Exec(const std::string& url, const std::string& sql) override {
    return PgRun(url, sql);
  }
};

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_STORE_FIXTURE_H_
