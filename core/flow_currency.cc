#include "core/flow_currency.h"

namespace culturetrade {

absl::StatusOr<FlowTable> ExpressFlowsIn(const FlowTable& flows, const ExchangeRates& rates,
                                         const std::string& target) {
  FlowTable out = flows;
  const uint8_t target_code = out.InternCurrency(target);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.currency()[i] == target_code) continue;
    const std::string& from = out.currencies().value(out.currency()[i]);
    absl::StatusOr<Decimal> converted =
        rates.Convert(out.value(i), from, target, out.year()[i], out.month(i));
    if (!converted.ok()) return converted.status();
    out.SetValue(i, *converted, target_code);
  }
  return out;
}

}  // namespace culturetrade
