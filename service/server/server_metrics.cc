#include "service/server/server_metrics.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"

namespace culturetrade {
namespace {

const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
      0.1,    0.25,    0.5,    1,     2.5,    5,     10,   30};
  return *buckets;
}

prometheus::MetricFamily Single(const std::string& name, const std::string& help,
                                prometheus::MetricType type, double value) {
  prometheus::ClientMetric metric;
  if (type == prometheus::MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  return prometheus::MetricFamily{name, help, type, {metric}};
}

}  // namespace

class ServerMetrics::CacheCollectable : public prometheus::Collectable {
 public:
  explicit CacheCollectable(std::function<CacheStats()> stats) : stats_(std::move(stats)) {}
  std::vector<prometheus::MetricFamily> Collect() const override {
    const CacheStats s = stats_();
    using prometheus::MetricType;
    return {Single("culturetrade_cache_hits_total", "Analyses served from the dataset cache.",
                   MetricType::Counter, static_cast<double>(s.hits)),
            Single("culturetrade_cache_misses_total",
                   "Analyses that loaded their dataset from the store.", MetricType::Counter,
                   static_cast<double>(s.misses)),
            Single("culturetrade_cache_flows", "Flows held by the dataset cache.",
                   MetricType::Gauge, static_cast<double>(s.cached_flows))};
  }

 private:
  std::function<CacheStats()> stats_;
};

ServerMetrics::ServerMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      calls_(std::make_shared<CallMetrics>(LatencyBuckets())),
      store_latency_(prometheus::BuildHistogram()
                         .Name("culturetrade_store_duration_seconds")
                         .Help("Dataset store latency, by operation.")
                         .Register(*registry_)),
      in_flight_(prometheus::BuildGauge()
                     .Name("culturetrade_rpc_in_flight")
                     .Help("RPCs being served.")
                     .Register(*registry_)
                     .Add({})) {}

ServerMetrics::~ServerMetrics() = default;

void ServerMetrics::StoreOperation(absl::string_view operation, double seconds) {
  store_latency_.Add({{"operation", std::string(operation)}}, LatencyBuckets()).Observe(seconds);
}

void ServerMetrics::ExposeCache(std::function<CacheStats()> stats) {
  cache_ = std::make_shared<CacheCollectable>(std::move(stats));
}

absl::StatusOr<int> ServerMetrics::Serve(const std::string& address) {
  try {
    exposer_ = std::make_unique<prometheus::Exposer>(address);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", address, ": ", e.what()));
  }
  exposer_->RegisterCollectable(registry_);
  exposer_->RegisterCollectable(calls_);
  if (cache_ != nullptr) exposer_->RegisterCollectable(cache_);
  const std::vector<int> ports = exposer_->GetListeningPorts();
  if (ports.empty()) return absl::UnavailableError(absl::StrCat("no metrics port on ", address));
  return ports.front();
}

}  // namespace culturetrade
