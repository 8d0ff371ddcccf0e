// What every RPC passes through: admission (token and role, capacity, draining), then one
// structured log line and its metrics when it ends. It also records the call for
// CheckCallAlive (call_liveness.h).
#ifndef CULTURETRADE_SERVICE_RPC_GATE_H_
#define CULTURETRADE_SERVICE_RPC_GATE_H_

#include <grpcpp/server_context.h>

#include <atomic>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "service/access_tokens.h"
#include "service/server_metrics.h"

namespace culturetrade {

class RpcGate {
 public:
  // `tokens` null: no authentication (local use). `metrics` may be null.
  RpcGate(AccessTokens* tokens, ServerMetrics* metrics, int max_concurrent_calls)
      : tokens_(tokens), metrics_(metrics), max_concurrent_calls_(max_concurrent_calls) {}

  // Runs `body` (returning grpc::Status) if the call is admitted, and accounts for it.
  template <typename Body>
  grpc::Status Serve(grpc::ServerContext* context, const char* method, Role needed,
                     const std::string& dataset, Body&& body) {
    Call call(*this, context, method, dataset);
    absl::Status admitted = call.Admit(needed);
    return call.Finish(admitted.ok() ? body() : Refusal(admitted));
  }

  // After this, new calls are refused with UNAVAILABLE while those in flight finish.
  void StartRefusing() { refusing_ = true; }
  int in_flight() const { return in_flight_.load(); }

 private:
  class Call {
   public:
    Call(RpcGate& gate, grpc::ServerContext* context, const char* method,
         const std::string& dataset);
    absl::Status Admit(Role needed);
    grpc::Status Finish(grpc::Status status);

   private:
    RpcGate& gate_;
    grpc::ServerContext* context_;
    const char* method_;
    const std::string& dataset_;
    absl::Time start_;
    bool counted_ = false;
  };
  static grpc::Status Refusal(const absl::Status& status);

  AccessTokens* tokens_;
  ServerMetrics* metrics_;
  const int max_concurrent_calls_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> refusing_{false};
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_RPC_GATE_H_
