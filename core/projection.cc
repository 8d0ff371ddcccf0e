#include "core/projection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace culturetrade {
namespace {

constexpr int kMaxClosingYears = 1000;

// Below 2^126 nanos both a value and the difference of two values fit in int128.
const long double kMaxNanos = std::ldexp(1.0L, 126);

std::string Percent(double rate) { return absl::StrFormat("%.2f %%", rate * 100); }

absl::Status CheckRate(const char* which, double rate) {
  if (std::isfinite(rate) && rate > -1.0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(which, " growth rate ", rate,
                   " is not a yearly fraction above -1 (-1 would wipe the flow out in one year)"));
}

absl::Status CheckBase(const char* which, Decimal value) {
  if (!value.is_negative()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("base-year ", which, " cannot be negative, got ", value.ToString()));
}

absl::Status CheckInputs(Decimal exports, Decimal imports, double export_growth,
                         double import_growth) {
  for (absl::Status s : {CheckBase("exports", exports), CheckBase("imports", imports),
                         CheckRate("export", export_growth), CheckRate("import", import_growth)}) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

// base × (1 + rate)^t in nanos, rounded to a whole nano. Always taken from the base value so
// that year t does not inherit the rounding of year t − 1; long double keeps the factor's error
// below a nano for amounts up to billions.
long double ProjectedNanos(Decimal base, double rate, int t) {
  if (t == 0) return static_cast<long double>(base.nanos());
  return std::round(static_cast<long double>(base.nanos()) *
                    std::pow(1.0L + static_cast<long double>(rate), t));
}

absl::StatusOr<Decimal> ProjectValue(const char* which, Decimal base, double rate, int t,
                                     int year) {
  if (t == 0) return base;
  const long double nanos = ProjectedNanos(base, rate, t);
  if (!(nanos < kMaxNanos)) {
    return absl::OutOfRangeError(
        absl::StrFormat("%s projected to %d (about %.3Lg) are too large for an exact amount", which,
                        year, nanos / Decimal::kNanosPerUnit));
  }
  return Decimal::FromNanos(absl::int128(nanos));
}

// Whether projected exports have reached projected imports t years after the base, by the same
// rounding Project uses so that the two always agree.
bool ExportsReachImports(Decimal exports, Decimal imports, double export_growth,
                         double import_growth, int t) {
  return ProjectedNanos(exports, export_growth, t) >= ProjectedNanos(imports, import_growth, t);
}

DeficitClosing NeverCloses(std::string reason) {
  DeficitClosing out;
  out.reason = std::move(reason);
  return out;
}

}  // namespace

absl::StatusOr<std::vector<ProjectedYear>> Project(int base_year, Decimal base_exports,
                                                   Decimal base_imports, double export_growth,
                                                   double import_growth, int to_year) {
  if (to_year <= base_year) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot project to ", to_year, ": it is not after the base year ", base_year));
  }
  if (to_year - base_year > kMaxProjectionYears) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot project ", to_year - base_year, " years ahead (", base_year, " to ", to_year,
        "): constant growth means nothing beyond ", kMaxProjectionYears, " years"));
  }
  absl::Status s = CheckInputs(base_exports, base_imports, export_growth, import_growth);
  if (!s.ok()) return s;
  std::vector<ProjectedYear> rows;
  rows.reserve(to_year - base_year + 1);
  for (int year = base_year; year <= to_year; ++year) {
    const int t = year - base_year;
    absl::StatusOr<Decimal> x = ProjectValue("exports", base_exports, export_growth, t, year);
    if (!x.ok()) return x.status();
    absl::StatusOr<Decimal> m = ProjectValue("imports", base_imports, import_growth, t, year);
    if (!m.ok()) return m.status();
    rows.push_back({year, *x, *m, *x - *m});
  }
  return rows;
}

