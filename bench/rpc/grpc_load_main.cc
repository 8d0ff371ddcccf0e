// culturetrade-bench-grpc-load: drives one unary gRPC method with many request bodies (see
// bench/rpc/grpc_load.h) and prints one JSON object: requests per second over the measured
// span, p50 and p99 latency of the calls started in it, and every call's gRPC status.
//
//   culturetrade-bench-grpc-load --target=127.0.0.1:PORT
//     --method=/culturetrade.v1.AnalysisService/AnalyzeBalance --bodies=FILE
//     --connections=4 --in_flight=16 --duration=20s --warmup=3s [--rate=5000] [--order=random]
//
// FILE holds the request bodies one after the other as gRPC frames: a zero byte (not
// compressed), the message's length in 4 bytes, big-endian, then the serialized message; the
// output of culturetrade-grpc-frame or culturetrade-bench-mixed-fleet.
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bench/rpc/grpc_load.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "the server, host:port");
ABSL_FLAG(std::string, method, "", "the method's path, /package.Service/Method");
ABSL_FLAG(std::string, bodies, "", "the request bodies, gRPC frames one after the other");
ABSL_FLAG(int, connections, 4, "connections (channels)");
ABSL_FLAG(int, in_flight, 16, "calls in flight on each connection");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "the measured span");
ABSL_FLAG(absl::Duration, warmup, absl::ZeroDuration(), "load before the measured span");
ABSL_FLAG(double, rate, 0, "calls per second in all; 0: as fast as the server answers");
ABSL_FLAG(std::string, order, "round_robin", "how calls pick bodies: round_robin or random");

namespace culturetrade::bench {
namespace {

absl::StatusOr<std::vector<grpc::ByteBuffer>> ReadBodies(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read --bodies ", path));
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<grpc::ByteBuffer> bodies;
  for (size_t at = 0; at < data.size();) {
    const std::string where = absl::StrCat(path, ": frame ", bodies.size(), " at byte ", at);
    if (data.size() - at < 5) return absl::InvalidArgumentError(where + " is cut short");
    if (data[at] != 0) return absl::InvalidArgumentError(where + " is compressed");
    uint32_t size = 0;
    for (int i = 1; i <= 4; ++i) size = (size << 8) | static_cast<unsigned char>(data[at + i]);
    if (data.size() - at - 5 < size) {
      return absl::InvalidArgumentError(absl::StrCat(where, " says ", size, " bytes, has fewer"));
    }
    grpc::Slice slice(data.data() + at + 5, size);
    bodies.emplace_back(&slice, 1);
    at += 5 + size;
  }
  if (bodies.empty()) return absl::InvalidArgumentError(absl::StrCat(path, " holds no frame"));
  return bodies;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto n = static_cast<int64_t>(sorted.size());
  const int64_t rank = std::llround(p / 100 * static_cast<double>(n)) - 1;
  return sorted[static_cast<size_t>(std::clamp<int64_t>(rank, 0, n - 1))];
}

void PrintResult(const LoadResult& r, const LoadOptions& options) {
  const int64_t ok = r.codes.count("OK") ? r.codes.at("OK") : 0;
  int64_t all = 0;
  for (const auto& [code, n] : r.codes) all += n;
  std::vector<std::string> codes;
  for (const auto& [code, n] : r.codes) codes.push_back(absl::StrCat("\"", code, "\": ", n));
  std::cout << "{\"seconds\": " << r.seconds << ", \"rps\": " << r.measured / r.seconds
            << ", \"measured\": " << r.measured << ", \"succeeded\": " << ok
            << ", \"failed\": " << all - ok << ", \"codes\": {" << absl::StrJoin(codes, ", ")
            << "}, \"rate\": " << options.rate << ", \"logged\": " << r.latencies_ms.size()
            << ", \"p50_ms\": " << Percentile(r.latencies_ms, 50)
            << ", \"p99_ms\": " << Percentile(r.latencies_ms, 99) << "}" << std::endl;
}

absl::StatusOr<LoadOptions> OptionsFromFlags() {
  LoadOptions o;
  o.target = absl::GetFlag(FLAGS_target);
  o.method = absl::GetFlag(FLAGS_method);
  o.connections = absl::GetFlag(FLAGS_connections);
  o.in_flight = absl::GetFlag(FLAGS_in_flight);
  o.duration = absl::GetFlag(FLAGS_duration);
  o.warmup = absl::GetFlag(FLAGS_warmup);
  o.rate = absl::GetFlag(FLAGS_rate);
  const std::string order = absl::GetFlag(FLAGS_order);
  o.random_order = order == "random";
  if (o.method.empty() || o.method[0] != '/') {
    return absl::InvalidArgumentError("--method must be a path, /package.Service/Method");
  }
  if (o.connections < 1 || o.in_flight < 1) {
    return absl::InvalidArgumentError("--connections and --in_flight must be at least 1");
  }
  if (o.duration <= absl::ZeroDuration() || o.warmup < absl::ZeroDuration() || o.rate < 0) {
    return absl::InvalidArgumentError(
        "--duration must be positive, --warmup and --rate not "
        "negative");
  }
  if (order != "round_robin" && order != "random") {
    return absl::InvalidArgumentError("--order must be round_robin or random");
  }
  return o;
}

int Main() {
  absl::StatusOr<LoadOptions> options = OptionsFromFlags();
  absl::StatusOr<std::vector<grpc::ByteBuffer>> bodies =
      options.ok() ? ReadBodies(absl::GetFlag(FLAGS_bodies)) : options.status();
  absl::StatusOr<LoadResult> result = bodies.ok() ? RunLoad(*options, *bodies) : bodies.status();
  if (!result.ok()) {
    std::cerr << "culturetrade-bench-grpc-load: " << result.status().message() << "\n";
    return 1;
  }
  PrintResult(*result, *options);
  return 0;
}

}  // namespace
}  // namespace culturetrade::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return culturetrade::bench::Main();
}
