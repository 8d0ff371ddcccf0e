// culturetrade-bench-ingest: uploads the first N flows of the benchmark world as a new dataset
// through the SDK (Client::UploadNewDataset) and prints, as one JSON object, how long the
// upload took. With --profile it then replays, in this process and chunk by chunk, the work
// the upload consists of, so a slow upload can be put down to a phase: the SDK copying and
// serializing chunks, the server parsing and validating them (the store's write time is the
// server's culturetrade_store_duration_seconds metric).
//
//   culturetrade-bench-ingest --endpoint=127.0.0.1:PORT --flows=1000000 --dataset=world-1m
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/rpc/world_trade_flows.h"
#include "client/client.h"
#include "service/model/validation.h"

ABSL_FLAG(std::string, endpoint, "127.0.0.1:50051", "the server");
ABSL_FLAG(int64_t, flows, 1000, "flows to upload, the first of the world");
ABSL_FLAG(std::string, dataset, "world", "the id of the dataset to create");
ABSL_FLAG(bool, profile, false, "also time the upload's phases in this process");

namespace culturetrade::bench {
namespace {

struct Phases {
  double client_s = 0;    // copying flows into chunk messages and serializing them
  double parse_s = 0;     // parsing the chunks back, as the server does
  double validate_s = 0;  // the server's validation of every flow
};

// The upload's per-chunk work, done here one phase at a time.
Phases ReplayUpload(const std::vector<v1::TradeFlow>& flows, size_t chunk) {
  Phases p;
  FlowKeySet seen;
  FieldViolations violations;
  for (size_t start = 0; start < flows.size(); start += chunk) {
    const size_t end = std::min(flows.size(), start + chunk);
    absl::Time t = absl::Now();
    v1::UploadFlowsRequest sent;
    for (size_t i = start; i < end; ++i) *sent.mutable_chunk()->add_flows() = flows[i];
    const std::string wire = sent.SerializeAsString();
    p.client_s += absl::ToDoubleSeconds(absl::Now() - t);
    t = absl::Now();
    v1::UploadFlowsRequest received;
    received.ParseFromString(wire);
    p.parse_s += absl::ToDoubleSeconds(absl::Now() - t);
    t = absl::Now();
    ValidateFlows(received.chunk().flows(), "chunk.", seen, violations);
    p.validate_s += absl::ToDoubleSeconds(absl::Now() - t);
  }
  return p;
}

int Ingest(const std::string& endpoint, int64_t n, const std::string& dataset, bool profile) {
  absl::Time t = absl::Now();
  const std::vector<v1::TradeFlow> flows = WorldTradeFlows(n);
  const double prepare_s = absl::ToDoubleSeconds(absl::Now() - t);

  Options options;
  options.endpoint = endpoint;
  options.timeout = absl::Hours(1);
  Client client(MakeConnection(options));
  t = absl::Now();
  absl::StatusOr<v1::Dataset> created =
      client.UploadNewDataset(dataset, WorldDatasetHeader(n), flows);
  const double upload_s = absl::ToDoubleSeconds(absl::Now() - t);
  if (!created.ok()) {
    std::cerr << "culturetrade-bench-ingest: " << created.status() << "\n";
    return 1;
  }
  std::cout << "{\"flows\": " << n << ", \"stored_flows\": " << created->flow_count()
            << ", \"prepare_s\": " << prepare_s << ", \"upload_s\": " << upload_s
            << ", \"chunk_flows\": " << options.upload_chunk_flows;
  if (profile) {
    const Phases p = ReplayUpload(flows, static_cast<size_t>(options.upload_chunk_flows));
    std::cout << ", \"client_s\": " << p.client_s << ", \"parse_s\": " << p.parse_s
              << ", \"validate_s\": " << p.validate_s;
  }
  std::cout << "}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::Ingest(absl::GetFlag(FLAGS_endpoint), absl::GetFlag(FLAGS_flows),
                                     absl::GetFlag(FLAGS_dataset), absl::GetFlag(FLAGS_profile));
}
