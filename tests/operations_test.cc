// What operators rely on, against the real server: metrics, structured logs, limits, drain,
// connection age, flags. Crashes, deadlines and a full or read-only store: store_faults_test.cc,
// postgres_faults_test.cc and disk_faults_test.cc.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <future>
#include <map>
#include <thread>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/client.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "tests/test_process.h"
#include "tests/test_traffic.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ClientFor;
using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::HealthStatus;
using ::culturetrade::testing::HttpGet;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::ManyFlows;
using ::culturetrade::testing::ManyFlowsBalance;
using ::culturetrade::testing::ManyFlowsComparison;
using ::culturetrade::testing::OpenUpload;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kBigFlows = 400'000;

v1::AnalyzeBalanceRequest BigBalance() { return ManyFlowsBalance("big"); }

// One store with a large dataset, made once; each test starts servers on a copy of it.
class OperationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    template_dir_ = new std::string(MakeTempDir());
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(*template_dir_ + "/db");
    ASSERT_TRUE(s.ok()) << s.status();
    absl::StatusOr<v1::Dataset> big =
        ClientFor(s->endpoint()).UploadNewDataset("big", v1::Dataset(), ManyFlows(kBigFlows));
    ASSERT_TRUE(big.ok()) << big.status();
    EXPECT_EQ(s->StopWith(SIGTERM), 0);
  }
  void SetUp() override {
    dir_ = MakeTempDir();
    ASSERT_TRUE(testing::RunShell(absl::StrCat("cp ", *template_dir_, "/db ", dir_, "/db")));
  }
  ServerProcess Start(std::vector<std::string> flags = {}) {
    absl::StatusOr<ServerProcess> s =
        ServerProcess::Start(dir_ + "/db", std::move(flags), dir_ + "/log");
    EXPECT_TRUE(s.ok()) << s.status();
    return *std::move(s);
  }
  std::string Log() const { return ReadFile(dir_ + "/log"); }

  static std::string* template_dir_;
  std::string dir_;
};
std::string* OperationsTest::template_dir_ = nullptr;

// Prometheus text format: `name{labels} value` lines, keyed by everything before the value.
std::map<std::string, double> ParseMetrics(const std::string& text) {
  std::map<std::string, double> out;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    if (line[0] == '#') continue;
    const size_t space = line.rfind(' ');
    double value = 0;
    if (space != absl::string_view::npos && absl::SimpleAtod(line.substr(space + 1), &value)) {
      out[std::string(line.substr(0, space))] = value;
    }
  }
  return out;
}

