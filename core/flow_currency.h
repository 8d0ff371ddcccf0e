// Expresses flows in one currency, each at the exchange rate of its own period.
#ifndef CULTURETRADE_CORE_FLOW_CURRENCY_H_
#define CULTURETRADE_CORE_FLOW_CURRENCY_H_

#include <string>

#include "absl/status/statusor.h"
#include "core/exchange_rates.h"
#include "core/flow_table.h"

namespace culturetrade {

// Flows already in `target` are kept as they are; the others are converted at their month's
// rate (monthly flows) or their year's. Fails with FAILED_PRECONDITION naming the currency
// and period of the first missing rate.
absl::StatusOr<FlowTable> ExpressFlowsIn(const FlowTable& flows, const ExchangeRates& rates,
                                         const std::string& target);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_CURRENCY_H_
