// What the fault tests share (store_faults_test.cc, postgres_faults_test.cc, disk_faults_test.cc):
// stores, new ones and copies of a template made once per kind, fingerprints of what a reader
// gets, and a fixture that starts real servers on them. See store_faults_test.cc for the faults.
#ifndef CULTURETRADE_TESTS_FAULTS_FIXTURE_H_
#define CULTURETRADE_TESTS_FAULTS_FIXTURE_H_

#include <gtest/gtest.h>
#include <signal.h>

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/client.h"
#include "service/server/seed.h"
#include "tests/postgres_url.h"
#include "tests/test_process.h"
#include "tests/test_traffic.h"

namespace culturetrade::testing {

inline constexpr int kBigFlows = 400'000;
inline constexpr int kKeptFlows = 5'000;

enum class StoreKind { kSqlite, kPostgres };

std::string KindName(StoreKind kind);
void PrintTo(StoreKind kind, std::ostream* os);

// Stores: new ones, and copies of a template made once per kind.

// The file of SQLite store `name`.
std::string SqlitePath(const std::string& name);
// The URL of a new, empty store `name`.
std::string FreshStore(StoreKind kind, const std::string& name);
// The URL of store `name`, made a copy of store `from`, which no server may be using.
std::string CopyStore(StoreKind kind, const std::string& from, const std::string& name);

// Everything a reader gets of dataset `id` but its times, with the balances of its first and
// last products when it holds `many_flows` ManyFlows: equal fingerprints, the same dataset.
absl::StatusOr<std::string> Fingerprint(Client& client, const std::string& id, int many_flows = 0);

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

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_FAULTS_FIXTURE_H_