absl::StatusOr<DeficitClosing> FirstYearDeficitCloses(int base_year, Decimal base_exports,
                                                      Decimal base_imports, double export_growth,
                                                      double import_growth) {
  absl::Status s = CheckInputs(base_exports, base_imports, export_growth, import_growth);
  if (!s.ok()) return s;
  if (base_exports >= base_imports) {
    DeficitClosing out;
    out.closes = true;
    out.year = base_year;
    return out;
  }
  if (base_exports.is_zero()) {
    return NeverCloses(absl::StrCat("exports are zero in ", base_year,
                                    ", and growth at any rate keeps them at zero, so they "
                                    "never reach imports"));
  }
  if (export_growth <= import_growth) {
    return NeverCloses(absl::StrCat("imports grow at least as fast as exports (",
                                    Percent(import_growth), " ≥ ", Percent(export_growth),
                                    " a year) from a larger base in ", base_year,
                                    ", so exports never catch up"));
  }
  // X0 (1+gx)^t = M0 (1+gm)^t solved for t; logs of ratios keep large amounts out of pow.
  const long double t = std::log(static_cast<long double>(base_imports.nanos()) /
                                 static_cast<long double>(base_exports.nanos())) /
                        (std::log1p(static_cast<long double>(export_growth)) -
                         std::log1p(static_cast<long double>(import_growth)));
  const std::string horizon = absl::StrCat("; that is beyond the ", kMaxClosingYears,
                                           "-year horizon, so in practice it never closes");
  if (!(t <= kMaxClosingYears)) {
    return NeverCloses(
        absl::StrFormat(
            "exports grow faster (%s against %s a year) but would reach imports only after about "
            "%.0Lf years",
            Percent(export_growth), Percent(import_growth), std::ceil(t)) +
        horizon);
  }
  // The logarithms can put t an ulp either side of a whole year; settle on the rounded
  // projection, which is what Project shows.
  int years = std::max(1, static_cast<int>(std::ceil(t)));
  auto reached = [&](int n) {
    return ExportsReachImports(base_exports, base_imports, export_growth, import_growth, n);
  };
  while (years > 1 && reached(years - 1)) --years;
  while (years <= kMaxClosingYears && !reached(years)) ++years;
  if (years > kMaxClosingYears) {
    return NeverCloses(absl::StrCat("exports grow faster (", Percent(export_growth), " against ",
                                    Percent(import_growth),
                                    " a year) but would reach imports "
                                    "only after more than ",
                                    kMaxClosingYears, " years") +
                       horizon);
  }
  DeficitClosing out;
  out.closes = true;
  out.year = base_year + years;
  return out;
}

absl::StatusOr<double> ExportGrowthToClose(int base_year, Decimal base_exports,
                                           Decimal base_imports, double import_growth,
                                           int target_year) {
  const int n = target_year - base_year;
  if (n <= 0) {
    return absl::InvalidArgumentError(absl::StrCat("cannot close the deficit by ", target_year,
                                                   ": it is not after the base year ", base_year));
  }
  for (absl::Status s : {CheckBase("exports", base_exports), CheckBase("imports", base_imports),
                         CheckRate("import", import_growth)}) {
    if (!s.ok()) return s;
  }
  if (base_exports.is_zero()) {
    return absl::FailedPreconditionError(
        absl::StrCat("no export growth rate closes the deficit: exports are zero in ", base_year,
                     " and any growth of zero stays zero"));
  }
  return std::pow(Ratio(base_imports, base_exports), 1.0 / n) * (1.0 + import_growth) - 1.0;
}

absl::StatusOr<Decimal> InducedExports(Decimal cultural_exports, Decimal multiplier_numerator,
                                       Decimal multiplier_denominator) {
  if (!multiplier_denominator.is_positive()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the multiplier's denominator must be positive (it is the amount of cultural exports "
        "the numerator refers to), got ",
        multiplier_denominator.ToString()));
  }
  if (multiplier_numerator.is_negative()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the multiplier's numerator cannot be negative (it is an amount of induced exports), "
        "got ",
        multiplier_numerator.ToString()));
  }
  // Reducing numerator / denominator first keeps c × n inside int128 for any realistic amount,
  // and dividing last rounds only once.
  absl::int128 num = multiplier_numerator.nanos();
  absl::int128 den = multiplier_denominator.nanos();
  absl::int128 a = num, b = den;
  while (b != 0) {
    const absl::int128 r = a % b;
    a = b;
    b = r;
  }
  num /= a;
  den /= a;
  const absl::int128 c = cultural_exports.nanos();
  const absl::int128 c_mag = c < 0 ? -c : c;
  if (num != 0 && c_mag > std::numeric_limits<absl::int128>::max() / num) {
    return absl::OutOfRangeError(absl::StrCat(
        "induced exports of ", cultural_exports.ToString(), " × ", multiplier_numerator.ToString(),
        " / ", multiplier_denominator.ToString(), " are too large for an exact amount"));
  }
  const absl::int128 product = c_mag * num;
  absl::int128 q = product / den;
  if (product % den >= den - product % den) ++q;  // half away from zero
  return Decimal::FromNanos(c < 0 ? -q : q);
}

}  // namespace culturetrade
