// PostgreSQL's own concerns, beyond the promises every store keeps (store_conformance_test.cc):
// replicas migrating together, a full pool, the server going away and coming back under a store.
// On the private server CTest starts as a fixture (tests/postgres_test_server.sh).
#include "service/storage/postgres/postgres_store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "tests/store_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AppendWith;
using ::culturetrade::testing::Blocks;
using ::culturetrade::testing::CreateWith;
using ::culturetrade::testing::PgRun;
using ::culturetrade::testing::PostgresBackend;
using ::culturetrade::testing::ReadAll;
using ::culturetrade::testing::ServerDir;
using ::culturetrade::testing::TestName;

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

  // Reads until it succeeds; every failure meanwhile must be UNAVAILABLE.
  static void ExpectRecovers(DatasetStore& store, const std::string& id, int flows) {
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    absl::StatusOr<testing::ReadResult> d;
    int unavailable = 0;
    while (!(d = ReadAll(store, id)).ok() && absl::Now() < deadline) {
      ASSERT_EQ(d.status().code(), absl::StatusCode::kUnavailable) << d.status();
      ++unavailable;
      absl::SleepFor(absl::Milliseconds(100));
    }
    ASSERT_TRUE(d.ok()) << d.status();
    EXPECT_EQ(d->record.flow_count, flows);
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
  threads.reserve(kReplicas);
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

// A replica that starts deletes the uploads of servers that died, never those of a replica
// still streaming one.
TEST_F(PostgresStoreTest, AStartingReplicaLeavesTheUploadsOfLiveOnesAlone) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> live = PostgresStore::Open(url_, 2);
  ASSERT_TRUE(live.ok()) << live.status();
  absl::StatusOr<std::unique_ptr<DatasetWriter>> w = (*live)->Create(NewDataset{"x", "", ""});
  ASSERT_TRUE(w.ok());
  const std::vector<FlowBlock> blocks = Blocks(3 * 8192);
  ASSERT_TRUE((*w)->Write(blocks[0]).ok());
  absl::StatusOr<std::unique_ptr<PostgresStore>> starting = PostgresStore::Open(url_, 2);
  ASSERT_TRUE(starting.ok()) << starting.status();
  for (size_t i = 1; i < blocks.size(); ++i) ASSERT_TRUE((*w)->Write(blocks[i]).ok());
  absl::StatusOr<DatasetRecord> committed = (*w)->Commit();
  ASSERT_TRUE(committed.ok()) << committed.status();
  EXPECT_EQ((*starting)->Get("x")->flow_count, 3 * 8192);
}

TEST_F(PostgresStoreTest, AFullPoolIsUnavailableAfterTheCheckoutTimeout) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> store =
      PostgresStore::Open(url_, 1, absl::Milliseconds(200));
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(CreateWith(**store, "locked", Blocks(1)).ok());
  // Another client holds the dataset's row, so an append waits on it with the only connection.
  PGconn* other = PQconnectdb(url_.c_str());
  PQclear(PQexec(other, "BEGIN"));
  PQclear(PQexec(other, "SELECT 1 FROM datasets WHERE id = 'locked' FOR UPDATE"));
  std::thread append([&] { EXPECT_TRUE(AppendWith(**store, "locked", "", Blocks(1)).ok()); });
  WaitForALockWaiter();
  absl::Status busy = (*store)->Get("locked").status();
  EXPECT_EQ(busy.code(), absl::StatusCode::kUnavailable) << busy;
  EXPECT_TRUE(absl::StrContains(busy.message(), "busy")) << busy;
  PQclear(PQexec(other, "COMMIT"));
  PQfinish(other);
  append.join();
  EXPECT_EQ((*store)->Get("locked")->flow_count, 2);
}

TEST_F(PostgresStoreTest, AConnectionCutMidCallIsUnavailableAndThenReplaced) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 1);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(CreateWith(**store, "cut", Blocks(1)).ok());
  PGconn* other = PQconnectdb(url_.c_str());
  PQclear(PQexec(other, "BEGIN"));
  PQclear(PQexec(other, "SELECT 1 FROM datasets WHERE id = 'cut' FOR UPDATE"));
  absl::Status append;
  std::thread t([&] { append = AppendWith(**store, "cut", "", Blocks(1)).status(); });
  WaitForALockWaiter();
  // The server ends the store's session in the middle of its append.
  PgRun(url_, absl::StrCat("SELECT pg_terminate_backend(pid) ", kLockWaiters));
  t.join();
  PQclear(PQexec(other, "COMMIT"));
  PQfinish(other);
  EXPECT_EQ(append.code(), absl::StatusCode::kUnavailable) << append;
  // The pool's only connection is replaced; the cut append left nothing behind.
  absl::StatusOr<testing::ReadResult> d = ReadAll(**store, "cut");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->record.flow_count, 1);
  EXPECT_EQ(d->record.revision, 1);
  EXPECT_EQ(PgRun(url_, "SELECT count(*) FROM flow_blocks"), "1");
}

TEST_F(PostgresStoreTest, ARestartedServerIsReconnectedToWithoutANewStore) {
  if (!HaveServerDir()) GTEST_SKIP() << "restarts only the private server of the ctest fixture";
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 3);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(CreateWith(**store, "kept", Blocks(9000)).ok());
  // Connections in the pool, all of which the restart cuts.
  std::vector<std::thread> readers;
  readers.reserve(3);
  for (int i = 0; i < 3; ++i) readers.emplace_back([&] { (void)ReadAll(**store, "kept"); });
  for (std::thread& t : readers) t.join();

  ASSERT_TRUE(Server("restart"));
  ExpectRecovers(**store, "kept", 9000);
  EXPECT_TRUE(AppendWith(**store, "kept", "", Blocks(1)).ok());
  for (int i = 0; i < 5; ++i) EXPECT_TRUE((*store)->Get("kept").ok());
}

TEST_F(PostgresStoreTest, AStoppedServerIsUnavailableUntilItIsBack) {
  if (!HaveServerDir()) GTEST_SKIP() << "stops only the private server of the ctest fixture";
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 2);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE(CreateWith(**store, "kept", Blocks(5)).ok());

  ASSERT_TRUE(Server("down"));
  const absl::Status get = ReadAll(**store, "kept").status();
  const absl::Status create = CreateWith(**store, "new", Blocks(5)).status();
  const absl::Status list = (*store)->List(10, "").status();
  const bool up = Server("up");
  EXPECT_EQ(get.code(), absl::StatusCode::kUnavailable) << get;
  EXPECT_EQ(create.code(), absl::StatusCode::kUnavailable) << create;
  EXPECT_EQ(list.code(), absl::StatusCode::kUnavailable) << list;
  ASSERT_TRUE(up);

  ExpectRecovers(**store, "kept", 5);
  EXPECT_TRUE(CreateWith(**store, "new", Blocks(5)).ok());
}

// What a stored flow costs, by hand: postgres_store_test --gtest_also_run_disabled_tests
// --gtest_filter='*DISABLED_*' (with the URL or DIR variable; numbers mean something in a
// release build).
TEST_F(PostgresStoreTest, DISABLED_MeasuresIngestReadsAndBytesPerFlow) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url_, 4);
  ASSERT_TRUE(store.ok()) << store.status();
  testing::MeasureBaciLike(**store, 2'000'000, [&] {
    int64_t bytes = 0;
    return absl::SimpleAtoi(PgRun(url_, "SELECT pg_total_relation_size('flow_blocks')"), &bytes)
               ? bytes
               : -1;
  });
}

}  // namespace
}  // namespace culturetrade
