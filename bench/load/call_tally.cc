#include "bench/load/call_tally.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace culturetrade::bench {

void CallTally::Merge(const CallTally& other) {
  for (const auto& [code, latencies] : other.latencies_) {
    std::vector<absl::Duration>& mine = latencies_[code];
    mine.insert(mine.end(), latencies.begin(), latencies.end());
  }
}

int64_t CallTally::count(absl::StatusCode code) const {
  auto it = latencies_.find(code);
  return it == latencies_.end() ? 0 : static_cast<int64_t>(it->second.size());
}

int64_t CallTally::total() const { return CountOtherThan({}); }

int64_t CallTally::CountOtherThan(std::vector<absl::StatusCode> expected) const {
  int64_t n = 0;
  for (const auto& [code, latencies] : latencies_) {
    if (std::find(expected.begin(), expected.end(), code) == expected.end()) {
      n += static_cast<int64_t>(latencies.size());
    }
  }
  return n;
}

std::string CallTally::Counts() const {
  if (latencies_.empty()) return "no calls";
  std::string text;
  for (const auto& [code, latencies] : latencies_) {
    absl::StrAppend(&text, text.empty() ? "" : ", ", latencies.size(), " ",
                    absl::StatusCodeToString(code));
  }
  return text;
}

LatencyPercentiles CallTally::Percentiles(absl::StatusCode code) const {
  auto it = latencies_.find(code);
  if (it == latencies_.end() || it->second.empty()) return {};
  std::vector<absl::Duration> sorted = it->second;
  std::sort(sorted.begin(), sorted.end());
  const auto rank = [&](double p) {
    const double n = std::ceil(p * static_cast<double>(sorted.size()));
    return absl::ToDoubleMilliseconds(sorted[static_cast<size_t>(std::max(n, 1.0)) - 1]);
  };
  return {static_cast<int64_t>(sorted.size()), rank(0.50), rank(0.99),
          absl::ToDoubleMilliseconds(sorted.back())};
}

}  // namespace culturetrade::bench
