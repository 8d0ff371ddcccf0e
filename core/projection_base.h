// Where a projection starts: a year in which the history has both exports and imports, and
// those two amounts.
#ifndef CULTURETRADE_CORE_PROJECTION_BASE_H_
#define CULTURETRADE_CORE_PROJECTION_BASE_H_

#include "absl/status/statusor.h"
#include "core/annual_series.h"
#include "core/decimal.h"

namespace culturetrade {

struct ProjectionBase {
  int year = 0;
  Decimal exports;
  Decimal imports;
};

// The base year `asked`, or when `asked` is 0 the last year that both series have. Partial
// years should already be left out of the series. FAILED_PRECONDITION when the asked year lacks
// either flow, or no year has both.
absl::StatusOr<ProjectionBase> FindProjectionBase(const AnnualSeries& exports,
                                                  const AnnualSeries& imports, int asked);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_PROJECTION_BASE_H_
