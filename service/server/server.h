// Runs culturetrade-server: the gRPC services over a dataset store, with health checks,
// reflection, optional TLS and bearer tokens, metrics, and a drain on SIGTERM or SIGINT.
#ifndef CULTURETRADE_SERVICE_SERVER_SERVER_H_
#define CULTURETRADE_SERVICE_SERVER_SERVER_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "service/api/dataset_service.h"

namespace culturetrade {

// Health service names: a not-ready pod is taken out of rotation, a dead one restarted.
inline constexpr char kLivenessService[] = "culturetrade.liveness";
inline constexpr char kReadinessService[] = "culturetrade.readiness";

struct ServerOptions {
  std::string address = "127.0.0.1:50051";  // port 0 picks a free one
  std::string port_file;                    // if set, the bound port is written here
  std::string db_path = "culturetrade.db";
  // The store: `postgres://...` (or `postgresql://`) for PostgreSQL, else a SQLite path; empty
  // means `db_path`. `store_file` names a file holding it, for a DSN in a mounted Secret.
  std::string store_url;
  std::string store_file;
  int store_pool_size = 8;  // PostgreSQL connections
  bool seed = true;
  // TLS when both are set; mutual TLS when a client CA is set too (PEM files).
  std::string tls_cert_file, tls_key_file, tls_client_ca_file;
  std::string token_file;       // bearer tokens and roles; empty: no authentication
  std::string metrics_address;  // host:port for /metrics; empty: none
  absl::Duration drain_grace = absl::Seconds(0);     // still accepting after SIGTERM
  absl::Duration drain_timeout = absl::Seconds(20);  // for calls in flight
  int max_concurrent_calls = 64;
  int analysis_threads = 0;  // workers for analysis calls; 0: CallExecutor::DefaultThreads()
  int max_message_bytes = 4 << 20;
  // Connections are closed after this age (plus the grace for calls in flight), so that clients
  // behind a Kubernetes Service reconnect and spread over new pods; zero keeps them open.
  absl::Duration max_connection_age = absl::ZeroDuration();
  absl::Duration max_connection_age_grace = absl::Seconds(30);
  int64_t cache_flows = 50'000'000;  // flows kept in memory for analyses, about 32 bytes each
  DatasetServiceLimits limits;
};

// Serves until SIGTERM or SIGINT, then drains: readiness turns NOT_SERVING, new calls are still
// accepted for `drain_grace` (while load balancers notice), then refused, and calls in flight
// get `drain_timeout` to finish. The signals must be blocked in every thread before this is
// called (see BlockShutdownSignals).
absl::Status RunServer(const ServerOptions& options);

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts afterwards, so
// that only RunServer's waiting thread receives them.
void BlockShutdownSignals();

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_SERVER_H_
