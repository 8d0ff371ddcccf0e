#include "service/analyses/analysis_input.h"

#include "core/flow_currency.h"

namespace culturetrade {

absl::StatusOr<AnalysisInput> LoadInput(std::shared_ptr<const AnalyzableDataset> source,
                                        const std::string& target_currency,
                                        const FlowFilter& filter) {
  AnalysisInput input;
  absl::StatusOr<const DatasetMetadata*> metadata = MetadataOf(*source);
  if (!metadata.ok()) return metadata.status();
  input.metadata = *metadata;
  input.source = std::move(source);
  if (!SelectsAll(filter)) input.selected = SelectFlows(input.source->flows, filter);
  if (!target_currency.empty()) {
    absl::StatusOr<FlowTable> converted =
        ExpressFlowsIn(input.flows(), input.rates(), target_currency);
    if (!converted.ok()) return converted.status();
    input.selected = *std::move(converted);
  }
  return input;
}

}  // namespace culturetrade
