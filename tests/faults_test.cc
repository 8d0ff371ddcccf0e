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
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/client.h"
#include "service/server/seed.h"
#include "tests/postgres_url.h"
#include "tests/test_process.h"
#include "tests/test_traffic.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ClientFor;
using ::culturetrade::testing::ManyFlows;
using ::culturetrade::testing::ManyFlowsBalance;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::RunShell;
using ::culturetrade::testing::ServerProcess;

constexpr int kBigFlows = 400'000;
constexpr int kKeptFlows = 5'000;
// Kill points a loop tries: a few in the suite, which runs on every change; more for a longer
// search (CULTURETRADE_FAULTS_KILL_POINTS=50, say).
const int kKillPoints = [] {
  const char* env = std::getenv("CULTURETRADE_FAULTS_KILL_POINTS");
  int n = 0;
  return env != nullptr && absl::SimpleAtoi(env, &n) && n >= 2 ? n : 4;
}();

enum class StoreKind { kSqlite, kPostgres };

std::string KindName(StoreKind kind) { return kind == StoreKind::kSqlite ? "sqlite" : "postgres"; }
void PrintTo(StoreKind kind, std::ostream* os) { *os << KindName(kind); }

// --- Stores: new ones, and copies of a template made once per kind ---

// Where every SQLite store of this run lives.
const std::string& SqliteDir() {
  static const std::string* const dir = new std::string(MakeTempDir());
  return *dir;
}

// The stores are copies of a 16 MB template: removed when the run ends well.
class RemoveStoresAfterThePassedRun : public ::testing::Environment {
  void TearDown() override {
    if (!::testing::UnitTest::GetInstance()->Failed()) RunShell("rm -rf " + SqliteDir());
  }
};
::testing::Environment* const kRemoveStores =
    ::testing::AddGlobalTestEnvironment(new RemoveStoresAfterThePassedRun);

std::string SqlitePath(const std::string& name) { return SqliteDir() + "/" + name + ".db"; }

