// Whether the caller of the work at hand still waits, passed down explicitly from the RPC to
// long loops (loading, converting, validating) so they stop early once the caller's deadline
// has passed or it cancelled. Explicit rather than a thread-local: work may hop threads, and a
// function's signature then says that it can be cut short.
#ifndef CULTURETRADE_SERVICE_MODEL_CALL_LIVENESS_H_
#define CULTURETRADE_SERVICE_MODEL_CALL_LIVENESS_H_

#include "absl/status/status.h"

namespace culturetrade {

class CallLiveness {
 public:
  virtual ~CallLiveness() = default;
  // OK while the caller waits; once it has gone, DEADLINE_EXCEEDED when its deadline passed,
  // CANCELLED when it went away before.
  virtual absl::Status Check() const = 0;
};

// For work that no caller waits on (seeding, tools, tests): always alive.
const CallLiveness& NoCaller();

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_CALL_LIVENESS_H_
