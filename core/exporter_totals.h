// What one exporter sold in a year: the total of one reporter, partner and product, and its
// exports split by partner or by product, which concentration indexes divide up.
//
// Totals are exact sums of a table's flows in their own currency; only exports count.
#ifndef CULTURETRADE_CORE_EXPORTER_TOTALS_H_
#define CULTURETRADE_CORE_EXPORTER_TOTALS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/decimal.h"
#include "core/flow.h"
#include "core/flow_table.h"

namespace culturetrade {

struct CurrencyAmount {
  Decimal value;
  std::string currency;
};

// The exports of `key` (whose reporter or partner may be the world, kWorld, and product every
// product, kAllProducts) in `year`. FAILED_PRECONDITION saying what the table lacks when it has
// no such exports that year, or when they are in more than one currency.
absl::StatusOr<CurrencyAmount> YearExports(const FlowTable& flows, const SeriesKey& key, int year);

// A partner's or a product's share of an exporter's trade, before dividing.
struct CodeTotal {
  std::string code;
  Decimal value;
};

// The exports of `product` by `reporter` in `year` to each partner but the world, in code
// order; a partner whose flows add up to zero is listed with zero. The flows are assumed to be
// in one currency.
std::vector<CodeTotal> ExportsByPartner(const FlowTable& flows, absl::string_view reporter,
                                        absl::string_view product, int year);

// The exports of `reporter` to `partner` in `year` of each product but kAllProducts, in code
// order, likewise.
std::vector<CodeTotal> ExportsByProduct(const FlowTable& flows, absl::string_view reporter,
                                        absl::string_view partner, int year);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_EXPORTER_TOTALS_H_
