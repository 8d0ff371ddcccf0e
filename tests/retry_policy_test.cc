#include "client/retry_policy.h"

#include <gtest/gtest.h>

namespace culturetrade {
namespace {

TEST(LimitedErrorCountRetryPolicyTest, RetriesUnavailableUpToTheLimit) {
  LimitedErrorCountRetryPolicy policy(2);
  EXPECT_TRUE(policy.OnFailure(absl::UnavailableError("down")));
  EXPECT_TRUE(policy.OnFailure(absl::UnavailableError("down")));
  EXPECT_FALSE(policy.OnFailure(absl::UnavailableError("down")));
}

TEST(LimitedErrorCountRetryPolicyTest, OtherCodesAreNotRetried) {
  LimitedErrorCountRetryPolicy policy(5);
  EXPECT_FALSE(policy.OnFailure(absl::InvalidArgumentError("bad")));
  EXPECT_FALSE(policy.OnFailure(absl::DeadlineExceededError("late")));
  EXPECT_FALSE(policy.OnFailure(absl::InternalError("bug")));
}

TEST(LimitedErrorCountRetryPolicyTest, ZeroDisablesRetries) {
  LimitedErrorCountRetryPolicy policy(0);
  EXPECT_FALSE(policy.OnFailure(absl::UnavailableError("down")));
}

TEST(LimitedErrorCountRetryPolicyTest, ACloneCountsItsOwnFailures) {
  LimitedErrorCountRetryPolicy policy(1);
  EXPECT_TRUE(policy.OnFailure(absl::UnavailableError("down")));
  std::unique_ptr<RetryPolicy> clone = policy.Clone();
  EXPECT_TRUE(clone->OnFailure(absl::UnavailableError("down")));
  EXPECT_FALSE(clone->OnFailure(absl::UnavailableError("down")));
  EXPECT_EQ(policy.maximum_failures(), 1);
}

}  // namespace
}  // namespace culturetrade
