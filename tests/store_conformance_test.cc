// Every DatasetStore keeps the promises of service/storage/dataset_store.h. This suite holds each
// implementation to them through OpenStore: the embedded SQLite file, and PostgreSQL on a
// private server (tests/postgres_test_server.sh, which CTest starts as a fixture; its URL comes
// from CULTURETRADE_TEST_POSTGRES_URL, or the file DIR/url for CULTURETRADE_TEST_POSTGRES_DIR).
// Without that server the PostgreSQL cases fail: a store nobody tested is not a store we ship.
//
// Then PostgreSQL's own concerns: replicas migrating together, a full pool, the server going
// away and coming back under a store.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/storage/dataset_rows.h"
#include "service/storage/postgres/postgres_store.h"
#include "service/server/seed.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "service/server/store_url.h"
#include "tests/postgres_url.h"

namespace culturetrade {
namespace {

// --- Data ---

// `n` distinct flows, varied like real ones; `tag` tells batches apart.
v1::Dataset WithFlows(int n, int tag = 0) {
  v1::Dataset d;
  d.set_display_name("conformance");
  for (int i = 0; i < n; ++i) {
    v1::TradeFlow* f = d.add_flows();
    f->set_reporter(i % 2 ? "CHN" : "KOR");
    f->set_partner(i % 2 ? "KOR" : "CHN");
    f->mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
    f->mutable_product()->set_code("TV_DRAMAS");
    f->set_direction(i % 3 ? v1::FLOW_DIRECTION_EXPORT : v1::FLOW_DIRECTION_IMPORT);
    f->mutable_period()->set_year(1900 + i % 200);
    f->mutable_period()->set_month(1 + i % 12);
    f->mutable_value()->set_currency_code("USD");
    f->mutable_value()->set_units(int64_t{tag} * 1'000'000'000 + i);
    f->mutable_value()->set_nanos(i % 1000 * 1000);
  }
  return d;
}

// Index of the first flow that differs, or -1.
int FirstDifference(const v1::Dataset& got, const v1::Dataset& want) {
  for (int i = 0; i < std::max(got.flows_size(), want.flows_size()); ++i) {
    if (i >= got.flows_size() || i >= want.flows_size() ||
        got.flows(i).SerializeAsString() != want.flows(i).SerializeAsString()) {
      return i;
    }
  }
  return -1;
}

// --- Backends: where a fresh store lives, and a way behind its back ---

// The directory of the private server (tests/postgres_test_server.sh), or "".
std::string ServerDir() {
  const char* dir = std::getenv("CULTURETRADE_TEST_POSTGRES_DIR");
  return dir != nullptr ? dir : "";
}

using ::culturetrade::testing::PgRun;
using ::culturetrade::testing::PostgresServerUrl;
using ::culturetrade::testing::WithDatabase;

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

struct BackendParam {
  const char* name;
  std::unique_ptr<Backend> (*make)();
};
void PrintTo(const BackendParam& p, std::ostream* os) { *os << p.name; }

// The running test's name, with its store for parameterized ones, as a file or database name:
// "ADeleteIsFinal_postgres".
std::string TestName() {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  for (char& c : name) c = absl::ascii_isalnum(c) ? c : '_';
  return name;
}

// --- The promises, for every store ---

class StoreConformanceTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    url_ = backend_->FreshUrl(TestName());
    ASSERT_FALSE(url_.empty());
    absl::StatusOr<std::unique_ptr<DatasetStore>> opened = Open();
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = *std::move(opened);
  }
  absl::StatusOr<std::unique_ptr<DatasetStore>> Open() { return OpenStore(url_, 4); }

