// What every analysis starts from: the dataset a request names or carries, its flows in the
// analysis library's form and in the currency asked for, and its exchange rates.
#ifndef CULTURETRADE_SERVICE_ANALYSIS_INPUT_H_
#define CULTURETRADE_SERVICE_ANALYSIS_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/exchange_rates.h"
#include "core/flow.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/dataset_source.h"
#include "service/dataset_store.h"

namespace culturetrade {

struct AnalysisInput {
  v1::Dataset dataset;
  std::vector<Flow> flows;  // in `currency` when one was asked for, else as stored
  ExchangeRates rates;
};

// Which flows an analysis looks at. Only those are converted, so that an analysis needs
// exchange rates for its own years and pairs, not for the whole dataset.
struct FlowFilter {
  int year = 0;                 // 0: every year
  std::vector<SeriesKey> keys;  // empty: every reporter, partner and product
};

// Loads the data of `request` (any request with the `data` oneof), keeps the flows `filter`
// selects, and expresses them in `target_currency` unless that is empty.
absl::StatusOr<AnalysisInput> LoadInput(v1::Dataset dataset, const std::string& target_currency,
                                        const FlowFilter& filter);

template <typename Request>
absl::StatusOr<AnalysisInput> LoadInput(DatasetStore& store, const Request& request,
                                        const std::string& target_currency,
                                        const FlowFilter& filter) {
  absl::StatusOr<v1::Dataset> dataset = ResolveDataset(store, request);
  if (!dataset.ok()) return dataset.status();
  return LoadInput(*std::move(dataset), target_currency, filter);
}

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSIS_INPUT_H_
