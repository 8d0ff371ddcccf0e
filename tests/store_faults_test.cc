// Faults a culturetrade-server must come through, against real server processes on real
// stores (a SQLite file, and a database on the private PostgreSQL that CTest starts as a
// fixture, tests/postgres_test_server.sh):
// - SIGKILL in the middle of an upload, of a first start and of a delete: after a restart
//   nothing is half there and nothing committed is lost;
// - PostgreSQL stopped and started under load: UNAVAILABLE meanwhile, then served again by the
//   same server process;
// - a store that is read-only, or whose disk is full: a clear error, nothing damaged;
// - a caller's deadline shorter than the work: DEADLINE_EXCEEDED, and the server stops.
// Kill points are spread over the measured length of the work, or random (the seed is printed);
// no assertion depends on timing.
//
// Here the faults on every store: SIGKILL in the middle of the work, and deadlines. PostgreSQL
// stopped is in postgres_faults_test.cc, the disk in disk_faults_test.cc.
#include <gtest/gtest.h>
#include <signal.h>

#include <cstdlib>
#include <future>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/faults_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ClientFor;
using ::culturetrade::testing::FaultsTest;
using ::culturetrade::testing::Fingerprint;
using ::culturetrade::testing::FreshStore;
using ::culturetrade::testing::KindName;
using ::culturetrade::testing::ManyFlows;
using ::culturetrade::testing::ManyFlowsComparison;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::ServerProcess;
using ::culturetrade::testing::StoreKind;

// Kill points a loop tries: a few in the suite, which runs on every change; more for a longer
// search (CULTURETRADE_FAULTS_KILL_POINTS=50, say).
const int kKillPoints = [] {
  const char* env = std::getenv("CULTURETRADE_FAULTS_KILL_POINTS");
  int n = 0;
  return env != nullptr && absl::SimpleAtoi(env, &n) && n >= 2 ? n : 4;
}();

class StoreFaultsTest : public FaultsTest, public ::testing::WithParamInterface<StoreKind> {
 protected:
  StoreFaultsTest() : FaultsTest(GetParam()) {}
};

INSTANTIATE_TEST_SUITE_P(Stores, StoreFaultsTest,
                         ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres),
                         [](const ::testing::TestParamInfo<StoreKind>& info) {
                           return KindName(info.param);
                         });

// Kill points over work that took `length`, up to `beyond` times it: random, reproducible
// from the seed printed. Counts how each kill turned out, and prints the counts.
class KillPoints {
 public:
  KillPoints(absl::Duration length, double beyond) : length_(length), point_(0, beyond) {
    const unsigned seed = std::random_device()();
    std::cout << "the work took " << length << "; kill points drawn with seed " << seed << "\n";
    random_.seed(seed);
  }
  ~KillPoints() {
    for (const auto& [outcome, n] : outcomes_) std::cout << outcome << ": " << n << "\n";
  }
  absl::Duration Next() { return length_ * point_(random_); }
  void Count(const std::string& outcome) { ++outcomes_[outcome]; }

 private:
  const absl::Duration length_;
  std::uniform_real_distribution<double> point_;
  std::mt19937 random_;
  std::map<std::string, int> outcomes_;
};

// --- SIGKILL in the middle of the work ---

TEST_P(StoreFaultsTest, AnUploadKilledMidStreamLeavesNothingBehind) {
  const std::string url = CopyOfTemplate("upload_mid_stream");
  ServerProcess server = Start(url);
  testing::OpenUpload upload(server.endpoint(), "partial");
  ASSERT_TRUE(upload.sent());
  EXPECT_EQ(server.StopWith(SIGKILL), 128 + SIGKILL);

  ServerProcess restarted = Start(url);
  Client client = ClientFor(restarted.endpoint());
  EXPECT_EQ(client.GetDataset("datasets/partial").status().code(), absl::StatusCode::kNotFound);
  ExpectTemplateData(client);
}

TEST_P(StoreFaultsTest, AnUploadKilledAnywhereIsWhollyThereOrGone) {
  constexpr int kFlows = 100'000;
  const std::vector<v1::TradeFlow> flows = ManyFlows(kFlows);
  const auto upload = [&](Client& client) {
    return client.UploadNewDataset("new", {}, flows).status();
  };
  // The upload once to its end: how long it takes, and what it stores.
  const WorkRun once = RunWork("upload_anywhere", upload);
  ASSERT_TRUE(once.answer.ok()) << once.answer;
  ServerProcess reader = Start(once.url);
  Client client = ClientFor(reader.endpoint());
  const std::string uploaded = Fingerprint(client, "new", kFlows).value_or("");

  KillPoints points(once.length, 1.2);
  for (int i = 0; i < kKillPoints; ++i) {
    const WorkRun run = RunWork("upload_anywhere", upload, points.Next());
    points.Count(absl::StrCat("upload answered ", absl::StatusCodeToString(run.answer.code())));
    ServerProcess restarted = Start(run.url);
    Client after = ClientFor(restarted.endpoint());
    absl::StatusOr<std::string> seen = Fingerprint(after, "new", kFlows);
    if (seen.ok()) {
      EXPECT_EQ(*seen, uploaded) << "kill point " << i << ": the upload is there, but not whole";
      points.Count("upload kept whole");
    } else {
      EXPECT_EQ(seen.status().code(), absl::StatusCode::kNotFound) << seen.status();
      // An upload the server confirmed was committed, and is not lost.
      EXPECT_FALSE(run.answer.ok()) << "kill point " << i;
      points.Count("upload gone");
    }
    ExpectTemplateData(after);
  }
}

