// The mixed RPC workload's data: a fleet of small datasets, as the services of many analysts
// would hold them. Each belongs to one reporter and holds one to four of its series (a partner
// and a product) of the benchmark world, each over one to twelve consecutive years of exports
// and imports: 2 to 96 flows. Dataset `d` is a pure function of `d`, the same on every run.
#ifndef CULTURETRADE_BENCH_RPC_MIXED_FLEET_H_
#define CULTURETRADE_BENCH_RPC_MIXED_FLEET_H_

#include <string>

#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset.pb.h"

namespace culturetrade::bench {

struct FleetDataset {
  std::string id;                      // mixed-0042
  v1::Dataset dataset;                 // metadata and flows, as CreateDataset takes them
  v1::AnalyzeBalanceRequest analysis;  // the balance of one series present in the dataset
};

FleetDataset MixedFleetDataset(int d);

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_RPC_MIXED_FLEET_H_
