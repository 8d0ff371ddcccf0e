// Whether the RPC this thread serves still has a caller waiting, for long loops (loading,
// selecting, validating) to stop early once the deadline has passed or the call was cancelled.
#ifndef CULTURETRADE_SERVICE_CALL_LIVENESS_H_
#define CULTURETRADE_SERVICE_CALL_LIVENESS_H_

#include "absl/status/status.h"

namespace culturetrade {

// OK outside an RPC and while its caller waits; once it has gone, DEADLINE_EXCEEDED when its
// deadline passed, CANCELLED when it went away before.
absl::Status CheckCallAlive();

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_CALL_LIVENESS_H_
