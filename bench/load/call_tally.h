// What a load client's calls came back with: how many ended with each status code and how long
// each took, for percentiles. Each thread keeps its own tally; they are merged at the end, so
// counting costs no lock while the load runs.
#ifndef CULTURETRADE_BENCH_LOAD_CALL_TALLY_H_
#define CULTURETRADE_BENCH_LOAD_CALL_TALLY_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace culturetrade::bench {

struct LatencyPercentiles {
  int64_t count = 0;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
};

class CallTally {
 public:
  // Runs `call` (returning absl::Status or absl::StatusOr), records its code and latency and
  // returns its result.
  template <typename Call>
  auto Time(Call&& call) {
    const absl::Time start = absl::Now();
    auto result = call();
    Add(StatusOf(result).code(), absl::Now() - start);
    return result;
  }
  void Add(absl::StatusCode code, absl::Duration latency) { latencies_[code].push_back(latency); }
  void Merge(const CallTally& other);

  int64_t count(absl::StatusCode code) const;
  int64_t total() const;
  // The calls that ended with another code than those listed.
  int64_t CountOtherThan(std::vector<absl::StatusCode> expected) const;
  // For example "1200 OK, 35 RESOURCE_EXHAUSTED".
  std::string Counts() const;
  // Nearest-rank percentiles of the calls that ended with `code`.
  LatencyPercentiles Percentiles(absl::StatusCode code) const;

 private:
  static const absl::Status& StatusOf(const absl::Status& s) { return s; }
  template <typename T>
  static const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
    return s.status();
  }

  std::map<absl::StatusCode, std::vector<absl::Duration>> latencies_;
};

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_LOAD_CALL_TALLY_H_
