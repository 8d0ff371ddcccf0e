#include "service/analysis_input.h"

#include <algorithm>

#include "core/flow_currency.h"
#include "service/proto_convert.h"

namespace culturetrade {

namespace {

bool Selected(const Flow& f, const FlowFilter& filter) {
  if (filter.year != 0 && f.period.year != filter.year) return false;
  if (filter.keys.empty()) return true;
  for (const SeriesKey& k : filter.keys) {
    if (f.reporter == k.reporter && f.partner == k.partner && f.product_code == k.product_code) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::StatusOr<AnalysisInput> LoadInput(v1::Dataset dataset, const std::string& target_currency,
                                        const FlowFilter& filter) {
  AnalysisInput input;
  absl::StatusOr<std::vector<Flow>> flows = FlowsFromProto(dataset.flows());
  if (!flows.ok()) return flows.status();
  flows->erase(std::remove_if(flows->begin(), flows->end(),
                              [&filter](const Flow& f) { return !Selected(f, filter); }),
               flows->end());
  absl::StatusOr<ExchangeRates> rates = RatesFromProto(dataset.exchange_rates());
  if (!rates.ok()) return rates.status();
  input.rates = *std::move(rates);
  if (target_currency.empty()) {
    input.flows = *std::move(flows);
  } else {
    absl::StatusOr<std::vector<Flow>> converted =
        ExpressFlowsIn(*flows, input.rates, target_currency);
    if (!converted.ok()) return converted.status();
    input.flows = *std::move(converted);
  }
  input.dataset = std::move(dataset);
  return input;
}

}  // namespace culturetrade
