// What every RPC passes through: admission (token and role, capacity, draining), then one
// report to the CallObserver when it ends. The call's liveness (deadline and cancellation) is
// handed to the body explicitly.
#ifndef CULTURETRADE_SERVICE_API_RPC_GATE_H_
#define CULTURETRADE_SERVICE_API_RPC_GATE_H_

#include <grpcpp/server_context.h>

#include <atomic>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "service/api/access_policy.h"
#include "service/api/call_executor.h"
#include "service/api/call_observer.h"
#include "service/api/server_call_liveness.h"

namespace culturetrade {

class RpcGate {
 public:
  // `access` null: no authentication (local use).
  RpcGate(AccessPolicy* access, CallObserver& observer, int max_concurrent_calls)
      : access_(access), observer_(observer), max_concurrent_calls_(max_concurrent_calls) {}

  // Runs `body(const CallLiveness&)` (returning grpc::Status) if the call is admitted, and
  // accounts for it.
  template <typename Body>
  grpc::Status Serve(grpc::ServerContextBase* context, const char* method, Role needed,
                     const std::string& dataset, Body&& body) {
    Call call(*this, context, method, dataset);
    absl::Status admitted = call.Admit(needed);
    if (!admitted.ok()) return call.Finish(Refusal(admitted));
    const ServerCallLiveness alive(*context);
    return call.Finish(body(static_cast<const CallLiveness&>(alive)));
  }

  // The same for a unary call of the callback API: admission on gRPC's thread, which must not
  // block, then the body on one of `executor`'s workers, which finishes the call.
  template <typename Body>
  grpc::ServerUnaryReactor* ServeUnary(grpc::CallbackServerContext* context, const char* method,
                                       Role needed, const std::string& dataset,
                                       CallExecutor& executor, Body&& body) {
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    auto call = std::make_unique<Call>(*this, context, method, dataset);
    absl::Status admitted = call->Admit(needed);
    if (!admitted.ok()) {
      reactor->Finish(call->Finish(Refusal(admitted)));
      return reactor;
    }
    executor.Submit(
        [call = std::move(call), context, reactor, body = std::forward<Body>(body)]() mutable {
          const ServerCallLiveness alive(*context);
          reactor->Finish(call->Finish(body(static_cast<const CallLiveness&>(alive))));
        });
    return reactor;
  }

  // After this, new calls are refused with UNAVAILABLE while those in flight finish.
  void StartRefusing() { refusing_ = true; }
  int in_flight() const { return in_flight_.load(); }

 private:
  class Call {
   public:
    Call(RpcGate& gate, grpc::ServerContextBase* context, const char* method,
         const std::string& dataset)
        : gate_(gate), context_(context), method_(method), dataset_(dataset) {}
    absl::Status Admit(Role needed);
    grpc::Status Finish(grpc::Status status);

   private:
    RpcGate& gate_;
    grpc::ServerContextBase* context_;
    const char* method_;
    const std::string& dataset_;
    absl::Time start_ = absl::Now();
    bool counted_ = false;
  };
  static grpc::Status Refusal(const absl::Status& status);

  AccessPolicy* access_;
  CallObserver& observer_;
  const int max_concurrent_calls_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> refusing_{false};
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_RPC_GATE_H_
