// Which failed attempts of a call may be followed by another. Set one as
// Options::retry_policy; each call works on its own Clone(), so one policy serves every call.
#ifndef CULTURETRADE_CLIENT_RETRY_POLICY_H_
#define CULTURETRADE_CLIENT_RETRY_POLICY_H_

#include <memory>

#include "absl/status/status.h"

namespace culturetrade {

class RetryPolicy {
 public:
  virtual ~RetryPolicy() = default;

  // A policy with this one's settings and no failures counted yet.
  virtual std::unique_ptr<RetryPolicy> Clone() const = 0;
  // Counts a failed attempt; true when the call may try again.
  virtual bool OnFailure(const absl::Status& status) = 0;
};

// Retries up to `maximum_failures` transient failures: UNAVAILABLE, the one code that says the
// server or the way to it is down for now. Any other failure ends the call at once, as trying
// again would meet the same answer. Zero disables retries.
class LimitedErrorCountRetryPolicy : public RetryPolicy {
 public:
  explicit LimitedErrorCountRetryPolicy(int maximum_failures)
      : maximum_failures_(maximum_failures) {}

  std::unique_ptr<RetryPolicy> Clone() const override;
  bool OnFailure(const absl::Status& status) override;

  int maximum_failures() const { return maximum_failures_; }

 private:
  int maximum_failures_;
  int failures_ = 0;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_RETRY_POLICY_H_