  std::unique_ptr<Backend> backend_;
  std::string url_;
  std::unique_ptr<DatasetStore> store_;
};

TEST_P(StoreConformanceTest, CreateAndGetRoundTripEveryFlowAndField) {
  // More flows than two chunks hold, and not a multiple of a chunk.
  v1::Dataset d = WithFlows(2 * kFlowsPerChunk + 123);
  d.set_description("all fields");
  d.add_sources()->set_title("a source");
  d.set_etag("client-made");  // output-only fields are the store's to set
  d.set_flow_count(7);
  absl::StatusOr<v1::Dataset> created = store_->Create("big", d);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "datasets/big");
  EXPECT_EQ(created->etag(), "1");
  EXPECT_EQ(created->flow_count(), d.flows_size());
  EXPECT_EQ(created->flows_size(), 0);
  EXPECT_EQ(created->create_time().seconds(), created->update_time().seconds());
  EXPECT_GT(created->create_time().seconds(), 1'700'000'000);

  absl::StatusOr<v1::Dataset> basic = store_->Get("big", false, NoCaller());
  ASSERT_TRUE(basic.ok()) << basic.status();
  EXPECT_EQ(basic->SerializeAsString(), created->SerializeAsString());
  absl::StatusOr<v1::Dataset> full = store_->Get("big", true, NoCaller());
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_EQ(full->flows_size(), d.flows_size());
  EXPECT_EQ(FirstDifference(*full, d), -1);
  EXPECT_EQ(full->description(), "all fields");
  ASSERT_EQ(full->sources_size(), 1);
  EXPECT_EQ(full->sources(0).title(), "a source");
}

TEST_P(StoreConformanceTest, ATakenIdIsAlreadyExistsAndKeepsTheFirst) {
  ASSERT_TRUE(store_->Create("a", WithFlows(2)).ok());
  EXPECT_EQ(store_->Create("a", WithFlows(5)).status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->Get("a", true, NoCaller())->flows_size(), 2);
}

TEST_P(StoreConformanceTest, AMissingDatasetIsNotFound) {
  EXPECT_EQ(store_->Get("none", false, NoCaller()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Get("none", true, NoCaller()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Delete("none", "").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->AppendFlows("none", "", WithFlows(1).flows()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, ListPagesInBytewiseIdOrder) {
  // Byte order, not a locale's: '-' < '0' < '_' < 'a'.
  for (const char* id : {"b", "a_1", "a", "a-1", "a0", "c"}) {
    ASSERT_TRUE(store_->Create(id, WithFlows(1)).ok());
  }
  std::vector<std::string> seen;
  std::string after;
  int pages = 0;
  do {
    absl::StatusOr<DatasetPage> page = store_->List(4, after);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const v1::Dataset& d : page->datasets) {
      EXPECT_EQ(d.flows_size(), 0);
      EXPECT_EQ(d.flow_count(), 1);
      seen.push_back(d.name());
    }
    after = page->last_id;
    ++pages;
  } while (!after.empty());
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen, (std::vector<std::string>{"datasets/a", "datasets/a-1", "datasets/a0",
                                            "datasets/a_1", "datasets/b", "datasets/c"}));
  // A page that ends exactly at the last dataset says nothing follows.
  absl::StatusOr<DatasetPage> rest = store_->List(2, "a_1");
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->datasets.size(), 2u);
  EXPECT_EQ(rest->last_id, "");
}

TEST_P(StoreConformanceTest, AStaleEtagAbortsAppendAndDeleteAndChangesNothing) {
  absl::StatusOr<v1::Dataset> created = store_->Create("x", WithFlows(2));
  ASSERT_TRUE(created.ok());
  absl::StatusOr<v1::Dataset> appended =
      store_->AppendFlows("x", created->etag(), WithFlows(3, 1).flows());
  ASSERT_TRUE(appended.ok()) << appended.status();
  EXPECT_EQ(appended->etag(), "2");
  EXPECT_EQ(appended->flow_count(), 5);
  EXPECT_EQ(appended->create_time().seconds(), created->create_time().seconds());

  const std::string stale = created->etag();
  absl::Status append = store_->AppendFlows("x", stale, WithFlows(9, 2).flows()).status();
  EXPECT_EQ(append.code(), absl::StatusCode::kAborted) << append;
  EXPECT_EQ(store_->Delete("x", stale).code(), absl::StatusCode::kAborted);
  absl::StatusOr<v1::Dataset> after = store_->Get("x", true, NoCaller());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->etag(), "2");
  EXPECT_EQ(after->flows_size(), 5);
  EXPECT_EQ(after->flows(4).value().units(), WithFlows(3, 1).flows(2).value().units());
  EXPECT_TRUE(store_->Delete("x", appended->etag()).ok());
}

TEST_P(StoreConformanceTest, ADeleteIsFinal) {
  ASSERT_TRUE(store_->Create("gone", WithFlows(3 * kFlowsPerChunk)).ok());
  ASSERT_TRUE(store_->Delete("gone", "").ok());
  EXPECT_EQ(store_->Get("gone", true, NoCaller()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Delete("gone", "").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->AppendFlows("gone", "", WithFlows(1).flows()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->List(10, "")->datasets.empty());
  // The id is free again, and nothing of the old dataset comes back with it.
  absl::StatusOr<v1::Dataset> again = store_->Create("gone", WithFlows(1, 5));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->etag(), "1");
  absl::StatusOr<v1::Dataset> full = store_->Get("gone", true, NoCaller());
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(FirstDifference(*full, WithFlows(1, 5)), -1);
}

TEST_P(StoreConformanceTest, AReopenedStoreSeesWhatWasCommitted) {
  ASSERT_TRUE(store_->Create("kept", WithFlows(10)).ok());
  ASSERT_TRUE(store_->AppendFlows("kept", "1", WithFlows(10000, 1).flows()).ok());
  store_.reset();
  absl::StatusOr<std::unique_ptr<DatasetStore>> reopened = Open();
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_FALSE((*reopened)->created_now());
  absl::StatusOr<v1::Dataset> d = (*reopened)->Get("kept", true, NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->etag(), "2");
  ASSERT_EQ(d->flows_size(), 10010);
  EXPECT_EQ(d->flows(10009).value().units(), WithFlows(10000, 1).flows(9999).value().units());
}

TEST_P(StoreConformanceTest, OnlyTheStoreThatCreatedTheSchemaIsNewSoSeedingHappensOnce) {
  EXPECT_TRUE(store_->created_now());
  ASSERT_TRUE(SeedIfNew(*store_).ok());
  ASSERT_TRUE(store_->Delete(kStudyDatasetId, "").ok());
  // Another process on the same store, while the first still runs.
  absl::StatusOr<std::unique_ptr<DatasetStore>> second = Open();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE((*second)->created_now());
  ASSERT_TRUE(SeedIfNew(**second).ok());
  // A dataset its users deleted stays deleted.
  EXPECT_EQ((*second)->Get(kStudyDatasetId, false, NoCaller()).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, ANewerSchemaIsRefused) {
  store_.reset();
  ASSERT_EQ(backend_->Exec(url_, "INSERT INTO schema_version (version) VALUES (999)"), "");
  absl::StatusOr<std::unique_ptr<DatasetStore>> s = Open();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(s.status().message(), "newer")) << s.status();
}

TEST_P(StoreConformanceTest, ConcurrentAppendsNeverLoseAFlow) {
  ASSERT_TRUE(store_->Create("busy", WithFlows(1)).ok());
  constexpr int kThreads = 8, kAppends = 15, kFlows = 3;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAppends; ++i) {
        if (!store_->AppendFlows("busy", "", WithFlows(kFlows, 1 + t * kAppends + i).flows())
                 .ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  absl::StatusOr<v1::Dataset> d = store_->Get("busy", true, NoCaller());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->etag(), absl::StrCat(1 + kThreads * kAppends));
  EXPECT_EQ(d->flow_count(), 1 + kThreads * kAppends * kFlows);
  // Every batch is there once, whole and in its own order.
  std::vector<int> seen(1 + kThreads * kAppends, 0);
  for (const v1::TradeFlow& f : d->flows()) ++seen[f.value().units() / 1'000'000'000];
  for (int tag = 1; tag < static_cast<int>(seen.size()); ++tag) EXPECT_EQ(seen[tag], kFlows);
}

TEST_P(StoreConformanceTest, GuardedWritersRacingOnOneEtagAdmitOnePerRevision) {
  ASSERT_TRUE(store_->Create("race", WithFlows(0)).ok());
  constexpr int kThreads = 6, kWins = 5;
  std::atomic<int> appends{0}, aborted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int won = 0; won < kWins;) {
        absl::StatusOr<v1::Dataset> seen = store_->Get("race", false, NoCaller());
        if (!seen.ok()) continue;
        ++appends;
        absl::Status s = store_->AppendFlows("race", seen->etag(), WithFlows(1).flows()).status();
        if (s.ok()) {
          ++won;
        } else if (s.code() == absl::StatusCode::kAborted) {
          ++aborted;
        } else {
          ADD_FAILURE() << "a guarded append failed other than by a conflict: " << s;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  // Each append either won its revision or was refused as a conflict.
  EXPECT_EQ(appends, kThreads * kWins + aborted);
  absl::StatusOr<v1::Dataset> d = store_->Get("race", false, NoCaller());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->flow_count(), kThreads * kWins);
  EXPECT_EQ(d->etag(), absl::StrCat(1 + kThreads * kWins));
  std::cout << "conflicts refused: " << aborted << "\n";
}

// Ingest and read rates, by hand: store_conformance_test --gtest_also_run_disabled_tests
// --gtest_filter='*DISABLED_IngestRate*' (PostgreSQL through the URL or DIR variable).
TEST_P(StoreConformanceTest, DISABLED_IngestRate) {
  constexpr int kFlows = 1'000'000;
  const v1::Dataset d = WithFlows(kFlows);
  absl::Time start = absl::Now();
  ASSERT_TRUE(store_->Create("rate", d).ok());
  const double create_s = absl::ToDoubleSeconds(absl::Now() - start);
  start = absl::Now();
  absl::StatusOr<v1::Dataset> full = store_->Get("rate", true, NoCaller());
  const double read_s = absl::ToDoubleSeconds(absl::Now() - start);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(full->flows_size(), kFlows);
  std::cout << GetParam().name << ": create " << kFlows << " flows in " << create_s << " s ("
            << static_cast<int64_t>(kFlows / create_s) << " flows/s); read them in " << read_s
            << " s (" << static_cast<int64_t>(kFlows / read_s) << " flows/s)\n";
}

INSTANTIATE_TEST_SUITE_P(
    Stores, StoreConformanceTest,
    ::testing::Values(
        BackendParam{"sqlite", [] { return std::unique_ptr<Backend>(new SqliteBackend); }},
        BackendParam{"postgres", [] { return std::unique_ptr<Backend>(new PostgresBackend); }}),
    [](const ::testing::TestParamInfo<BackendParam>& p) { return std::string(p.param.name); });

// --- Which store a URL opens ---

TEST(OpenStoreTest, APathAndASqliteUrlOpenTheSameFile) {
  const std::string path = absl::StrCat(::testing::TempDir(), "/open-store.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  ASSERT_TRUE((*OpenStore(path, 1))->Create("a", WithFlows(1)).ok());
  absl::StatusOr<std::unique_ptr<DatasetStore>> again = OpenStore("sqlite://" + path, 1);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE((*again)->Get("a", false, NoCaller()).ok());
}

TEST(OpenStoreTest, APostgresUrlGoesToPostgres) {
  // Port 1 refuses at once: the URL was taken for a server, not for a file name.
  for (const char* url : {"postgresql://ct@127.0.0.1:1/db", "postgres://ct@127.0.0.1:1/db"}) {
    absl::StatusOr<std::unique_ptr<DatasetStore>> s = OpenStore(url, 1);
    EXPECT_EQ(s.status().code(), absl::StatusCode::kUnavailable) << s.status();
  }
  EXPECT_EQ(OpenStore("postgresql://ct@127.0.0.1:1/db", 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// --- PostgreSQL's own ---

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = PostgresBackend().FreshUrl(TestName());
    ASSERT_FALSE(url_.empty());
  }
  // Runs `tests/postgres_test_server.sh COMMAND DIR` on the private server.
  static bool Server(const char* command) {
    const std::string dir = ServerDir();
    return std::system(absl::StrCat("sh '", CT_POSTGRES_TEST_SERVER, "' ", command, " '", dir, "'")
                           .c_str()) == 0;
  }
  static bool HaveServerDir() { return !ServerDir().empty(); }

  // Calls Get until it succeeds; every failure meanwhile must be UNAVAILABLE.
  static void ExpectRecovers(DatasetStore& store, const std::string& id, int flows) {
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    absl::StatusOr<v1::Dataset> d;
    int unavailable = 0;
    while (!(d = store.Get(id, true, NoCaller())).ok() && absl::Now() < deadline) {
      ASSERT_EQ(d.status().code(), absl::StatusCode::kUnavailable) << d.status();
      ++unavailable;
      absl::SleepFor(absl::Milliseconds(100));
    }
    ASSERT_TRUE(d.ok()) << d.status();
    EXPECT_EQ(d->flows_size(), flows);
    std::cout << "calls answered UNAVAILABLE before recovery: " << unavailable << "\n";
  }

  // Waits until a session of this test's database waits on a row lock.
  void WaitForALockWaiter() {
    for (int i = 0; i < 400 && PgRun(url_, absl::StrCat("SELECT count(*) ", kLockWaiters)) != "1";
         ++i) {
      absl::SleepFor(absl::Milliseconds(25));
    }
  }
  static constexpr char kLockWaiters[] =
      "FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";

  std::string url_;
};

TEST_F(PostgresStoreTest, ReplicasStartingTogetherMigrateOnce) {
  constexpr int kReplicas = 6;
  std::vector<absl::StatusOr<std::unique_ptr<PostgresStore>>> opened(kReplicas);
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kReplicas; ++i) {
    threads.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      opened[i] = PostgresStore::Open(url_, 1);
    });
  }
  go = true;
  for (std::thread& t : threads) t.join();
  int created = 0;
  for (const auto& store : opened) {
    ASSERT_TRUE(store.ok()) << store.status();
    created += (*store)->created_now();
  }
  EXPECT_EQ(created, 1);
  const int v = PostgresStore::SchemaVersion();
  EXPECT_EQ(PgRun(url_, "SELECT count(*) || ' ' || max(version) FROM schema_version"),
            absl::StrCat(v, " ", v));
}

TEST_F(PostgresStoreTest, AFullPoolIsUnavailableAfterTheCheckoutTimeout) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> store =
      PostgresStore::Open(url_, 1, absl::Milliseconds(200));
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->Create("locked", WithFlows(1)).ok());
  // Another client holds the dataset's row, so an append waits on it with the only connection.
  PGconn* other = PQconnectdb(url_.c_str());
  PQclear(PQexec(other, "BEGIN"));
  PQclear(PQexec(other, "SELECT 1 FROM datasets WHERE id = 'locked' FOR UPDATE"));
  std::thread append(
      [&] { EXPECT_TRUE((*store)->AppendFlows("locked", "", WithFlows(1).flows()).ok()); });
  WaitForALockWaiter();
  absl::Status busy = (*store)->Get("locked", false, NoCaller()).status();
  EXPECT_EQ(busy.code(), absl::StatusCode::kUnavailable) << busy;
  EXPECT_TRUE(absl::StrContains(busy.message(), "busy")) << busy;
  PQclear(PQexec(other, "COMMIT"));
  PQfinish(other);
  append.join();
  EXPECT_EQ((*store)->Get("locked", false, NoCaller())->flow_count(), 2);
}

