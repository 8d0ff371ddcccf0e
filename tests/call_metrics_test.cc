// The call metrics as a scrape reads them: counts by method and code, and a cumulative latency
// histogram per method, also while many threads record at once.
#include "service/server/call_metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace culturetrade {
namespace {

const prometheus::ClientMetric* Find(const prometheus::MetricFamily& family,
                                     const std::vector<std::string>& labels) {
  for (const prometheus::ClientMetric& m : family.metric) {
    std::vector<std::string> values;
    for (const auto& l : m.label) values.push_back(l.name + "=" + l.value);
    if (values == labels) return &m;
  }
  return nullptr;
}

TEST(CallMetricsTest, CountsByMethodAndCode) {
  CallMetrics metrics({0.001, 0.01});
  metrics.Record("GetDataset", 0, 0.0005);
  metrics.Record("GetDataset", 5, 0.002);
  metrics.Record("GetDataset", 5, 0.5);
  metrics.Record("AnalyzeBalance", 0, 0.001);
  const std::vector<prometheus::MetricFamily> families = metrics.Collect();
  ASSERT_EQ(families.size(), 2u);
  EXPECT_EQ(families[0].name, "culturetrade_rpc_total");
  const auto* not_found = Find(families[0], {"code=NOT_FOUND", "method=GetDataset"});
  ASSERT_NE(not_found, nullptr);
  EXPECT_EQ(not_found->counter.value, 2);
  EXPECT_EQ(Find(families[0], {"code=OK", "method=GetDataset"})->counter.value, 1);
  EXPECT_EQ(Find(families[0], {"code=ABORTED", "method=GetDataset"}), nullptr);

  EXPECT_EQ(families[1].name, "culturetrade_rpc_duration_seconds");
  const auto* latency = Find(families[1], {"method=GetDataset"});
  ASSERT_NE(latency, nullptr);
  ASSERT_EQ(latency->histogram.bucket.size(), 3u);
  EXPECT_EQ(latency->histogram.bucket[0].cumulative_count, 1u);
  EXPECT_EQ(latency->histogram.bucket[1].cumulative_count, 2u);
  EXPECT_EQ(latency->histogram.bucket[2].cumulative_count, 3u);
  EXPECT_EQ(latency->histogram.sample_count, 3u);
  EXPECT_DOUBLE_EQ(latency->histogram.sample_sum, 0.5025);
  // A bound is inclusive, as Prometheus's `le` says.
  EXPECT_EQ(Find(families[1], {"method=AnalyzeBalance"})->histogram.bucket[0].cumulative_count, 1u);
}

TEST(CallMetricsTest, ThreadsRecordingAtOnceLoseNoCall) {
  CallMetrics metrics({0.001});
  constexpr int kThreads = 8, kCalls = 20000;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&metrics, t] {
      const std::string method = "Method" + std::to_string(t % 3);
      for (int i = 0; i < kCalls; ++i) metrics.Record(method, i % 2, 0.0001);
    });
  }
  for (std::thread& t : threads) t.join();
  const std::vector<prometheus::MetricFamily> families = metrics.Collect();
  double calls = 0;
  for (const prometheus::ClientMetric& m : families[0].metric) calls += m.counter.value;
  EXPECT_EQ(calls, kThreads * kCalls);
  EXPECT_EQ(families[1].metric.size(), 3u);
}

TEST(CallMetricsTest, AnUnknownCodeCountsAsUnknown) {
  CallMetrics metrics({1});
  metrics.Record("GetDataset", 99, 0);
  const std::vector<prometheus::MetricFamily> families = metrics.Collect();
  EXPECT_NE(Find(families[0], {"code=UNKNOWN", "method=GetDataset"}), nullptr);
}

}  // namespace
}  // namespace culturetrade