void RemoveSqlite(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

std::string PostgresDatabase(const std::string& name) { return "ct_faults_" + name; }

// The URL of a new, empty store `name`.
std::string FreshStore(StoreKind kind, const std::string& name) {
  if (kind == StoreKind::kSqlite) {
    RemoveSqlite(SqlitePath(name));
    return "sqlite://" + SqlitePath(name);
  }
  absl::StatusOr<std::string> url = testing::FreshPostgresDatabase(PostgresDatabase(name));
  EXPECT_TRUE(url.ok()) << url.status();
  return url.value_or("");
}

// The URL of store `name`, made a copy of store `from`, which no server may be using.
std::string CopyStore(StoreKind kind, const std::string& from, const std::string& name) {
  if (kind == StoreKind::kSqlite) {
    RemoveSqlite(SqlitePath(name));
    EXPECT_TRUE(RunShell(absl::StrCat("cp ", SqlitePath(from), " ", SqlitePath(name))));
    return "sqlite://" + SqlitePath(name);
  }
  const std::string server = testing::PostgresServerUrl();
  for (const std::string& sql :
       {absl::StrCat("DROP DATABASE IF EXISTS ", PostgresDatabase(name), " WITH (FORCE)"),
        absl::StrCat("CREATE DATABASE ", PostgresDatabase(name), " TEMPLATE ",
                     PostgresDatabase(from))}) {
    const std::string result = testing::PgRun(server, sql);
    EXPECT_FALSE(absl::StartsWith(result, "error:")) << sql << ": " << result;
  }
  return testing::WithDatabase(server, PostgresDatabase(name));
}

// Everything a reader gets of dataset `id` but its times, with the balances of its first and
// last products when it holds `many_flows` ManyFlows: equal fingerprints, the same dataset.
absl::StatusOr<std::string> Fingerprint(Client& client, const std::string& id,
                                        int many_flows = 0) {
  absl::StatusOr<v1::Dataset> whole = client.GetDataset("datasets/" + id, v1::DATASET_VIEW_FULL);
  if (!whole.ok()) return whole.status();
  whole->clear_create_time();
  whole->clear_update_time();
  std::string out = whole->SerializeAsString();
  if (many_flows == 0) return out;
  const std::string last = absl::StrCat("P", (many_flows - 1) / testing::kManyFlowsPerProduct);
  for (const std::string& product : {std::string("P0"), last}) {
    absl::StatusOr<v1::AnalyzeBalanceResponse> b =
        client.AnalyzeBalance(ManyFlowsBalance(id, product));
    if (!b.ok()) return b.status();
    out += b->SerializeAsString();
  }
  return out;
}

// What every case starts from: the study, "big" and "kept", and their fingerprints.
struct Template {
  std::string name;
  std::string study, big, kept;
};

// --- The fixture ---

class FaultsTest : public ::testing::Test {
 protected:
  explicit FaultsTest(StoreKind kind) : kind_(kind) {}

  void SetUp() override {
    dir_ = MakeTempDir();
    if (kind_ == StoreKind::kPostgres && testing::PostgresServerUrl().empty()) {
      GTEST_FAIL() << "no PostgreSQL server: run through ctest (tests/postgres_test_server.sh is "
                      "its fixture), or set CULTURETRADE_TEST_POSTGRES_URL";
    }
  }
  // A failed case leaves its logs for a look.
  void TearDown() override {
    if (!HasFailure()) RunShell("rm -rf " + dir_);
  }

  // A server on the store at `url`; `name` tells apart servers of one test (their port files
  // and logs, DIR/NAME.log).
  ServerProcess Start(const std::string& url, const std::string& name = "server",
                      std::vector<std::string> flags = {},
                      const std::vector<std::string>& wrapper = {}) {
    flags.push_back("--store=" + url);
    absl::StatusOr<ServerProcess> s =
        ServerProcess::Start(dir_ + "/" + name, flags, Log(name), wrapper);
    EXPECT_TRUE(s.ok()) << s.status() << "\n" << ReadFile(Log(name));
    return std::move(s).value();  // throws, failing the test, when it did not start
  }
  absl::StatusOr<ServerProcess> Spawn(const std::string& url, const std::string& name) {
    return ServerProcess::Spawn(dir_ + "/" + name, {"--store=" + url}, Log(name));
  }
  std::string Log(const std::string& name) const { return dir_ + "/" + name + ".log"; }

  // The template of this kind, made on first use.
  const Template& TemplateStore() {
    static std::map<StoreKind, Template>* const made = new std::map<StoreKind, Template>;
    auto [it, added] = made->try_emplace(kind_);
    if (added) it->second = MakeTemplate();
    return it->second;
  }
  std::string CopyOfTemplate(const std::string& name) {
    return CopyStore(kind_, TemplateStore().name, name);
  }

  // Expects the template's datasets, as they were, through `client`; "big" unless
  // `big_may_be_gone`, when it must be whole or gone. Returns whether "big" is there.
  bool ExpectTemplateData(Client& client, bool big_may_be_gone = false) {
    const Template& t = TemplateStore();
    EXPECT_EQ(Fingerprint(client, kStudyDatasetId).value_or("error"), t.study);
    EXPECT_EQ(Fingerprint(client, "kept", kKeptFlows).value_or("error"), t.kept);
    absl::StatusOr<std::string> big = Fingerprint(client, "big", kBigFlows);
    if (big_may_be_gone && big.status().code() == absl::StatusCode::kNotFound) return false;
    EXPECT_TRUE(big.ok()) << big.status();
    EXPECT_TRUE(big.ok() && *big == t.big) << "datasets/big changed";
    return true;
  }

  // Work done through a server on a copy of the template.
  struct WorkRun {
    std::string url;      // the copy
    absl::Status answer;  // what the work answered
    absl::Duration length;
  };
  // Runs `work` through a server on a new copy of template `store`; SIGKILLs the server
  // `kill_after` the work began, unless that is infinite.
  WorkRun RunWork(const std::string& store, const std::function<absl::Status(Client&)>& work,
                  absl::Duration kill_after = absl::InfiniteDuration()) {
    WorkRun run;
    run.url = CopyOfTemplate(store);
    ServerProcess server = Start(run.url);
    Client client = ClientFor(server.endpoint());
    const absl::Time start = absl::Now();
    std::thread worker([&] {
      run.answer = work(client);
      run.length = absl::Now() - start;
    });
    if (kill_after != absl::InfiniteDuration()) {
      absl::SleepFor(kill_after);
      server.StopWith(SIGKILL);
    }
    worker.join();
    return run;
  }

  StoreKind kind_;
  std::string dir_;

 private:
  Template MakeTemplate() {
    Template t;
    t.name = "template";
    const std::string url = FreshStore(kind_, t.name);
    ServerProcess server = Start(url, "template");
    {
      Client client = ClientFor(server.endpoint());
      const absl::Status big = client.UploadNewDataset("big", {}, ManyFlows(kBigFlows)).status();
      EXPECT_TRUE(big.ok()) << big;
      const absl::Status kept = client.UploadNewDataset("kept", {}, ManyFlows(kKeptFlows)).status();
      EXPECT_TRUE(kept.ok()) << kept;
      t.study = Fingerprint(client, kStudyDatasetId).value_or("");
      t.big = Fingerprint(client, "big", kBigFlows).value_or("");
      t.kept = Fingerprint(client, "kept", kKeptFlows).value_or("");
    }
    // A clean stop leaves one file (SQLite) or no session on the database (PostgreSQL), ready
    // to be copied.
    EXPECT_EQ(server.StopWith(SIGTERM), 0);
    return t;
  }
};

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
    std::thread killer([&, i] {
      absl::SleepFor(length * 1.2 * i / (kKillPoints - 1));
      killed->StopWith(SIGKILL);
    });
    ServerProcess survivor = Start(url, "survivor");
    killer.join();
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
  EXPECT_EQ(client.AnalyzeBalance(ManyFlowsBalance("big")).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  // The server noticed and stopped loading instead of finishing for nobody.
  bool stopped = false;
  for (int i = 0; i < 500 && !stopped; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
    stopped = absl::StrContains(ReadFile(Log("server")),
                                R"("method":"AnalyzeBalance","code":"DEADLINE_EXCEEDED")");
  }
  EXPECT_TRUE(stopped) << ReadFile(Log("server"));
}

// --- PostgreSQL going away under load ---

class PostgresFaultsTest : public FaultsTest {
 protected:
  PostgresFaultsTest() : FaultsTest(StoreKind::kPostgres) {}
  // Runs `tests/postgres_test_server.sh COMMAND DIR` on the fixture's server.
  static bool Database(const char* command) {
    const char* dir = std::getenv("CULTURETRADE_TEST_POSTGRES_DIR");
    return dir != nullptr &&
           RunShell(absl::StrCat("sh '", CT_POSTGRES_TEST_SERVER, "' ", command, " '", dir, "'"));
  }
};

// Calls of every kind in a loop from a few threads, counting their answers.
class Load {
 public:
  static constexpr const char* kCalls[] = {"list", "get", "analyze", "upload"};

  explicit Load(const std::string& endpoint) {
    for (int t = 0; t < 4; ++t) {
      threads_.emplace_back([this, endpoint, t] {
        Client client = ClientFor(endpoint);
        for (int n = 0; !stop_; ++n) {
          for (const char* call : kCalls) Record(call, Call(client, call, absl::StrCat(t, "-", n)));
          absl::SleepFor(absl::Milliseconds(5));
        }
      });
    }
  }
  ~Load() { Stop(); }
  void Stop() {
    stop_ = true;
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }
  // How many calls of `call` were answered `code` since the last Reset.
  int Count(const std::string& call, absl::StatusCode code) {
    std::lock_guard<std::mutex> lock(mu_);
    return recent_[call][code];
  }
  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    recent_.clear();
  }
  // How many calls were answered each way since the start, by "call CODE".
  std::map<std::string, int> All() {
    std::lock_guard<std::mutex> lock(mu_);
    return all_;
  }
  // Polls until every call was answered `code` since the last Reset, for up to a minute.
  bool WaitForAll(absl::StatusCode code) {
    for (const absl::Time deadline = absl::Now() + absl::Minutes(1); absl::Now() < deadline;
         absl::SleepFor(absl::Milliseconds(50))) {
      bool all = true;
      for (const char* call : kCalls) all = all && Count(call, code) > 0;
      if (all) return true;
    }
    return false;
  }

 private:
  static absl::StatusCode Call(Client& client, absl::string_view call, const std::string& n) {
    if (call == "list") return client.ListDatasets().status().code();
    if (call == "get") return client.GetDataset("datasets/kept").status().code();
    if (call == "analyze") return client.AnalyzeBalance(ManyFlowsBalance("kept")).status().code();
    return client.UploadNewDataset("load-" + n, {}, ManyFlows(2000)).status().code();
  }
  void Record(const std::string& call, absl::StatusCode code) {
    std::lock_guard<std::mutex> lock(mu_);
    ++recent_[call][code];
    ++all_[absl::StrCat(call, " ", absl::StatusCodeToString(code))];
  }

  std::atomic<bool> stop_{false};
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::map<std::string, std::map<absl::StatusCode, int>> recent_;
  std::map<std::string, int> all_;
};

