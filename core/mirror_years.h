// Mirror statistics: one economy's report of a flow set, year by year, against its partner's
// report of the same flow seen from the other side (A's imports from B against B's exports to
// A), which in practice differ by freight, timing and classification.
#ifndef CULTURETRADE_CORE_MIRROR_YEARS_H_
#define CULTURETRADE_CORE_MIRROR_YEARS_H_

#include <optional>
#include <vector>

#include "core/annual_series.h"
#include "core/decimal.h"
#include "core/flow.h"

namespace culturetrade {

// The direction in which the partner reports the same flow: exports mirror imports, and
// re-exports mirror re-imports.
Direction MirrorDirection(Direction direction);

// One year in which either side reports the flow.
struct MirrorYear {
  int year = 0;
  std::optional<Decimal> reported;
  std::optional<Decimal> mirror;
  std::optional<Decimal> difference;  // reported − mirror, when both report
  // difference / mirror, when both report and the mirror is positive.
  std::optional<double> relative_difference;
};

// Every year of `reported` or `mirror`, in increasing order. Both series are taken to be in
// the same currency.
std::vector<MirrorYear> MirrorYears(const AnnualSeries& reported, const AnnualSeries& mirror);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_MIRROR_YEARS_H_
