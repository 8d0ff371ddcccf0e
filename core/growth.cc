#include "core/growth.h"

#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::StatusOr<double> GrowthRate(Decimal previous, Decimal current) {
  if (!previous.is_positive()) {
    return absl::FailedPreconditionError(absl::StrCat("growth from a base of ", previous.ToString(),
                                                      " is undefined: the base must be positive"));
  }
  return Ratio(current, previous) - 1.0;
}

absl::StatusOr<double> CompoundAnnualGrowth(Decimal start, Decimal end, int years) {
  if (years <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("compound growth needs a span of at least one year, got ", years));
  }
  if (!start.is_positive()) {
    return absl::FailedPreconditionError(
        absl::StrCat("compound growth from a start value of ", start.ToString(),
                     " is undefined: the start value must be positive"));
  }
  if (end.is_negative()) {
    return absl::FailedPreconditionError(absl::StrCat("compound growth to a negative end value (",
                                                      end.ToString(), ") is undefined"));
  }
  return std::pow(Ratio(end, start), 1.0 / years) - 1.0;
}

absl::StatusOr<double> YearOnYearGrowth(const AnnualSeries& series, int year) {
  const YearValue* current = series.Find(year);
  const YearValue* previous = series.Find(year - 1);
  if (current == nullptr || previous == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("no year-on-year growth for ", year, ": ",
                                                      current == nullptr ? year : year - 1,
                                                      " has no data"));
  }
  return GrowthRate(previous->value, current->value);
}

CompoundGrowthResult CompoundGrowthOver(const AnnualSeries& series, int start_year, int end_year) {
  CompoundGrowthResult out;
  out.rate = absl::FailedPreconditionError("the series has no data");
  if (series.empty()) return out;
  out.start_year = start_year != 0 ? start_year : series.years().front().year;
  out.end_year = end_year != 0 ? end_year : series.years().back().year;
  const YearValue* start = series.Find(out.start_year);
  const YearValue* end = series.Find(out.end_year);
  if (start != nullptr) out.start_value = start->value;
  if (end != nullptr) out.end_value = end->value;
  if (out.end_year <= out.start_year) {
    out.rate = absl::FailedPreconditionError(
        absl::StrCat("compound growth needs two different years; the span is ", out.start_year,
                     " to ", out.end_year));
  } else if (start == nullptr || end == nullptr) {
    out.rate = absl::FailedPreconditionError(absl::StrCat(
        "compound growth from ", out.start_year, " to ", out.end_year,
        " is undefined: ", start == nullptr ? out.start_year : out.end_year, " has no data"));
  } else {
    out.rate = CompoundAnnualGrowth(start->value, end->value, out.end_year - out.start_year);
  }
  return out;
}

absl::StatusOr<TrendGrowth> LogLinearTrend(const AnnualSeries& series) {
  const std::vector<YearValue>& years = series.years();
  if (years.size() < 2) {
    return absl::FailedPreconditionError(
        absl::StrCat("a trend needs at least two years with data; the series has ", years.size()));
  }
  // Centre t on the first year so that large year numbers do not cost precision.
  double sum_t = 0, sum_y = 0, sum_tt = 0, sum_ty = 0;
  for (const YearValue& v : years) {
    if (!v.value.is_positive()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "a log-linear trend needs positive values; ", v.year, " has ", v.value.ToString()));
    }
    const double t = v.year - years.front().year;
    const double y = std::log(v.value.ToDouble());
    sum_t += t;
    sum_y += y;
    sum_tt += t * t;
    sum_ty += t * y;
  }
  const double n = static_cast<double>(years.size());
  TrendGrowth out;
  out.points = static_cast<int>(years.size());
  out.slope = (n * sum_ty - sum_t * sum_y) / (n * sum_tt - sum_t * sum_t);
  out.rate = std::exp(out.slope) - 1.0;
  return out;
}

std::vector<Spike> FindSpikes(const AnnualSeries& series, double threshold) {
  std::vector<Spike> out;
  for (const YearValue& v : series.years()) {
    absl::StatusOr<double> g = YearOnYearGrowth(series, v.year);
    if (g.ok() && *g > threshold) out.push_back({v.year, *g});
  }
  return out;
}

CumulativeTotal Cumulate(const AnnualSeries& series, int start_year, int end_year) {
  CumulativeTotal out;
  if (series.empty()) return out;
  out.start_year = start_year != 0 ? start_year : series.years().front().year;
  out.end_year = end_year != 0 ? end_year : series.years().back().year;
  for (int year = out.start_year; year <= out.end_year; ++year) {
    if (const YearValue* v = series.Find(year)) {
      out.total += v->value;
      out.years_present.push_back(year);
    } else {
      out.years_missing.push_back(year);
    }
  }
  return out;
}

}  // namespace culturetrade
