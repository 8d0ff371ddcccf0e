// Prometheus metrics of the server, served over HTTP on their own port: calls by method and
// code, latency histograms, calls in flight, store latency, and the analysis cache.
#ifndef CULTURETRADE_SERVICE_SERVER_SERVER_METRICS_H_
#define CULTURETRADE_SERVICE_SERVER_SERVER_METRICS_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "service/server/call_metrics.h"
#include "service/storage/metered_store.h"

namespace culturetrade {

struct CacheStats {
  int64_t hits = 0;
  int64_t misses = 0;
  int64_t cached_flows = 0;
};

class ServerMetrics final : public StoreOperationSink {
 public:
  ServerMetrics();
  ~ServerMetrics();

  void CallStarted() { in_flight_.Increment(); }
  void CallEnded() { in_flight_.Decrement(); }
  // Every call, admitted or refused.
  void CallFinished(absl::string_view method, int code, double seconds) {
    calls_->Record(method, code, seconds);
  }
  void StoreOperation(absl::string_view operation, double seconds) override;
  // Read at every scrape: the cache keeps its own counters.
  void ExposeCache(std::function<CacheStats()> stats);

  // Serves /metrics on `address` (host:port, port 0 picks one); returns the bound port.
  absl::StatusOr<int> Serve(const std::string& address);

 private:
  class CacheCollectable;
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<CallMetrics> calls_;
  prometheus::Family<prometheus::Histogram>& store_latency_;
  prometheus::Gauge& in_flight_;
  std::shared_ptr<CacheCollectable> cache_;
  std::unique_ptr<prometheus::Exposer> exposer_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_SERVER_METRICS_H_
