// Flows grouped and deflated before an analysis: economy groups, a product concordance and
// constant prices turn a table into the table the analyses run on unchanged, and say what they
// did so that it can be checked.
//
// Each selected flow counts towards every combination of the codes its reporter, partner and
// product stand for (flow_labels.h) that the filter keeps, with the share of its value the
// concordance gives; the shares are then expressed in the target currency, summed by reporter,
// partner, product, direction, period and currency (the status is the weakest summed), and each
// sum is deflated once.
#ifndef CULTURETRADE_CORE_FLOW_AGGREGATION_H_
#define CULTURETRADE_CORE_FLOW_AGGREGATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/decimal.h"
#include "core/economy_group.h"
#include "core/exchange_rates.h"
#include "core/flow_selection.h"
#include "core/flow_table.h"
#include "core/price_index.h"
#include "core/product_concordance.h"

namespace culturetrade {

struct AggregationPlan {
  // The groups the request names, reported on; the world is counted into whether named or not.
  std::vector<const EconomyGroup*> groups;
  const ProductConcordance* concordance = nullptr;  // none: products stand for themselves
  const PriceIndex* price_index = nullptr;          // none: current prices
  int base_year = 0;
  // Amounts are expressed in `target_currency` at `rates` before they are summed; empty keeps
  // each flow's own currency.
  const ExchangeRates* rates = nullptr;
  std::string target_currency;
  // The most flows the grouping and mapping may derive before they are summed; 0 for
  // DefaultMaxDerivedFlows. A concordance splitting codes into thousands of groups must not
  // exhaust the server's memory.
  size_t max_derived_flows = 0;
};

// 16 derived flows per flow of the table (a flow counts as itself, its groups and the world
// on either side, each into a few product groups), and a million besides.
size_t DefaultMaxDerivedFlows(size_t table_flows);

// A group's membership in one year of the result: the members with flows in it and the others.
// The world lists the economies whose flows it sums (WLD for a reported world total) and no
// silent ones.
struct GroupYear {
  std::string group;
  int year = 0;
  std::vector<std::string> contributing;
  std::vector<std::string> silent;
};

// A product code of the selected flows that the concordance lacks: its value (in the result's
// currency and prices) and how many flows carry it, per currency.
struct UnmappedCode {
  std::string product_code;
  std::string currency;
  Decimal value;
  int64_t flows = 0;
};

struct AggregatedFlows {
  FlowTable flows;
  std::vector<GroupYear> groups;       // by group in plan order, then year
  std::vector<UnmappedCode> unmapped;  // by product code, then currency
};

// The flows of `flows` that `filter` selects (its keys naming groups and product groups as
// codes), grouped, mapped, converted and deflated as `plan` says. Fails when a rate or an
// index year is missing, an amount is in another currency than the index's, or a sum
// overflows; RESOURCE_EXHAUSTED when more than `plan.max_derived_flows` would be derived.
absl::StatusOr<AggregatedFlows> AggregateFlows(const FlowTable& flows, const AggregationPlan& plan,
                                               const FlowFilter& filter);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_AGGREGATION_H_
