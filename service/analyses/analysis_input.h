// What every analysis starts from: the dataset a request names or carries, and the flows the
// analysis looks at, in the currency asked for, grouped, mapped and deflated as asked.
#ifndef CULTURETRADE_SERVICE_ANALYSES_ANALYSIS_INPUT_H_
#define CULTURETRADE_SERVICE_ANALYSES_ANALYSIS_INPUT_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "core/exchange_rates.h"
#include "core/flow.h"
#include "core/flow_selection.h"
#include "core/flow_table.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "service/analyses/aggregation_plan.h"
#include "service/analyses/dataset_metadata.h"
#include "service/analyses/dataset_source.h"
#include "service/storage/analyzable_dataset.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

struct AnalysisInput {
  std::shared_ptr<const AnalyzableDataset> source;
  const DatasetMetadata* metadata = nullptr;  // kept alive by `source`
  // The selected flows in the currency asked for; unset when that is all of the source's flows
  // as they are, which are then shared rather than copied.
  std::optional<FlowTable> selected;
  // What grouping and deflation did; unset when the request asked for neither.
  std::optional<v1::AggregationReport> aggregation;

  const FlowTable& flows() const { return selected ? *selected : source->flows; }
  const v1::Dataset& dataset() const { return metadata->resource; }
  const ExchangeRates& rates() const { return metadata->rates; }
};

// Keeps the flows of `source` that `filter` selects, expressed in `target_currency` unless
// that is empty. Only those are converted, so that an analysis needs exchange rates for its
// own years and pairs, not for the whole dataset.
absl::StatusOr<AnalysisInput> LoadInput(std::shared_ptr<const AnalyzableDataset> source,
                                        const std::string& target_currency,
                                        const FlowFilter& filter);

// The same with `aggregation` and the economy groups among `codes` applied (AggregateFlows):
// `filter`'s keys then name groups as the request does, and `selected` holds the derived flows.
absl::StatusOr<AnalysisInput> LoadInput(std::shared_ptr<const AnalyzableDataset> source,
                                        const std::string& target_currency,
                                        const FlowFilter& filter,
                                        const v1::FlowAggregation& aggregation,
                                        const RequestCodes& codes);

// The blocks that may hold the flows `filter` selects.
BlockFilter BlocksSelected(const FlowFilter& filter);

// The same for the data of `request` (any request with the `data` oneof). Of a stored dataset
// not in memory, only the blocks that may hold the selected flows may be read.
template <typename Request>
absl::StatusOr<AnalysisInput> LoadInput(DatasetStore& store, const Request& request,
                                        const CallLiveness& alive,
                                        const std::string& target_currency,
                                        const FlowFilter& filter) {
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> source =
      ResolveDataset(store, request, BlocksSelected(filter), alive);
  if (!source.ok()) return source.status();
  return LoadInput(*std::move(source), target_currency, filter);
}

// The same for a request with an `aggregation` that names `codes`. A group's members and the
// codes of a product group may lie in any block, so with aggregation every block is read.
template <typename Request>
absl::StatusOr<AnalysisInput> LoadInput(DatasetStore& store, const Request& request,
                                        const CallLiveness& alive,
                                        const std::string& target_currency,
                                        const FlowFilter& filter, const RequestCodes& codes) {
  if (!AggregationInPlay(request.aggregation(), codes)) {
    return LoadInput(store, request, alive, target_currency, filter);
  }
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> source =
      ResolveDataset(store, request, BlockFilter{}, alive);
  if (!source.ok()) return source.status();
  return LoadInput(*std::move(source), target_currency, filter, request.aggregation(), codes);
}

// Copies the input's aggregation report, if any, into `response`.
template <typename Response>
void SetAggregationReport(const AnalysisInput& input, Response& response) {
  if (input.aggregation) *response.mutable_aggregation() = *input.aggregation;
}

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_ANALYSIS_INPUT_H_
