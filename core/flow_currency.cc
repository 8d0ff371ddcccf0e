#include "core/flow_currency.h"

namespace culturetrade {

absl::StatusOr<std::vector<Flow>> ExpressFlowsIn(absl::Span<const Flow> flows,
                                                 const ExchangeRates& rates,
                                                 const std::string& target) {
  std::vector<Flow> out(flows.begin(), flows.end());
  for (Flow& f : out) {
    if (f.currency == target) continue;
    absl::StatusOr<Decimal> converted =
        rates.Convert(f.value, f.currency, target, f.period.year, f.period.month);
    if (!converted.ok()) return converted.status();
    f.value = *converted;
    f.currency = target;
  }
  return out;
}

}  // namespace culturetrade