TEST_F(PostgresFaultsTest, AStoppedDatabaseIsUnavailableAndTheSameServerRecovers) {
  ServerProcess server = Start(CopyOfTemplate("load"));
  Load load(server.endpoint());
  ASSERT_TRUE(load.WaitForAll(absl::StatusCode::kOk));
  ASSERT_TRUE(Database("down"));
  load.Reset();
  const bool unavailable = load.WaitForAll(absl::StatusCode::kUnavailable);
  ASSERT_TRUE(Database("up"));
  load.Reset();
  EXPECT_TRUE(unavailable) << "some calls were never answered UNAVAILABLE while it was down";
  EXPECT_TRUE(load.WaitForAll(absl::StatusCode::kOk)) << "some calls never recovered";
  load.Stop();
  for (const auto& [answer, n] : load.All()) {
    std::cout << answer << ": " << n << "\n";
    EXPECT_TRUE(absl::EndsWith(answer, " OK") || absl::EndsWith(answer, " UNAVAILABLE")) << answer;
  }
  // The same process served throughout, and drains cleanly.
  EXPECT_EQ(server.StopWith(SIGTERM), 0);
}

// --- The disk: read-only, full ---

class SqliteFaultsTest : public FaultsTest {
 protected:
  SqliteFaultsTest() : FaultsTest(StoreKind::kSqlite) {}