TEST_F(OperationsTest, MetricsAreServedOnTheirOwnPort) {
  ServerProcess server = Start({"--metrics_address=127.0.0.1:0"});
  ASSERT_GT(server.metrics_port(), 0);
  Client client = ClientFor(server.endpoint());
  ASSERT_TRUE(client.ListDatasets().ok());
  ASSERT_TRUE(client.AnalyzeBalance(BigBalance()).ok());
  // The first analysis read the pair's blocks alone, and the whole dataset is being loaded in
  // the background for the next ones: the second is a hit once it is in.
  const auto scrape = [&] { return ParseMetrics(HttpGet(server.metrics_port(), "/metrics")); };
  for (int i = 0; i < 1000 && scrape()["culturetrade_cache_flows"] != kBigFlows; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  ASSERT_TRUE(client.AnalyzeBalance(BigBalance()).ok());
  EXPECT_EQ(client.GetDataset("datasets/none").status().code(), absl::StatusCode::kNotFound);
  const std::map<std::string, double> m = scrape();
  EXPECT_EQ(m.at(R"(culturetrade_rpc_total{code="OK",method="ListDatasets"})"), 1);
  EXPECT_EQ(m.at(R"(culturetrade_rpc_total{code="NOT_FOUND",method="GetDataset"})"), 1);
  EXPECT_EQ(m.at(R"(culturetrade_rpc_duration_seconds_count{method="AnalyzeBalance"})"), 2);
  EXPECT_EQ(m.at("culturetrade_rpc_in_flight"), 0);
  EXPECT_EQ(m.at("culturetrade_cache_misses_total"), 1);
  EXPECT_EQ(m.at("culturetrade_cache_hits_total"), 1);
  EXPECT_EQ(m.at("culturetrade_cache_flows"), kBigFlows);
  EXPECT_GE(m.at(R"(culturetrade_store_duration_seconds_count{operation="read_blocks"})"), 1);
}

TEST_F(OperationsTest, EachRpcLeavesOneJsonLogLine) {
  ServerProcess server = Start();
  Client client = ClientFor(server.endpoint());
  ASSERT_TRUE(client.GetDataset("datasets/big").ok());
  EXPECT_FALSE(client.GetDataset("nonsense").ok());
  EXPECT_EQ(server.StopWith(SIGTERM), 0);
  std::vector<std::string> rpc_lines;
  for (absl::string_view line : absl::StrSplit(Log(), '\n', absl::SkipEmpty())) {
    EXPECT_TRUE(line.front() == '{' && line.back() == '}') << line;
    if (absl::StrContains(line, R"("event":"rpc")")) rpc_lines.emplace_back(line);
  }
  ASSERT_EQ(rpc_lines.size(), 2u);
  for (const char* field : {R"("method":"GetDataset")", R"("code":"OK")", R"("duration_ms":)",
                            R"("peer":"ipv4:127.0.0.1:)", R"("dataset":"datasets/big")"}) {
    EXPECT_TRUE(absl::StrContains(rpc_lines[0], field)) << field << " in " << rpc_lines[0];
  }
  EXPECT_TRUE(absl::StrContains(rpc_lines[1], R"("code":"INVALID_ARGUMENT")"));
  for (const char* event : {R"("event":"start")", R"("event":"drain")", R"("event":"stop")"}) {
    EXPECT_TRUE(absl::StrContains(Log(), event)) << event;
  }
}

TEST_F(OperationsTest, SigtermLetsACallInFlightFinish) {
  ServerProcess server = Start({"--drain_grace=0s", "--metrics_address=127.0.0.1:0"});
  Client client = ClientFor(server.endpoint());
  ASSERT_TRUE(client.ListDatasets().ok());  // connected, so the analysis goes straight in
  auto analysis = std::async(std::launch::async,
                             [&] { return client.CompareExporters(ManyFlowsComparison("big")); });
  // The signal comes once the server has the call (a cold comparison loads the whole dataset,
  // so it stays in flight a while), however slowly a loaded machine gets it there.
  const auto in_flight = [&] {
    return ParseMetrics(HttpGet(server.metrics_port(), "/metrics"))["culturetrade_rpc_in_flight"];
  };
  while (in_flight() < 1 &&
         analysis.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
  }
  EXPECT_EQ(server.StopWith(SIGTERM), 0);
  absl::StatusOr<v1::CompareExportersResponse> r = analysis.get();
  EXPECT_TRUE(r.ok()) << r.status();
}

TEST_F(OperationsTest, ReadinessTurnsNotServingWhileDraining) {
  ServerProcess server = Start({"--drain_grace=3s"});
  ASSERT_EQ(HealthStatus(server.endpoint(), "culturetrade.readiness"), 1);
  kill(server.pid(), SIGTERM);
  int readiness = 1;
  for (int i = 0; i < 50 && readiness == 1; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
    readiness = HealthStatus(server.endpoint(), "culturetrade.readiness");
  }
  EXPECT_EQ(readiness, 2);
  // Liveness stays SERVING, so the pod is not restarted while it drains, and calls still work
  // during the grace.
  EXPECT_EQ(HealthStatus(server.endpoint(), "culturetrade.liveness"), 1);
  EXPECT_TRUE(ClientFor(server.endpoint()).ListDatasets().ok());
  EXPECT_EQ(server.StopWith(SIGTERM), 0);
}

TEST_F(OperationsTest, OverCapacityIsRefusedAtOnce) {
  ServerProcess server = Start({"--max_concurrent_calls=1"});
  Client client = ClientFor(server.endpoint());
  // A slow call (a cold load) and quick ones beside it: with one slot, whichever comes second
  // while another is served must be refused, not queued.
  auto slow = std::async(std::launch::async,
                         [&] { return client.CompareExporters(ManyFlowsComparison("big")); });
  int refused = 0, served = 0;
  while (slow.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
    const absl::StatusCode code = client.ListDatasets().status().code();
    ASSERT_TRUE(code == absl::StatusCode::kOk || code == absl::StatusCode::kResourceExhausted)
        << code;
    (code == absl::StatusCode::kOk ? served : refused) += 1;
  }
  const absl::StatusCode slow_code = slow.get().status().code();
  ASSERT_TRUE(slow_code == absl::StatusCode::kOk ||
              slow_code == absl::StatusCode::kResourceExhausted)
      << slow_code;
  if (slow_code == absl::StatusCode::kResourceExhausted) ++refused;
  EXPECT_GT(refused, 0) << served << " calls were served and none refused";
}

TEST_F(OperationsTest, AnOversizedRequestIsRefused) {
  ServerProcess server = Start({"--max_message_bytes=100000"});
  v1::Dataset d;
  for (v1::TradeFlow& f : ManyFlows(5000)) *d.add_flows() = f;
  absl::StatusOr<v1::Dataset> created = ClientFor(server.endpoint()).CreateDataset("huge", d);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kResourceExhausted);
  // Streamed in chunks under the limit, the same flows are accepted.
  Options o;
  o.endpoint = server.endpoint();
  o.upload_chunk_flows = 200;
  std::vector<v1::TradeFlow> flows(d.flows().begin(), d.flows().end());
  EXPECT_TRUE(Client(MakeConnection(o)).UploadNewDataset("huge", v1::Dataset(), flows).ok());
}

