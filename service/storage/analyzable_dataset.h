// A dataset ready for analysis: metadata without flows, the flows as a FlowTable, and the
// exchange rates. Immutable, so concurrent analyses of one revision share a single copy.
#ifndef CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_
#define CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_

#include <memory>

#include "absl/status/statusor.h"
#include "core/exchange_rates.h"
#include "core/flow_table.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/call_liveness.h"

namespace culturetrade {

struct AnalyzableDataset {
  v1::Dataset meta;  // everything but the flows; `etag` names the revision
  FlowTable flows;
  ExchangeRates rates;
};

// Moves the flows of `dataset` into columns. Fails on values validation refuses, and once
// `alive` says the caller has gone.
absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> MakeAnalyzable(v1::Dataset dataset,
                                                                        const CallLiveness& alive);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_STORAGE_ANALYZABLE_DATASET_H_
