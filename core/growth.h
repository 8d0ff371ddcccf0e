// Growth rates of yearly values: year on year and compound average annual growth.
//
// Rates are fractions (0.2685 is 26.85 %). A rate whose base is missing, zero or negative is
// undefined, and the error says which of these it is rather than returning a number.
#ifndef CULTURETRADE_CORE_GROWTH_H_
#define CULTURETRADE_CORE_GROWTH_H_

#include <optional>

#include "absl/status/statusor.h"
#include "core/annual_series.h"
#include "core/decimal.h"

namespace culturetrade {

// current / previous − 1; fails unless previous is positive.
absl::StatusOr<double> GrowthRate(Decimal previous, Decimal current);

// (end / start)^(1 / years) − 1; fails unless start is positive, end is not negative and
// years is positive.
absl::StatusOr<double> CompoundAnnualGrowth(Decimal start, Decimal end, int years);

// Growth of `year` over the year before it; fails when either year is a gap, since growth
// across a gap is not a year-on-year rate.
absl::StatusOr<double> YearOnYearGrowth(const AnnualSeries& series, int year);

struct CompoundGrowthResult {
  int start_year = 0;
  int end_year = 0;
  std::optional<Decimal> start_value;
  std::optional<Decimal> end_value;
  absl::StatusOr<double> rate;
};

// Compound growth of `series` from `start_year` to `end_year`; 0 means the first or last year
// the series has. The rate carries the reason when it is undefined.
CompoundGrowthResult CompoundGrowthOver(const AnnualSeries& series, int start_year, int end_year);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_GROWTH_H_
