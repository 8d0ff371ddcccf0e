#include "service/server/call_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "service/api/call_observer.h"

namespace culturetrade {

// Sums are kept in nanoseconds, as an integer that atomics add exactly.
struct CallMetrics::Method {
  Method(std::string n, size_t buckets) : name(std::move(n)), counts(buckets + 1) {}
  const std::string name;
  std::array<std::atomic<uint64_t>, kCodes> calls{};
  std::vector<std::atomic<uint64_t>> counts;  // per bucket, the last one above every bound
  std::atomic<uint64_t> nanos{0};
};

namespace {

prometheus::ClientMetric::Label Label(std::string name, std::string value) {
  prometheus::ClientMetric::Label label;
  label.name = std::move(name);
  label.value = std::move(value);
  return label;
}

}  // namespace

CallMetrics::CallMetrics(std::vector<double> buckets) : buckets_(std::move(buckets)) {}

CallMetrics::~CallMetrics() = default;

CallMetrics::Method& CallMetrics::Find(absl::string_view method) {
  int used = used_.load(std::memory_order_acquire);
  for (int i = 0; i < used; ++i) {
    if (methods_[i]->name == method) return *methods_[i];
  }
  std::lock_guard<std::mutex> lock(mu_);
  used = used_.load(std::memory_order_relaxed);
  for (int i = 0; i < used; ++i) {
    if (methods_[i]->name == method) return *methods_[i];
  }
  if (used == kMaxMethods) return *methods_[kMaxMethods - 1];
  methods_[used] = std::make_unique<Method>(std::string(method), buckets_.size());
  used_.store(used + 1, std::memory_order_release);
  return *methods_[used];
}

void CallMetrics::Record(absl::string_view method, int code, double seconds) {
  Method& m = Find(method);
  m.calls[code >= 0 && code < kCodes ? code : 2].fetch_add(1, std::memory_order_relaxed);
  const auto bucket =
      std::lower_bound(buckets_.begin(), buckets_.end(), seconds) - buckets_.begin();
  m.counts[bucket].fetch_add(1, std::memory_order_relaxed);
  m.nanos.fetch_add(static_cast<uint64_t>(std::llround(std::max(0.0, seconds) * 1e9)),
                    std::memory_order_relaxed);
}

std::vector<prometheus::MetricFamily> CallMetrics::Collect() const {
  prometheus::MetricFamily calls{"culturetrade_rpc_total",
                                 "RPCs finished, by method and status code.",
                                 prometheus::MetricType::Counter,
                                 {}};
  prometheus::MetricFamily latency{"culturetrade_rpc_duration_seconds",
                                   "RPC latency, by method.",
                                   prometheus::MetricType::Histogram,
                                   {}};
  const int used = used_.load(std::memory_order_acquire);
  for (int i = 0; i < used; ++i) {
    const Method& m = *methods_[i];
    for (int code = 0; code < kCodes; ++code) {
      const uint64_t n = m.calls[code].load(std::memory_order_relaxed);
      if (n == 0) continue;
      prometheus::ClientMetric metric;
      metric.label = {Label("code", std::string(StatusCodeName(code))), Label("method", m.name)};
      metric.counter.value = static_cast<double>(n);
      calls.metric.push_back(std::move(metric));
    }
    prometheus::ClientMetric metric;
    metric.label = {Label("method", m.name)};
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= buckets_.size(); ++b) {
      cumulative += m.counts[b].load(std::memory_order_relaxed);
      prometheus::ClientMetric::Bucket bucket;
      bucket.cumulative_count = cumulative;
      bucket.upper_bound =
          b < buckets_.size() ? buckets_[b] : std::numeric_limits<double>::infinity();
      metric.histogram.bucket.push_back(bucket);
    }
    metric.histogram.sample_count = cumulative;
    metric.histogram.sample_sum =
        static_cast<double>(m.nanos.load(std::memory_order_relaxed)) / 1e9;
    latency.metric.push_back(std::move(metric));
  }
  return {std::move(calls), std::move(latency)};
}

}  // namespace culturetrade