TEST_F(PostgresStoreTest, AConnectionCutMidCallIsUnavailableAndThenReplaced) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 1);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->Create("cut", WithFlows(1)).ok());
  PGconn* other = PQconnectdb(url_.c_str());
  PQclear(PQexec(other, "BEGIN"));
  PQclear(PQexec(other, "SELECT 1 FROM datasets WHERE id = 'cut' FOR UPDATE"));
  absl::Status append;
  std::thread t([&] { append = (*store)->AppendFlows("cut", "", WithFlows(1).flows()).status(); });
  WaitForALockWaiter();
  // The server ends the store's session in the middle of its append.
  PgRun(url_, absl::StrCat("SELECT pg_terminate_backend(pid) ", kLockWaiters));
  t.join();
  PQclear(PQexec(other, "COMMIT"));
  PQfinish(other);
  EXPECT_EQ(append.code(), absl::StatusCode::kUnavailable) << append;
  // The pool's only connection is replaced; the cut append left nothing behind.
  absl::StatusOr<v1::Dataset> d = (*store)->Get("cut", true, NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->flows_size(), 1);
  EXPECT_EQ(d->etag(), "1");
}

TEST_F(PostgresStoreTest, ARestartedServerIsReconnectedToWithoutANewStore) {
  if (!HaveServerDir()) GTEST_SKIP() << "restarts only the private server of the ctest fixture";
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 3);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->Create("kept", WithFlows(9000)).ok());
  // Connections in the pool, all of which the restart cuts.
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) readers.emplace_back([&] { (void)(*store)->Get("kept", true, NoCaller()); });
  for (std::thread& t : readers) t.join();

  ASSERT_TRUE(Server("restart"));
  ExpectRecovers(**store, "kept", 9000);
  EXPECT_TRUE((*store)->AppendFlows("kept", "", WithFlows(1).flows()).ok());
  for (int i = 0; i < 5; ++i) EXPECT_TRUE((*store)->Get("kept", false, NoCaller()).ok());
}

TEST_F(PostgresStoreTest, AStoppedServerIsUnavailableUntilItIsBack) {
  if (!HaveServerDir()) GTEST_SKIP() << "stops only the private server of the ctest fixture";
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 2);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->Create("kept", WithFlows(5)).ok());

  ASSERT_TRUE(Server("down"));
  const absl::Status get = (*store)->Get("kept", true, NoCaller()).status();
  const absl::Status create = (*store)->Create("new", WithFlows(5)).status();
  const absl::Status list = (*store)->List(10, "").status();
  const bool up = Server("up");
  EXPECT_EQ(get.code(), absl::StatusCode::kUnavailable) << get;
  EXPECT_EQ(create.code(), absl::StatusCode::kUnavailable) << create;
  EXPECT_EQ(list.code(), absl::StatusCode::kUnavailable) << list;
  ASSERT_TRUE(up);

  ExpectRecovers(**store, "kept", 5);
  EXPECT_TRUE((*store)->Create("new", WithFlows(5)).ok());
}

}  // namespace
}  // namespace culturetrade
