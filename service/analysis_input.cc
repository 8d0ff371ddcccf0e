#include "service/analysis_input.h"

#include "core/flow_currency.h"
#include "service/proto_convert.h"

namespace culturetrade {

absl::StatusOr<AnalysisInput> LoadInput(v1::Dataset dataset, const std::string& target_currency) {
  AnalysisInput input;
  absl::StatusOr<std::vector<Flow>> flows = FlowsFromProto(dataset.flows());
  if (!flows.ok()) return flows.status();
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
