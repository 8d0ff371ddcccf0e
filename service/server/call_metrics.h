// The metrics of finished calls: `culturetrade_rpc_total` by method and code, and the histogram
// `culturetrade_rpc_duration_seconds` by method. Every call records here, so recording takes no
// lock and allocates nothing: plain atomic counters per method, found by a scan of the few
// methods the server has. A scrape reads them into Prometheus families.
#ifndef CULTURETRADE_SERVICE_SERVER_CALL_METRICS_H_
#define CULTURETRADE_SERVICE_SERVER_CALL_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"

namespace culturetrade {

class CallMetrics final : public prometheus::Collectable {
 public:
  // gRPC's status codes, 0 (OK) to 16 (UNAUTHENTICATED).
  static constexpr int kCodes = 17;

  // `buckets`: the histogram's upper bounds in seconds, ascending.
  explicit CallMetrics(std::vector<double> buckets);
  ~CallMetrics() override;

  // A call of `method` that ended with gRPC status `code` after `seconds`.
  void Record(absl::string_view method, int code, double seconds);

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  struct Method;
  // A server has a dozen methods; more than this share the last slot's counters.
  static constexpr int kMaxMethods = 64;

  Method& Find(absl::string_view method);

  const std::vector<double> buckets_;
  std::array<std::unique_ptr<Method>, kMaxMethods> methods_;
  // Slots below it are set and never change again; a new method takes the next under mu_.
  std::atomic<int> used_{0};
  std::mutex mu_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_CALL_METRICS_H_
