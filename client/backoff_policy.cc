#include "client/backoff_policy.h"

#include <algorithm>
#include <random>

namespace culturetrade {

std::unique_ptr<BackoffPolicy> ExponentialBackoffPolicy::Clone() const {
  return std::make_unique<ExponentialBackoffPolicy>(initial_, maximum_, multiplier_);
}

absl::Duration ExponentialBackoffPolicy::OnCompletion() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const absl::Duration pause = std::min(maximum_, bound_) * unit(rng);
  bound_ = std::min(maximum_, bound_ * multiplier_);
  return pause;
}

}  // namespace culturetrade
