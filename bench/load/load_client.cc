// culturetrade-load-client: the gRPC side of bench/load_test.sh, on the SDK, for what h2load
// cannot do (h2load repeats one body and counts HTTP 200 whatever the grpc-status says).
//
//   culturetrade-load-client request study|grid   the text of the AnalyzeBalance request
//                                                  h2load repeats, for culturetrade-grpc-frame
//   culturetrade-load-client prepare --endpoint=HOST:PORT
//       uploads the grid (flow_grid.h, 10^5 flows) as datasets/load-grid and checks its balance
//   culturetrade-load-client mix --endpoint=HOST:PORT --seconds=N [--uploaders=4 --samplers=2]
//       uploads, analyses and deletes datasets of its own and samples answers (mixed_load.h)
//   culturetrade-load-client flood --endpoint=HOST:PORT --seconds=N [--callers=16 --connections=4]
//       more calls than the server admits; refusal latency (overload_flood.h)
//   culturetrade-load-client scrape --metrics_port=PORT   prints the server's /metrics
//
// Exit code 0 when every call that should have succeeded did and every answer was right.
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "bench/load/flow_grid.h"
#include "bench/load/load_connection.h"
#include "bench/load/mixed_load.h"
#include "bench/load/overload_flood.h"
#include "bench/load/study_balance.h"
#include "google/protobuf/text_format.h"
#include "tests/test_process.h"

ABSL_FLAG(std::string, endpoint, "127.0.0.1:50051", "the server, host:port");
ABSL_FLAG(int, seconds, 10, "how long mix and flood run");
ABSL_FLAG(int, uploaders, 4, "mix: threads uploading, analysing and deleting datasets");
ABSL_FLAG(int, samplers, 2, "mix: threads checking answers");
ABSL_FLAG(int, callers, 16, "flood: threads calling at once");
ABSL_FLAG(int, connections, 4, "flood: HTTP/2 connections the callers share");
ABSL_FLAG(int, metrics_port, 0, "scrape: the server's metrics port");

namespace culturetrade::bench {
namespace {

constexpr char kGridId[] = "load-grid";
const std::string kGridDataset = std::string("datasets/") + kGridId;

int PrintRequest(const std::string& which) {
  if (which != "study" && which != "grid") return 2;
  std::string text;
  google::protobuf::TextFormat::Printer printer;
  printer.SetSingleLineMode(true);
  printer.PrintToString(
      which == "study" ? StudyBalanceRequest() : FlowGrid::BalanceRequest(kGridDataset), &text);
  std::cout << text << "\n";
  return 0;
}

// Uploads the grid, then analyses it once: the answer is checked while the server is quiet, and
// the load starts on a warm cache, as it would in service.
int Prepare() {
  const FlowGrid grid;
  Client client = LoadClient(absl::GetFlag(FLAGS_endpoint), 0);
  v1::Dataset meta;
  meta.set_display_name("load test grid");
  absl::StatusOr<v1::Dataset> created = client.UploadNewDataset(kGridId, meta, grid.Flows());
  if (!created.ok()) {
    std::cerr << "load client: uploading the grid: " << created.status() << "\n";
    return 1;
  }
  absl::StatusOr<v1::AnalyzeBalanceResponse> answer =
      client.AnalyzeBalance(FlowGrid::BalanceRequest(kGridDataset));
  absl::Status checked = answer.ok() ? grid.CheckBalance(*answer) : answer.status();
  if (!checked.ok()) {
    std::cerr << "load client: the grid's balance: " << checked << "\n";
    return 1;
  }
  std::cout << "uploaded and analysed " << created->name() << ": " << created->flow_count()
            << " flows\n";
  return 0;
}

int Scrape() {
  const std::string metrics = testing::HttpGet(absl::GetFlag(FLAGS_metrics_port), "/metrics");
  std::cout << metrics;
  return metrics.empty() ? 1 : 0;
}

int Run(const std::vector<char*>& args) {
  const std::string command = args.size() >= 2 ? args[1] : "";
  const absl::Duration duration = absl::Seconds(absl::GetFlag(FLAGS_seconds));
  if (command == "request" && args.size() == 3) return PrintRequest(args[2]);
  if (args.size() != 2) return 2;
  if (command == "prepare") return Prepare();
  if (command == "scrape") return Scrape();
  if (command == "mix") {
    return RunMixedLoad({absl::GetFlag(FLAGS_endpoint), duration, absl::GetFlag(FLAGS_uploaders),
                         absl::GetFlag(FLAGS_samplers), kGridDataset})
               ? 0
               : 1;
  }
  if (command == "flood") {
    return RunFlood({absl::GetFlag(FLAGS_endpoint), duration, absl::GetFlag(FLAGS_callers),
                     absl::GetFlag(FLAGS_connections), kGridDataset})
               ? 0
               : 1;
  }
  return 2;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "request study|grid | prepare | mix | flood | scrape [--flags]: the load test's client");
  const int code = culturetrade::bench::Run(absl::ParseCommandLine(argc, argv));
  if (code == 2)
    std::cerr << "usage: culturetrade-load-client request study|grid | prepare | "
                 "mix | flood | scrape [--flags]; --help for the flags\n";
  return code;
}