  // Runs the server under permission checks even as root, who would write anyway: without the
  // capabilities that override them.
  static std::vector<std::string> UnderPermissions() {
    if (geteuid() != 0) return {};
    return {"/usr/bin/setpriv", "--inh-caps=-all",
            "--bounding-set=-dac_override,-dac_read_search", "--"};
  }
  // A copy of the template alone in directory DIR/NAME; its path.
  std::string CopyInto(const std::string& name) {
    const std::string dir = dir_ + "/" + name;
    EXPECT_EQ(mkdir(dir.c_str(), 0700), 0);
    EXPECT_TRUE(RunShell(absl::StrCat("cp ", SqlitePath(TemplateStore().name), " ", dir, "/db")));
    return dir + "/db";
  }
  // Expects a server on the SQLite file `path` to stop at its start with an error that names
  // the file and says why.
  static void ExpectRefusedAtStart(const std::string& path) {
    std::vector<std::string> argv = {"/usr/bin/timeout", "60"};
    for (const std::string& arg : UnderPermissions()) argv.push_back(arg);
    for (const std::string& arg : {std::string(CT_SERVER_BIN), std::string("--address=127.0.0.1:0"),
                                   "--store=sqlite://" + path}) {
      argv.push_back(arg);
    }
    const testing::CommandResult refused = RunCommand(argv);
    EXPECT_EQ(refused.exit_code, 1) << refused.err;
    EXPECT_TRUE(absl::StrContains(refused.err, "store " + path + ": ")) << refused.err;
    EXPECT_TRUE(absl::StrContains(refused.err, "not writable") ||
                absl::StrContains(refused.err, "read-only"))
        << refused.err;
  }
  // Starts a server on the SQLite file `path` and expects the template's data there.
  ServerProcess StartAndExpectTemplateData(const std::string& path, const std::string& name) {
    ServerProcess server = Start("sqlite://" + path, name, {}, UnderPermissions());
    Client client = ClientFor(server.endpoint());
    ExpectTemplateData(client);
    return server;
  }
};

// Whether the directory or the file is read-only, the server says so and names the file.
TEST_F(SqliteFaultsTest, AReadOnlyStoreIsRefusedAtStartNamingIt) {
  for (const bool directory : {true, false}) {
    SCOPED_TRACE(directory ? "read-only directory" : "read-only file");
    const std::string name = directory ? "directory" : "file";
    const std::string path = CopyInto(name);
    const std::string read_only = directory ? dir_ + "/" + name : path;
    ASSERT_EQ(chmod(read_only.c_str(), directory ? 0500 : 0400), 0);
    ExpectRefusedAtStart(path);
    ASSERT_EQ(chmod(read_only.c_str(), directory ? 0700 : 0600), 0);
    StartAndExpectTemplateData(path, name);
  }
}