TEST_F(OperationsTest, AnUploadCancelledByItsClientLeavesNothingBehind) {
  ServerProcess server = Start();
  OpenUpload upload(server.endpoint(), "abandoned");
  ASSERT_TRUE(upload.sent());
  EXPECT_EQ(upload.Cancel(), grpc::StatusCode::CANCELLED);
  EXPECT_EQ(ClientFor(server.endpoint()).GetDataset("datasets/abandoned").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(OperationsTest, FlagsCanComeFromTheEnvironment) {
  setenv("CULTURETRADE_MAX_PAGE_SIZE", "5", 1);
  ServerProcess server = Start();
  unsetenv("CULTURETRADE_MAX_PAGE_SIZE");
  EXPECT_EQ(ClientFor(server.endpoint()).ListDatasets(6).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(ClientFor(server.endpoint()).ListDatasets(5).ok());
}

TEST_F(OperationsTest, HelpListsEveryFlagWithItsDefaultAndVariable) {
  const CommandResult help = RunCommand({CT_SERVER_BIN, "--help"});
  const std::string text = help.out + help.err;
  for (const char* flag : {"address",
                           "port_file",
                           "db",
                           "store",
                           "store_file",
                           "store_pool_size",
                           "seed",
                           "tls_cert_file",
                           "tls_key_file",
                           "tls_client_ca_file",
                           "token_file",
                           "metrics_address",
                           "drain_grace",
                           "drain_timeout",
                           "max_concurrent_calls",
                           "max_message_bytes",
                           "max_connection_age",
                           "max_connection_age_grace",
                           "cache_flows",
                           "max_page_size",
                           "max_flows_per_dataset"}) {
    EXPECT_THAT(text, HasSubstr(absl::StrCat("--", flag, " ("))) << flag;
    EXPECT_THAT(text, HasSubstr(absl::AsciiStrToUpper(absl::StrCat("CULTURETRADE_", flag))))
        << flag;
  }
  EXPECT_THAT(text, HasSubstr("default: \"127.0.0.1:50051\""));
  EXPECT_THAT(text, Not(HasSubstr("No flags matched")));
}

TEST_F(OperationsTest, TheStoreCanBeNamedInAFile) {
  // As a Kubernetes Secret would mount it: the URL in a file, with a trailing newline.
  std::ofstream(dir_ + "/store") << "sqlite://" << dir_ << "/db\n";
  ServerProcess server = Start({"--store_file=" + dir_ + "/store", "--db=" + dir_ + "/other"});
  absl::StatusOr<v1::Dataset> big = ClientFor(server.endpoint()).GetDataset("datasets/big");
  ASSERT_TRUE(big.ok()) << big.status();
  EXPECT_EQ(big->flow_count(), kBigFlows);
  EXPECT_FALSE(
      ServerProcess::Start(dir_ + "/x", {"--store_file=" + dir_ + "/missing"}, dir_ + "/log2")
          .ok());
}

TEST_F(OperationsTest, AgedConnectionsAreClosedAndClientsCarryOn) {
  ServerProcess server = Start({"--max_connection_age=500ms", "--max_connection_age_grace=1s"});
  Client client = ClientFor(server.endpoint());
  for (int i = 0; i < 8; ++i) {
    absl::Status s = client.ListDatasets().status();
    EXPECT_TRUE(s.ok()) << i << ": " << s;
    absl::SleepFor(absl::Milliseconds(250));
  }
}

}  // namespace
}  // namespace culturetrade
