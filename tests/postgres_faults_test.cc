// PostgreSQL stopped and started under load: UNAVAILABLE meanwhile, then served again by the
// same server process. On the private server CTest starts as a fixture.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/faults_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ClientFor;
using ::culturetrade::testing::FaultsTest;
using ::culturetrade::testing::ManyFlows;
using ::culturetrade::testing::ManyFlowsBalance;
using ::culturetrade::testing::RunShell;
using ::culturetrade::testing::ServerProcess;
using ::culturetrade::testing::StoreKind;

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

}  // namespace
}  // namespace culturetrade
