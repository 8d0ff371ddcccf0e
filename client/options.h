// How a culturetrade client reaches the server: endpoint, deadlines, retries.
//
// Retries apply only to calls that are safe to repeat (reads and analyses), on UNAVAILABLE,
// with exponential backoff and full jitter, bounded by attempts and by the call's deadline.
#ifndef CULTURETRADE_CLIENT_OPTIONS_H_
#define CULTURETRADE_CLIENT_OPTIONS_H_

#include <string>

#include "absl/time/time.h"

namespace culturetrade {

struct RetryPolicy {
  int max_attempts = 4;  // 1 disables retries
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
  double multiplier = 2.0;
};

struct Options {
  // A gRPC target: `host:port`, or `dns:///name:port` to balance over a headless Service.
  std::string endpoint = "127.0.0.1:50051";
  // The deadline of every call, retries included.
  absl::Duration timeout = absl::Seconds(30);
  RetryPolicy retry;
  std::string user_agent = "culturetrade-cpp";
  // Flows per UploadFlows message; keep each message well under 4 MiB.
  int upload_chunk_flows = 8192;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_OPTIONS_H_
