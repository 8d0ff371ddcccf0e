// A gRPC load generator for one unary method over many request bodies, which h2load (one fixed
// body, HTTP status only) cannot be: it sends raw serialized requests through
// grpc::GenericStub on one completion queue polled by one thread, round robin or at random over the
// bodies, on `connections` channels with `in_flight` calls each, and counts every call's gRPC
// status.
#ifndef CULTURETRADE_BENCH_RPC_GRPC_LOAD_H_
#define CULTURETRADE_BENCH_RPC_GRPC_LOAD_H_

#include <grpcpp/support/byte_buffer.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace culturetrade::bench {

struct LoadOptions {
  std::string target;  // host:port
  std::string method;  // /package.Service/Method
  int connections = 4;
  int in_flight = 16;  // calls in flight on each connection
  absl::Duration duration = absl::Seconds(10);
  absl::Duration warmup = absl::ZeroDuration();  // before `duration`, not measured
  double rate = 0;  // calls per second in all; 0: a new call as soon as one ends
  bool random_order = false;
};

struct LoadResult {
  double seconds = 0;                    // the measured span
  int64_t measured = 0;                  // calls that ended in it
  std::vector<double> latencies_ms;      // of the calls that started in it, sorted
  std::map<std::string, int64_t> codes;  // every call's status by code name, warm-up included
};

// Runs the load on `bodies` (serialized requests, at least one). Fails only when a channel
// cannot connect; failed calls are counted in the result.
absl::StatusOr<LoadResult> RunLoad(const LoadOptions& options,
                                   const std::vector<grpc::ByteBuffer>& bodies);

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_RPC_GRPC_LOAD_H_
