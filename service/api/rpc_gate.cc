#include "service/api/rpc_gate.h"

#include <chrono>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "proto/status_convert.h"

namespace culturetrade {
namespace {

// The bearer token of the call, or empty. The scheme's name is case-insensitive (RFC 7235), so
// `bearer TOKEN` is as good as `Bearer TOKEN`.
absl::string_view BearerToken(const grpc::ServerContextBase& context) {
  constexpr absl::string_view kScheme = "Bearer ";
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::StartsWithIgnoreCase(value, kScheme)) return {};
  return value.substr(kScheme.size());
}

}  // namespace

grpc::Status RpcGate::Refusal(const absl::Status& status) { return ToGrpcStatus(status); }

absl::Status RpcGate::Call::Admit(Role needed) {
  if (gate_.access_ != nullptr) {
    const Role role = gate_.access_->RoleOf(BearerToken(*context_));
    if (role == Role::kNone) {
      return absl::UnauthenticatedError("send a valid bearer token in the authorization metadata");
    }
    if (role < needed) {
      return absl::PermissionDeniedError(
          absl::StrCat(method_, " needs a writer's token; this one is a reader's"));
    }
  }
  if (gate_.refusing_)
    return absl::UnavailableError("the server is shutting down; retry elsewhere");
  // Over capacity the answer is immediate, so callers back off instead of queueing unbounded.
  if (gate_.in_flight_.fetch_add(1) >= gate_.max_concurrent_calls_) {
    gate_.in_flight_.fetch_sub(1);
    return absl::ResourceExhaustedError(absl::StrCat("the server is at its limit of ",
                                                     gate_.max_concurrent_calls_,
                                                     " concurrent calls; retry with backoff"));
  }
  counted_ = true;
  gate_.observer_.CallStarted();
  return absl::OkStatus();
}

grpc::Status RpcGate::Call::Finish(grpc::Status status) {
  // The caller has already been told DEADLINE_EXCEEDED; logs and metrics say the same rather
  // than an OK nobody received. A clock read, not IsCancelled(), which polls the queue.
  if (status.ok() && context_->deadline() <= std::chrono::system_clock::now()) {
    status = grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                          "the answer was ready after the caller's deadline");
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start_);
  if (counted_) {
    gate_.in_flight_.fetch_sub(1);
    gate_.observer_.CallEnded();
  }
  const std::string peer = context_->peer();
  gate_.observer_.CallFinished(FinishedCall{method_, static_cast<int>(status.error_code()), seconds,
                                            peer, dataset_, status.error_message(), status.ok()});
  return status;
}

}  // namespace culturetrade
