// How long a call pauses after a failed attempt before the next one. Set one as
// Options::backoff_policy; each call works on its own Clone(), so one policy serves every call.
#ifndef CULTURETRADE_CLIENT_BACKOFF_POLICY_H_
#define CULTURETRADE_CLIENT_BACKOFF_POLICY_H_

#include <memory>

#include "absl/time/time.h"

namespace culturetrade {

class BackoffPolicy {
 public:
  virtual ~BackoffPolicy() = default;

  // A policy with this one's settings, starting over from the first pause.
  virtual std::unique_ptr<BackoffPolicy> Clone() const = 0;
  // The pause after the attempt that just failed.
  virtual absl::Duration OnCompletion() = 0;
};

// Exponential backoff with full jitter: the n-th pause is uniform in
// [0, min(maximum, initial * multiplier^(n-1))]. The jitter spreads apart the clients that one
// outage made fail together, so that they do not all come back at once.
class ExponentialBackoffPolicy : public BackoffPolicy {
 public:
  ExponentialBackoffPolicy(absl::Duration initial, absl::Duration maximum, double multiplier)
      : initial_(initial), maximum_(maximum), multiplier_(multiplier), bound_(initial) {}

  std::unique_ptr<BackoffPolicy> Clone() const override;
  absl::Duration OnCompletion() override;

 private:
  absl::Duration initial_;
  absl::Duration maximum_;
  double multiplier_;
  absl::Duration bound_;  // of the next pause
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_BACKOFF_POLICY_H_
