// What AnalyzeBalance and AnalyzeGrowth share: both name one series (reporter, partner and
// product, optionally a span of years, a currency and an aggregation) and answer NOT_FOUND the
// same way.
#ifndef CULTURETRADE_SERVICE_ANALYSES_SERIES_REQUEST_H_
#define CULTURETRADE_SERVICE_ANALYSES_SERIES_REQUEST_H_

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/analyses/aggregation_plan.h"
#include "service/model/aggregation_validation.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"

namespace culturetrade {

// Adds a violation for every field of the series `r` names that is malformed.
template <typename Request>
void CheckSeries(const Request& r, FieldViolations& v) {
  CheckEconomyOrGroup(r.reporter(), "reporter", v);
  CheckEconomyOrGroup(r.partner(), "partner", v);
  CheckProductCode(r.product_code(), "product_code", v);
  CheckYear(r.start_year(), "start_year", /*optional=*/true, v);
  CheckYear(r.end_year(), "end_year", /*optional=*/true, v);
  if (r.start_year() != 0 && r.end_year() != 0 && r.end_year() <= r.start_year()) {
    v.Add("end_year", absl::StrCat("the span ", r.start_year(), " to ", r.end_year(),
                                   " must end after it starts"));
  }
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  CheckAggregation(r.aggregation(), v);
}

// The economies and product the series of `r` names, for its aggregation.
template <typename Request>
RequestCodes SeriesCodes(const Request& r) {
  return {{{"reporter", r.reporter()}, {"partner", r.partner()}},
          {{"product_code", r.product_code()}}};
}

// NOT_FOUND: the dataset `r` names has no `what` for its series.
template <typename Request>
absl::Status NoSuchSeries(const Request& r, absl::string_view what) {
  return absl::NotFoundError(
      absl::StrCat(r.has_inline_dataset() ? "the inline dataset" : r.dataset(), " has no ", what,
                   " for reporter ", r.reporter(), ", partner ", r.partner(), " and product ",
                   r.product_code()));
}

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_SERIES_REQUEST_H_
