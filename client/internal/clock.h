// The time and the sleeping a retry loop uses: absl's, or a test's fake that only pretends to
// sleep, so that retry tests neither wait nor depend on the machine's speed.
#ifndef CULTURETRADE_CLIENT_INTERNAL_CLOCK_H_
#define CULTURETRADE_CLIENT_INTERNAL_CLOCK_H_

#include <functional>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace culturetrade {
namespace internal {

struct Clock {
  std::function<absl::Time()> now = [] { return absl::Now(); };
  std::function<void(absl::Duration)> sleep = [](absl::Duration d) { absl::SleepFor(d); };
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_CLOCK_H_
