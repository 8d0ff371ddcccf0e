// The overload phase: more callers at once than the server admits, each calling again as soon
// as it has an answer. Every call must end OK or RESOURCE_EXHAUSTED, and refusals must come
// back at once: the client-side latency of the refused calls is what this measures.
#ifndef CULTURETRADE_BENCH_LOAD_OVERLOAD_FLOOD_H_
#define CULTURETRADE_BENCH_LOAD_OVERLOAD_FLOOD_H_

#include <string>

#include "absl/time/time.h"

namespace culturetrade::bench {

struct FloodOptions {
  std::string endpoint;
  absl::Duration duration;
  int callers = 16;
  int connections = 4;
  // The grid uploaded before the flood (flow_grid.h): its balance is the call repeated.
  std::string grid_dataset;
};

// First one caller alone for a second: the baseline of the same go. Then the flood: prints the
// codes, the refusal latency (p50, p99, max), its ratio to the baseline, and whether refusals
// came within milliseconds (p99 under 10 ms), which it reports and never judges: speed belongs
// to benchmarks. False when a call ended otherwise than OK or RESOURCE_EXHAUSTED, an answer was
// wrong, or nothing was refused (no overload, nothing shown).
bool RunFlood(const FloodOptions& options);

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_LOAD_OVERLOAD_FLOOD_H_
