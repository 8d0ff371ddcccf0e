#include "service/analyses/analysis_input.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/flow_aggregation.h"
#include "core/flow_currency.h"
#include "service/model/aggregation_convert.h"

namespace culturetrade {
namespace {

// The distinct values of `field` in `keys`, sorted.
std::vector<std::string> Distinct(const std::vector<SeriesKey>& keys,
                                  std::string SeriesKey::*field) {
  std::vector<std::string> values;
  values.reserve(keys.size());
  for (const SeriesKey& key : keys) values.push_back(key.*field);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

// The input of `source` with its metadata, all its flows selected.
absl::StatusOr<AnalysisInput> InputOf(std::shared_ptr<const AnalyzableDataset> source) {
  AnalysisInput input;
  absl::StatusOr<const DatasetMetadata*> metadata = MetadataOf(*source);
  if (!metadata.ok()) return metadata.status();
  input.metadata = *metadata;
  input.source = std::move(source);
  return input;
}

}  // namespace

BlockFilter BlocksSelected(const FlowFilter& filter) {
  BlockFilter blocks;
  blocks.reporters = Distinct(filter.keys, &SeriesKey::reporter);
  blocks.partners = Distinct(filter.keys, &SeriesKey::partner);
  blocks.products = Distinct(filter.keys, &SeriesKey::product_code);
  blocks.min_year = blocks.max_year = filter.year;
  return blocks;
}

absl::StatusOr<AnalysisInput> LoadInput(std::shared_ptr<const AnalyzableDataset> source,
                                        const std::string& target_currency,
                                        const FlowFilter& filter) {
  absl::StatusOr<AnalysisInput> loaded = InputOf(std::move(source));
  if (!loaded.ok()) return loaded.status();
  AnalysisInput& input = *loaded;
  if (!SelectsAll(filter)) input.selected = SelectFlows(input.source->flows, filter);
  if (!target_currency.empty()) {
    absl::StatusOr<FlowTable> converted =
        ExpressFlowsIn(input.flows(), input.rates(), target_currency);
    if (!converted.ok()) return converted.status();
    input.selected = *std::move(converted);
  }
  return loaded;
}

absl::StatusOr<AnalysisInput> LoadInput(std::shared_ptr<const AnalyzableDataset> source,
                                        const std::string& target_currency,
                                        const FlowFilter& filter,
                                        const v1::FlowAggregation& aggregation,
                                        const RequestCodes& codes) {
  absl::StatusOr<AnalysisInput> loaded = InputOf(std::move(source));
  if (!loaded.ok()) return loaded.status();
  AnalysisInput& input = *loaded;
  absl::StatusOr<AggregationPlan> plan =
      ResolveAggregation(*input.metadata, aggregation, codes, target_currency);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<AggregatedFlows> aggregated = AggregateFlows(input.source->flows, *plan, filter);
  if (!aggregated.ok()) return aggregated.status();
  absl::StatusOr<v1::AggregationReport> report =
      ReportToProto(*aggregated, *plan, input.dataset().price_indexes());
  if (!report.ok()) return report.status();
  input.aggregation = *std::move(report);
  input.selected = std::move(aggregated->flows);
  return loaded;
}

}  // namespace culturetrade
