#include "client/retry_policy.h"

namespace culturetrade {

std::unique_ptr<RetryPolicy> LimitedErrorCountRetryPolicy::Clone() const {
  return std::make_unique<LimitedErrorCountRetryPolicy>(maximum_failures_);
}

bool LimitedErrorCountRetryPolicy::OnFailure(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kUnavailable) return false;
  return ++failures_ <= maximum_failures_;
}

}  // namespace culturetrade
