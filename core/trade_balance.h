// The yearly trade balance of a reporter with a partner in one product.
//
// A BalanceTable has one row for every year with exports or imports. Figures that need a
// missing flow are absent rather than computed from a zero.
#ifndef CULTURETRADE_CORE_TRADE_BALANCE_H_
#define CULTURETRADE_CORE_TRADE_BALANCE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/annual_series.h"
#include "core/flow.h"
#include "core/growth.h"

namespace culturetrade {

struct BalanceRow {
  int year = 0;
  std::optional<YearValue> exports;
  std::optional<YearValue> imports;
  std::optional<Decimal> balance;      // exports − imports
  std::optional<Decimal> total_trade;  // exports + imports
  std::optional<double> coverage_ratio;
  std::optional<double> normalized_balance;
  std::optional<double> export_growth;
  std::optional<double> import_growth;
};

struct BalanceTable {
  std::string currency;
  std::vector<BalanceRow> rows;
  CompoundGrowthResult export_growth;
  CompoundGrowthResult import_growth;
  // The sum of the balances of the span's years that have both flows (the cumulative deficit
  // when negative), and those years.
  Decimal cumulative_balance;
  std::vector<int> cumulative_years;
};

struct BalanceOptions {
  int start_year = 0;  // of compound growth and the cumulative balance; 0: first year with data
  int end_year = 0;    // 0: last year with data
  // Partial years (months or quarters missing) are shown but left out of growth by default.
  bool include_partial_years = false;
};

// Builds the table for `key`. Fails when the flows mix currencies.
absl::StatusOr<BalanceTable> ComputeBalance(const FlowTable& flows, const SeriesKey& key,
                                            const BalanceOptions& options);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_TRADE_BALANCE_H_
