// Growth rates of yearly values: year on year and compound average annual growth.
//
// Rates are fractions (0.2685 is 26.85 %). A rate whose base is missing, zero or negative is
// undefined, and the error says which of these it is rather than returning a number.
#ifndef CULTURETRADE_CORE_GROWTH_H_
#define CULTURETRADE_CORE_GROWTH_H_

#include <optional>
#include <vector>

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

// Log-linear trend growth: least squares of ln V = a + b·t over every year present, reported as
// exp(b) − 1 (UNCTAD's convention). Needs two or more years, all with positive values.
struct TrendGrowth {
  double rate = 0;
  double slope = 0;  // b, per year
  int points = 0;
};
absl::StatusOr<TrendGrowth> LogLinearTrend(const AnnualSeries& series);

// Years whose year-on-year growth exceeds `threshold` (a fraction: 1.0 means more than doubling).
struct Spike {
  int year = 0;
  double growth = 0;
};
std::vector<Spike> FindSpikes(const AnnualSeries& series, double threshold);

// The exact sum of the values of the years present from `start_year` to `end_year`
// (0 for the series' own first or last year), with the years of the span that have no data.
struct CumulativeTotal {
  int start_year = 0;
  int end_year = 0;
  Decimal total;
  std::vector<int> years_present;
  std::vector<int> years_missing;
};
CumulativeTotal Cumulate(const AnnualSeries& series, int start_year, int end_year);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_GROWTH_H_
