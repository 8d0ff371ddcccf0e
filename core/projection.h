// Constant-growth projections of exports and imports, the year a trade deficit closes, and the
// export growth a target year would need.
//
// Rates are fractions a year (0.2685 is 26.85 %) and must exceed −1. Projected amounts are
// computed from the base values for every year, then rounded to nine decimals, so rounding never
// compounds; FirstYearDeficitCloses agrees with the rows Project produces.
#ifndef CULTURETRADE_CORE_PROJECTION_H_
#define CULTURETRADE_CORE_PROJECTION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/decimal.h"

namespace culturetrade {

// The longest projection: constant growth means nothing over more years than this.
inline constexpr int kMaxProjectionYears = 200;

struct ProjectedYear {
  int year = 0;
  Decimal exports;
  Decimal imports;
  Decimal balance;  // exports − imports
};

// One row per year from base_year (the base values themselves) to to_year, exports growing by
// `export_growth` and imports by `import_growth` a year. INVALID_ARGUMENT when to_year <=
// base_year, to_year − base_year > 200, a rate is <= −1 or not finite, or a base value is
// negative; OUT_OF_RANGE when a projected value no longer fits a Decimal.
absl::StatusOr<std::vector<ProjectedYear>> Project(int base_year, Decimal base_exports,
                                                   Decimal base_imports, double export_growth,
                                                   double import_growth, int to_year);

struct DeficitClosing {
  bool closes = false;
  int year = 0;  // first year with exports >= imports, when it closes
  // When it never closes: why, in words with rates and years but no amounts, which only the
  // caller can show in the unit and scale its reader uses.
  std::string reason;
};

// The first year, from base_year on, in which projected exports reach imports (base_year itself
// when exports already do). It never closes when exports are zero, when imports grow at least as
// fast from a larger base, or when closing would take more than 1000 years; `reason` says which.
// INVALID_ARGUMENT on a rate <= −1 or not finite, or a negative base value.
absl::StatusOr<DeficitClosing> FirstYearDeficitCloses(int base_year, Decimal base_exports,
                                                      Decimal base_imports, double export_growth,
                                                      double import_growth);

// The constant export growth rate that makes exports equal imports in target_year when imports
// grow at import_growth: (M0 / X0)^(1/n) × (1 + gm) − 1 with n = target_year − base_year.
// FAILED_PRECONDITION when X0 is zero; INVALID_ARGUMENT when n <= 0, import_growth is <= −1 or
// not finite, or a base value is negative.
absl::StatusOr<double> ExportGrowthToClose(int base_year, Decimal base_exports,
                                           Decimal base_imports, double import_growth,
                                           int target_year);

// Merchandise exports induced by cultural exports, cultural_exports × numerator / denominator,
// exact up to one final rounding to nine decimals (US$100 of cultural exports → US$412 of
// merchandise exports is numerator 412, denominator 100). INVALID_ARGUMENT when the denominator
// is not positive or the numerator is negative; OUT_OF_RANGE when the result does not fit.
absl::StatusOr<Decimal> InducedExports(Decimal cultural_exports, Decimal multiplier_numerator,
                                       Decimal multiplier_denominator);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_PROJECTION_H_
