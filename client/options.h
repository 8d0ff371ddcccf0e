// How a culturetrade client reaches the server: endpoint, deadlines, retries.
//
// Retries apply only to calls that are safe to repeat (by default reads and analyses: see
// idempotency_policy.h), on UNAVAILABLE, with exponential backoff and full jitter, bounded by
// attempts and by the call's deadline.
#ifndef CULTURETRADE_CLIENT_OPTIONS_H_
#define CULTURETRADE_CLIENT_OPTIONS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "client/backoff_policy.h"
#include "client/idempotency_policy.h"
#include "client/retry_policy.h"

namespace culturetrade {

// The settings of the default retry and backoff policies: LimitedErrorCountRetryPolicy(
// max_attempts - 1) and ExponentialBackoffPolicy(initial_backoff, max_backoff, multiplier).
struct RetryOptions {
  int max_attempts = 4;  // 1 disables retries
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
  double multiplier = 2.0;
};

// Plaintext unless `enabled`; mutual TLS when a client certificate and key are given.
struct TlsOptions {
  bool enabled = false;
  std::string root_ca_pem;      // empty: the system's trusted roots
  std::string client_cert_pem;  // with client_key_pem: mutual TLS
  std::string client_key_pem;
  std::string server_name;  // the name the server's certificate must carry, if not the host
};

struct Options {
  // A gRPC target: `host:port`, or `dns:///name:port` with `round_robin` to spread calls over
  // every pod of a Kubernetes headless Service (one HTTP/2 connection otherwise pins a client
  // to one pod; the server also closes connections after a maximum age so clients rebalance).
  std::string endpoint = "127.0.0.1:50051";
  TlsOptions tls;
  // Sent as `authorization: Bearer ...` on every call; empty sends none.
  std::string bearer_token;
  // The deadline of every call, retries included.
  absl::Duration timeout = absl::Seconds(30);
  RetryOptions retry;
  // Replace the default policies when set: those `retry` describes, and IdempotencyPolicy's.
  std::shared_ptr<const RetryPolicy> retry_policy;
  std::shared_ptr<const BackoffPolicy> backoff_policy;
  std::shared_ptr<const IdempotencyPolicy> idempotency_policy;
  std::string user_agent = "culturetrade-cpp";
  // Largest response accepted; a full dataset read may need more than gRPC's 4 MiB default.
  int max_receive_message_bytes = 64 << 20;
  // Pings an idle connection this often so that proxies do not drop it; zero disables.
  absl::Duration keepalive = absl::ZeroDuration();
  // `round_robin` balances over every address the endpoint resolves to; empty: pick first.
  std::string load_balancing_policy;
  // Flows per block of UploadNewDataset and AppendFlows (one UploadFlows message each); keep
  // each message well under 4 MiB.
  int upload_chunk_flows = 8192;
  // Called after each block of UploadNewDataset and AppendFlows is sent, with the flows sent so
  // far and the total. (UploadBlocks's source knows its own progress.)
  std::function<void(int64_t sent, int64_t total)> upload_progress;
};

// Gives the calls this thread makes while it lives another deadline than Options::timeout:
// the per-call deadline, without a second connection.
//
//   { ScopedTimeout quick(absl::Milliseconds(200)); client.GetDataset(name); }
class ScopedTimeout {
 public:
  explicit ScopedTimeout(absl::Duration timeout);
  ~ScopedTimeout();
  ScopedTimeout(const ScopedTimeout&) = delete;
  ScopedTimeout& operator=(const ScopedTimeout&) = delete;

  // The innermost scope's timeout on this thread, or `fallback` outside any.
  static absl::Duration Current(absl::Duration fallback);

 private:
  const ScopedTimeout* outer_;
  absl::Duration timeout_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_OPTIONS_H_
