#include "service/api/server_call_liveness.h"

#include <chrono>

namespace culturetrade {

absl::Status ServerCallLiveness::Check() const {
  if (!context_.IsCancelled()) return absl::OkStatus();
  if (context_.deadline() <= std::chrono::system_clock::now()) {
    return absl::DeadlineExceededError("the caller's deadline passed; work stopped");
  }
  return absl::CancelledError("the caller cancelled the call; work stopped");
}

}  // namespace culturetrade
