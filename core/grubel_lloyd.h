// The Grubel-Lloyd index of what two economies trade with each other in a year, product by
// product, from a table's flows (the index itself is in indicators.h).
#ifndef CULTURETRADE_CORE_GRUBEL_LLOYD_H_
#define CULTURETRADE_CORE_GRUBEL_LLOYD_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/flow_table.h"
#include "core/indicators.h"

namespace culturetrade {

// Sums the exports and imports `reporter` reports with `partner` in `year` by product, leaving
// out kAllProducts, and indexes them with GrubelLloydIndex in product code order. A product the
// pair reports only re-exports or re-imports of has no trade and is skipped. The flows are
// assumed to be in one currency. FAILED_PRECONDITION as GrubelLloydIndex, also when the pair
// has no flows that year.
absl::StatusOr<GrubelLloydResult> PairGrubelLloyd(const FlowTable& flows,
                                                  absl::string_view reporter,
                                                  absl::string_view partner, int year);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_GRUBEL_LLOYD_H_