// Files the server holds open stay writable to it (so do SQLite's, which makes none while it
// serves): a store made read-only under a running server takes its writes until it restarts,
// when the server refuses to start, naming it. Nothing is lost either way.
TEST_F(SqliteFaultsTest, AStoreMadeReadOnlyWhileServingLosesNothingAndIsRefusedAtRestart) {
  const std::string path = CopyInto("store");
  const std::string dir = dir_ + "/store";
  ServerProcess server = Start("sqlite://" + path, "server", {}, UnderPermissions());
  absl::Status during;
  {
    Client client = ClientFor(server.endpoint());
    ASSERT_TRUE(client.UploadNewDataset("before", {}, ManyFlows(1000)).ok());
    ASSERT_TRUE(RunShell(absl::StrCat("chmod 0400 ", path, "* && chmod 0500 ", dir)));
    during = client.UploadNewDataset("during", {}, ManyFlows(1000)).status();
    std::cout << "an upload after the store was made read-only: " << during << "\n";
    EXPECT_TRUE(during.ok() || during.code() == absl::StatusCode::kFailedPrecondition) << during;
    ExpectTemplateData(client);
  }
  EXPECT_EQ(server.StopWith(SIGTERM), 0);
  ExpectRefusedAtStart(path);

  ASSERT_TRUE(RunShell(absl::StrCat("chmod 0700 ", dir, " && chmod 0600 ", path, "*")));
  ServerProcess restarted = StartAndExpectTemplateData(path, "restarted");
  Client after = ClientFor(restarted.endpoint());
  EXPECT_EQ(after.GetDataset("datasets/before").value_or(v1::Dataset()).flow_count(), 1000);
  EXPECT_EQ(after.GetDataset("datasets/during").status().code(),
            during.ok() ? absl::StatusCode::kOk : absl::StatusCode::kNotFound);
}

TEST_F(SqliteFaultsTest, AFullDiskFailsTheUploadClearlyAndKeepsWhatWasThere) {
  // A file size limit fails writes as a full disk does (EFBIG rather than ENOSPC).
  constexpr int kLimitBytes = 4 << 20;
  const std::string url = FreshStore(kind_, "full");
  ServerProcess server = Start(url, "server", {},
                               {"/usr/bin/prlimit", absl::StrCat("--fsize=", kLimitBytes), "--"});
  std::string kept;
  {
    Client client = ClientFor(server.endpoint());
    ASSERT_TRUE(client.UploadNewDataset("kept", {}, ManyFlows(kKeptFlows)).ok());
    kept = Fingerprint(client, "kept", kKeptFlows).value_or("");
    const absl::Status big = client.UploadNewDataset("big", {}, ManyFlows(kBigFlows)).status();
    EXPECT_EQ(big.code(), absl::StatusCode::kResourceExhausted) << big;
    EXPECT_TRUE(absl::StrContains(big.message(), "disk is full")) << big;
    EXPECT_EQ(Fingerprint(client, "kept", kKeptFlows).value_or("error"), kept);
    EXPECT_EQ(client.GetDataset("datasets/big").status().code(), absl::StatusCode::kNotFound);
    ASSERT_TRUE(client.UploadNewDataset("small", {}, ManyFlows(1000)).ok());
  }
  // Not killed by SIGXFSZ: it drains and stops as usual.
  EXPECT_EQ(server.StopWith(SIGTERM), 0);

  ServerProcess restarted = Start(url, "restarted");
  Client after = ClientFor(restarted.endpoint());
  EXPECT_EQ(Fingerprint(after, "kept", kKeptFlows).value_or("error"), kept);
  EXPECT_EQ(after.GetDataset("datasets/small").value_or(v1::Dataset()).flow_count(), 1000);
  EXPECT_EQ(after.GetDataset("datasets/big").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(after.GetDataset(absl::StrCat("datasets/", kStudyDatasetId)).ok());
}

}  // namespace
}  // namespace culturetrade
