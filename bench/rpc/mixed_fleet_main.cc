// culturetrade-bench-mixed-fleet: creates the mixed workload's datasets (bench/rpc/mixed_fleet.h)
// on a server through the SDK, one CreateDataset each, and writes one AnalyzeBalance request per
// dataset to a file as gRPC frames (a 5-byte header, then the message), the bodies
// culturetrade-bench-grpc-load sends. Prints one JSON object: datasets, flows and seconds.
//
//   culturetrade-bench-mixed-fleet --endpoint=127.0.0.1:PORT --datasets=1000 --bodies=FILE
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "bench/rpc/mixed_fleet.h"
#include "client/client.h"

ABSL_FLAG(std::string, endpoint, "127.0.0.1:50051", "the server");
ABSL_FLAG(int, datasets, 1000, "datasets to create, mixed-0000 onwards");
ABSL_FLAG(std::string, bodies, "", "where to write the requests, one gRPC frame each");

namespace culturetrade::bench {
namespace {

void WriteFrame(const std::string& payload, std::ostream& out) {
  const auto size = static_cast<uint32_t>(payload.size());
  // Uncompressed flag, then the length in network byte order.
  const char header[5] = {0, static_cast<char>(size >> 24), static_cast<char>(size >> 16),
                          static_cast<char>(size >> 8), static_cast<char>(size)};
  out.write(header, 5).write(payload.data(), static_cast<std::streamsize>(payload.size()));
}

int CreateFleet(const std::string& endpoint, int datasets, const std::string& bodies_path) {
  std::ofstream bodies(bodies_path, std::ios::binary);
  if (!bodies) {
    std::cerr << "culturetrade-bench-mixed-fleet: cannot write " << bodies_path << "\n";
    return 1;
  }
  Options options;
  options.endpoint = endpoint;
  Client client(MakeConnection(options));
  const absl::Time start = absl::Now();
  int64_t flows = 0;
  for (int d = 0; d < datasets; ++d) {
    const FleetDataset fleet = MixedFleetDataset(d);
    absl::StatusOr<v1::Dataset> created = client.CreateDataset(fleet.id, fleet.dataset);
    if (!created.ok()) {
      std::cerr << "culturetrade-bench-mixed-fleet: " << fleet.id << ": " << created.status()
                << "\n";
      return 1;
    }
    flows += fleet.dataset.flows_size();
    WriteFrame(fleet.analysis.SerializeAsString(), bodies);
  }
  bodies.close();
  if (!bodies) {
    std::cerr << "culturetrade-bench-mixed-fleet: cannot write " << bodies_path << "\n";
    return 1;
  }
  std::cout << "{\"datasets\": " << datasets << ", \"flows\": " << flows
            << ", \"create_s\": " << absl::ToDoubleSeconds(absl::Now() - start) << "}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::CreateFleet(
      absl::GetFlag(FLAGS_endpoint), absl::GetFlag(FLAGS_datasets), absl::GetFlag(FLAGS_bodies));
}
