// A dataset ready for analysis: metadata without flows, the flows as a FlowTable, and the
// exchange rates. Immutable, so concurrent analyses of one revision share a single copy.
#ifndef CULTURETRADE_SERVICE_ANALYZABLE_DATASET_H_
#define CULTURETRADE_SERVICE_ANALYZABLE_DATASET_H_

#include <memory>

#include "absl/status/statusor.h"
#include "core/exchange_rates.h"
#include "core/flow_table.h"
#include "culturetrade/v1/dataset.pb.h"

namespace culturetrade {

struct AnalyzableDataset {
  v1::Dataset meta;  // everything but the flows; `etag` names the revision
  FlowTable flows;
  ExchangeRates rates;
};

// Moves the flows of `dataset` into columns. Fails only on values validation refuses.
absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> MakeAnalyzable(v1::Dataset dataset);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYZABLE_DATASET_H_
