// The SDK's share of the saturation run, beside h2load: uploaders that each create a dataset
// of their own, analyse it and delete it, over and over (h2load repeats one body, so it cannot
// create distinct datasets), and samplers that check the answers of analyses under load.
#ifndef CULTURETRADE_BENCH_LOAD_MIXED_LOAD_H_
#define CULTURETRADE_BENCH_LOAD_MIXED_LOAD_H_

#include <string>

#include "absl/time/time.h"

namespace culturetrade::bench {

struct MixedLoadOptions {
  std::string endpoint;
  absl::Duration duration;
  int uploaders = 4;
  int samplers = 2;
  // The grid uploaded before the run (flow_grid.h), whose balance the samplers check.
  std::string grid_dataset;
};

// Runs for `duration` and prints what the uploaders and samplers did. False when a call failed
// or an answer was wrong.
bool RunMixedLoad(const MixedLoadOptions& options);

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_LOAD_MIXED_LOAD_H_
