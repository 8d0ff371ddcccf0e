#include "client/backoff_policy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace culturetrade {
namespace {

// The largest of many pauses of each policy's n-th completion, for n = 1..count.
std::vector<absl::Duration> LargestPauses(const BackoffPolicy& prototype, int count) {
  std::vector<absl::Duration> largest(count, absl::ZeroDuration());
  for (int sample = 0; sample < 500; ++sample) {
    std::unique_ptr<BackoffPolicy> policy = prototype.Clone();
    for (int n = 0; n < count; ++n) largest[n] = std::max(largest[n], policy->OnCompletion());
  }
  return largest;
}

TEST(ExponentialBackoffPolicyTest, PausesGrowByTheMultiplierUpToTheMaximum) {
  const ExponentialBackoffPolicy policy(absl::Milliseconds(100), absl::Milliseconds(400), 2.0);
  const std::vector<absl::Duration> bounds = {absl::Milliseconds(100), absl::Milliseconds(200),
                                              absl::Milliseconds(400), absl::Milliseconds(400)};
  const std::vector<absl::Duration> largest = LargestPauses(policy, 4);
  for (size_t n = 0; n < bounds.size(); ++n) {
    EXPECT_LE(largest[n], bounds[n]) << n;
    // Full jitter spans [0, bound]: out of 500 draws one lands in the top fifth.
    EXPECT_GT(largest[n], bounds[n] * 0.8) << n;
  }
}

TEST(ExponentialBackoffPolicyTest, PausesAreJittered) {
  ExponentialBackoffPolicy policy(absl::Seconds(1), absl::Seconds(1), 1.0);
  std::vector<absl::Duration> pauses;
  pauses.reserve(10);
  for (int i = 0; i < 10; ++i) pauses.push_back(policy.OnCompletion());
  std::sort(pauses.begin(), pauses.end());
  EXPECT_GE(pauses.front(), absl::ZeroDuration());
  EXPECT_LT(pauses.front(), pauses.back());
}

TEST(ExponentialBackoffPolicyTest, ACloneStartsOver) {
  ExponentialBackoffPolicy policy(absl::Milliseconds(1), absl::Seconds(10), 10.0);
  for (int i = 0; i < 3; ++i) (void)policy.OnCompletion();
  for (int i = 0; i < 100; ++i) EXPECT_LE(policy.Clone()->OnCompletion(), absl::Milliseconds(1));
}

}  // namespace
}  // namespace culturetrade
