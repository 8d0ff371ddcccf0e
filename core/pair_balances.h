// The yearly trade balance of every reporter with every partner, all products together, and the
// compound growth of each pair's exports and imports: the whole table of a dataset at once.
//
// Sums are exact and in the dataset's single currency; a year in which a pair has no exports
// (or no imports) is a gap, not a zero, and has no balance. Monthly and quarterly flows add up
// into their year, and a year they do not cover whole is marked partial and left out of growth,
// as in trade_balance.h. Re-exports and re-imports are not counted.
#ifndef CULTURETRADE_CORE_PAIR_BALANCES_H_
#define CULTURETRADE_CORE_PAIR_BALANCES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/decimal.h"
#include "core/flow_table.h"
#include "core/growth.h"

namespace culturetrade {

// One year of one pair.
struct PairYear {
  int year = 0;
  bool has_exports = false;
  bool has_imports = false;
  // True when the direction's year is made of months or quarters that do not cover it whole.
  bool exports_partial = false;
  bool imports_partial = false;
  Decimal exports;  // zero when absent
  Decimal imports;  // zero when absent

  // exports − imports, when the year has both.
  std::optional<Decimal> balance() const {
    if (!has_exports || !has_imports) return std::nullopt;
    return exports - imports;
  }
};

// A reporter and partner, their years (a range of PairBalances::years) and the compound growth
// of their exports and of their imports from the first whole year to the last.
struct PairBalance {
  std::string reporter;
  std::string partner;
  uint32_t first_year_index = 0;
  uint32_t year_count = 0;
  CompoundGrowthResult export_growth;
  CompoundGrowthResult import_growth;
};

struct PairBalances {
  std::string currency;  // empty when there are no exports or imports
  // In the order each pair first appears in the table; each pair's years in increasing order,
  // only those with exports or imports.
  std::vector<PairBalance> pairs;
  std::vector<PairYear> years;

  absl::Span<const PairYear> YearsOf(const PairBalance& pair) const {
    return absl::MakeConstSpan(years).subspan(pair.first_year_index, pair.year_count);
  }
};

// Computes every pair of `flows` in one pass over its columns. Fails with FAILED_PRECONDITION
// when the exports and imports are in more than one currency, naming two of them.
absl::StatusOr<PairBalances> ComputePairBalances(const FlowTable& flows);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_PAIR_BALANCES_H_