TEST_P(StoreFaultsTest, ADeleteKilledAnywhereLeavesTheDatasetWholeOrGone) {
  const auto remove = [](Client& client) { return client.DeleteDataset("datasets/big"); };
  const WorkRun once = RunWork("delete", remove);
  ASSERT_TRUE(once.answer.ok()) << once.answer;

  KillPoints points(once.length, 1.5);
  for (int i = 0; i < kKillPoints; ++i) {
    const WorkRun run = RunWork("delete", remove, points.Next());
    ServerProcess restarted = Start(run.url);
    Client after = ClientFor(restarted.endpoint());
    const bool big_there = ExpectTemplateData(after, /*big_may_be_gone=*/true);
    // A delete the server confirmed was committed, and stays done.
    if (run.answer.ok()) {
      EXPECT_FALSE(big_there) << "kill point " << i;
    }
    points.Count(absl::StrCat("delete answered ", absl::StatusCodeToString(run.answer.code()),
                              big_there ? ", dataset whole" : ", dataset gone"));
  }
}

// Expects the study seeded once and whole, and the store usable, through two servers.
void ExpectSeededOnceAndUsable(Client& one, Client& other) {
  absl::StatusOr<std::vector<v1::Dataset>> all = one.ListAllDatasets();
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].name(), absl::StrCat("datasets/", kStudyDatasetId));
  absl::StatusOr<v1::Dataset> stored =
      other.GetDataset(absl::StrCat("datasets/", kStudyDatasetId), v1::DATASET_VIEW_FULL);
  absl::StatusOr<v1::Dataset> study = StudyDataset();
  ASSERT_TRUE(stored.ok() && study.ok()) << stored.status();
  ASSERT_EQ(stored->flows_size(), study->flows_size());
  for (int i = 0; i < study->flows_size(); ++i) {
    EXPECT_EQ(stored->flows(i).SerializeAsString(), study->flows(i).SerializeAsString()) << i;
  }
  ASSERT_TRUE(one.UploadNewDataset("after", {}, ManyFlows(1000)).ok());
  absl::StatusOr<v1::Dataset> after = other.GetDataset("datasets/after");
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->flow_count(), 1000);
}

// Two servers start together on a new store, as replicas do; one is killed at a point of its
// start (schema migration, seed, or before or after), then started again.
TEST_P(StoreFaultsTest, AFirstStartKilledAnywhereLeavesTheStudySeededOnceAfterARestart) {
  absl::Duration length;
  {
    const absl::Time start = absl::Now();
    ServerProcess probe = Start(FreshStore(kind_, "first_start"), "probe");
    length = absl::Now() - start;
    std::cout << "a first start takes " << length << "\n";
  }
  for (int i = 0; i < kKillPoints; ++i) {
    const std::string url = FreshStore(kind_, "first_start");
    absl::StatusOr<ServerProcess> killed = Spawn(url, "killed");
    ASSERT_TRUE(killed.ok()) << killed.status();
    // A future, not a thread: should the survivor not start, its destructor still waits for
    // the kill, where a joinable thread would end the whole test binary.
    std::future<void> killer = std::async(std::launch::async, [&, i] {
      absl::SleepFor(length * 1.2 * i / (kKillPoints - 1));
      killed->StopWith(SIGKILL);
    });
    ServerProcess survivor = Start(url, "survivor");
    killer.get();
    ServerProcess restarted = Start(url, "restarted");
    {
      SCOPED_TRACE(absl::StrCat("kill point ", i));
      Client a = ClientFor(restarted.endpoint()), b = ClientFor(survivor.endpoint());
      ExpectSeededOnceAndUsable(a, b);
    }
    EXPECT_EQ(restarted.StopWith(SIGTERM), 0);
    EXPECT_EQ(survivor.StopWith(SIGTERM), 0);
  }
}

// What a first start killed between the migration and the seed leaves, made for certain.
TEST_P(StoreFaultsTest, AStoreNeverSeededIsSeededOnItsNextStart) {
  const std::string url = FreshStore(kind_, "never_seeded");
  EXPECT_EQ(Start(url, "unseeded", {"--seed=false"}).StopWith(SIGTERM), 0);
  ServerProcess server = Start(url);
  Client client = ClientFor(server.endpoint());
  ExpectSeededOnceAndUsable(client, client);
}

// --- A deadline shorter than the work ---

TEST_P(StoreFaultsTest, ADeadlineShorterThanTheWorkStopsIt) {
  ServerProcess server = Start(CopyOfTemplate("deadline"));
  Client client = ClientFor(server.endpoint(), absl::Milliseconds(5));
  // Connected first, so that the deadline passes during the work, not on the way to it.
  for (int i = 0; i < 100 && !client.ListDatasets().ok(); ++i) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(client.CompareExporters(ManyFlowsComparison("big")).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  // The server noticed and stopped loading instead of finishing for nobody.
  bool stopped = false;
  for (int i = 0; i < 500 && !stopped; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
    const std::string log = ReadFile(Log("server"));
    stopped = absl::StrContains(log, R"("method":"CompareExporters","code":"DEADLINE_EXCEEDED")") &&
              absl::StrContains(log, "deadline passed; work stopped");
  }
  EXPECT_TRUE(stopped) << ReadFile(Log("server"));
}

}  // namespace
}  // namespace culturetrade
