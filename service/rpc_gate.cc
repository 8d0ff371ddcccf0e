#include "service/rpc_gate.h"

#include <chrono>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "proto/status_convert.h"
#include "service/call_liveness.h"
#include "service/json_log.h"

namespace culturetrade {
namespace {

thread_local grpc::ServerContext* current_call = nullptr;

const char* CodeName(grpc::StatusCode code) {
  static const char* const kNames[] = {
      "OK",      "CANCELLED",          "UNKNOWN",           "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",   "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};
  const int i = static_cast<int>(code);
  return i >= 0 && i <= 16 ? kNames[i] : "UNKNOWN";
}

// The bearer token of the call, or empty. The scheme's name is case-insensitive (RFC 7235), so
// `bearer TOKEN` is as good as `Bearer TOKEN`.
absl::string_view BearerToken(const grpc::ServerContext& context) {
  constexpr absl::string_view kScheme = "Bearer ";
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::StartsWithIgnoreCase(value, kScheme)) return {};
  return value.substr(kScheme.size());
}

}  // namespace

absl::Status CheckCallAlive() {
  if (current_call == nullptr || !current_call->IsCancelled()) return absl::OkStatus();
  if (current_call->deadline() <= std::chrono::system_clock::now()) {
    return absl::DeadlineExceededError("the caller's deadline passed; work stopped");
  }
  return absl::CancelledError("the caller cancelled the call; work stopped");
}

grpc::Status RpcGate::Refusal(const absl::Status& status) { return ToGrpcStatus(status); }

RpcGate::Call::Call(RpcGate& gate, grpc::ServerContext* context, const char* method,
                    const std::string& dataset)
    : gate_(gate), context_(context), method_(method), dataset_(dataset), start_(absl::Now()) {
  current_call = context;
}

absl::Status RpcGate::Call::Admit(Role needed) {
  if (gate_.tokens_ != nullptr) {
    const Role role = gate_.tokens_->RoleOf(BearerToken(*context_));
    if (role == Role::kNone) {
      return absl::UnauthenticatedError(
          "send a valid bearer token in the authorization metadata");
    }
    if (role < needed) {
      return absl::PermissionDeniedError(
          absl::StrCat(method_, " needs a writer's token; this one is a reader's"));
    }
  }
  if (gate_.refusing_) return absl::UnavailableError("the server is shutting down; retry elsewhere");
  // Over capacity the answer is immediate, so callers back off instead of queueing unbounded.
  if (gate_.in_flight_.fetch_add(1) >= gate_.max_concurrent_calls_) {
    gate_.in_flight_.fetch_sub(1);
    return absl::ResourceExhaustedError(absl::StrCat(
        "the server is at its limit of ", gate_.max_concurrent_calls_,
        " concurrent calls; retry with backoff"));
  }
  counted_ = true;
  if (gate_.metrics_ != nullptr) gate_.metrics_->CallStarted();
  return absl::OkStatus();
}

grpc::Status RpcGate::Call::Finish(grpc::Status status) {
  current_call = nullptr;
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start_);
  const char* code = CodeName(status.error_code());
  if (counted_) {
    gate_.in_flight_.fetch_sub(1);
    if (gate_.metrics_ != nullptr) gate_.metrics_->CallEnded();
  }
  if (gate_.metrics_ != nullptr) gate_.metrics_->CallFinished(method_, code, seconds);
  LogJson(status.ok() ? "INFO" : "WARNING", "rpc",
          {{"method", method_},
           {"code", code},
           {"duration_ms", absl::StrFormat("%.3f", seconds * 1000), true},
           {"peer", context_->peer()},
           {"dataset", dataset_},
           {"message", status.error_message()}});
  return status;
}

}  // namespace culturetrade
