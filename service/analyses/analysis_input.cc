#include "service/analyses/analysis_input.h"

#include "core/flow_currency.h"

namespace culturetrade {
namespace {

struct KeyCodes {
  uint32_t reporter, partner, product;
};

// Rows of `flows` that `filter` selects, compared by dictionary code rather than by string.
FlowTable Select(const FlowTable& flows, const FlowFilter& filter) {
  std::vector<KeyCodes> keys;
  for (const SeriesKey& k : filter.keys) {
    keys.push_back({flows.economies().Find(k.reporter), flows.economies().Find(k.partner),
                    flows.products().Find(k.product_code)});
  }
  FlowTable out;
  for (size_t i = 0; i < flows.size(); ++i) {
    if (filter.year != 0 && flows.year()[i] != filter.year) continue;
    bool selected = keys.empty();
    for (const KeyCodes& k : keys) {
      selected |= flows.reporter()[i] == k.reporter && flows.partner()[i] == k.partner &&
                  flows.product()[i] == k.product;
    }
    if (selected) out.AddRow(flows, i);
  }
  return out;
}

}  // namespace

absl::StatusOr<AnalysisInput> LoadInput(std::shared_ptr<const AnalyzableDataset> source,
                                        const std::string& target_currency,
                                        const FlowFilter& filter) {
  AnalysisInput input;
  input.source = std::move(source);
  if (filter.year != 0 || !filter.keys.empty()) input.selected = Select(input.source->flows, filter);
  if (!target_currency.empty()) {
    absl::StatusOr<FlowTable> converted =
        ExpressFlowsIn(input.flows(), input.source->rates, target_currency);
    if (!converted.ok()) return converted.status();
    input.selected = *std::move(converted);
  }
  return input;
}

}  // namespace culturetrade
