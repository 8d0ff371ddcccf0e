// EstimateSpillover: merchandise exports induced by cultural exports under a multiplier.
#include "absl/strings/str_cat.h"
#include "core/deal_prices.h"
#include "core/projection.h"
#include "core/special_codes.h"
#include "proto/money_convert.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/model/aggregation_validation.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

absl::StatusOr<v1::Multiplier> FindMultiplier(const v1::Dataset& dataset,
                                              const v1::EstimateSpilloverRequest& r) {
  if (r.multiplier_id().empty()) return r.multiplier();
  for (const v1::Multiplier& m : dataset.multipliers()) {
    if (m.id() == r.multiplier_id()) return m;
  }
  return absl::NotFoundError(
      absl::StrCat("the dataset has no multiplier with id '", r.multiplier_id(), "'"));
}

absl::Status CheckMultiplier(const v1::Multiplier& m) {
  FieldViolations v;
  absl::StatusOr<Decimal> cultural = DecimalFromMoney(m.cultural_exports());
  absl::StatusOr<Decimal> induced = DecimalFromMoney(m.induced_exports());
  if (!cultural.ok() || !cultural->is_positive()) {
    v.Add("multiplier.cultural_exports", "must be a positive amount");
  }
  if (!induced.ok() || induced->is_negative()) {
    v.Add("multiplier.induced_exports", "must be an amount of zero or more");
  }
  if (m.cultural_exports().currency_code() != m.induced_exports().currency_code()) {
    v.Add("multiplier", "both amounts of a multiplier are in one currency");
  }
  return v.ToStatus();
}

// The request's amount, or the exports its selector picks from the flows.
absl::StatusOr<std::pair<Decimal, std::string>> CulturalExports(
    const AnalysisInput& input, const v1::EstimateSpilloverRequest& r) {
  if (r.has_cultural_exports()) {
    absl::StatusOr<Decimal> value = DecimalFromMoney(r.cultural_exports());
    if (!value.ok()) return value.status();
    return std::pair{*value, r.cultural_exports().currency_code()};
  }
  const std::string partner = r.partner().empty() ? kWorld : r.partner();
  absl::StatusOr<AnnualSeries> series = BuildAnnualSeries(
      input.flows(), SeriesKey{r.reporter(), partner, r.product_code()}, Direction::kExport);
  if (!series.ok()) return series.status();
  const YearValue* year = series->Find(r.year());
  if (year == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat("the dataset has no ", r.year(),
                                                      " exports of ", r.product_code(), " from ",
                                                      r.reporter(), " to ", partner));
  }
  return std::pair{year->value, series->currency()};
}

}  // namespace

absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
    DatasetStore& store, const v1::EstimateSpilloverRequest& r, const CallLiveness& alive) {
  FieldViolations v;
  if (r.multiplier_id().empty() && !r.has_multiplier()) {
    v.Add("multiplier_id", "name one of the dataset's multipliers, or send `multiplier`");
  }
  if (!r.has_cultural_exports()) {
    CheckEconomyOrGroup(r.reporter(), "reporter", v);
    if (!r.partner().empty()) CheckEconomyOrGroup(r.partner(), "partner", v);
    CheckProductCode(r.product_code(), "product_code", v);
    CheckYear(r.year(), "year", /*optional=*/false, v);
  }
  CheckAggregation(r.aggregation(), v);
  if (!v.empty()) return v.ToStatus();
  RequestCodes codes;
  if (!r.has_cultural_exports()) {
    codes = {{{"reporter", r.reporter()}}, {{"product_code", r.product_code()}}};
    if (!r.partner().empty()) codes.economies.emplace_back("partner", r.partner());
  }
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, "", {r.year(), {}}, codes);
  if (!input.ok()) return input.status();
  absl::StatusOr<v1::Multiplier> multiplier = FindMultiplier(input->dataset(), r);
  if (!multiplier.ok()) return multiplier.status();
  if (absl::Status s = CheckMultiplier(*multiplier); !s.ok()) return s;
  absl::StatusOr<std::pair<Decimal, std::string>> exports = CulturalExports(*input, r);
  if (!exports.ok()) return exports.status();
  // The multiplier is a ratio: it applies in the currency of the exports themselves.
  absl::StatusOr<Decimal> induced =
      InducedExports(exports->first, *DecimalFromMoney(multiplier->induced_exports()),
                     *DecimalFromMoney(multiplier->cultural_exports()));
  if (!induced.ok()) return induced.status();
  v1::EstimateSpilloverResponse out;
  *out.mutable_multiplier() = *multiplier;
  SetAggregationReport(*input, out);
  absl::Status s = SetMoney(exports->first, exports->second, out.mutable_cultural_exports());
  if (s.ok()) s = SetMoney(*induced, exports->second, out.mutable_induced_exports());
  if (!s.ok()) return s;
  return out;
}

}  // namespace culturetrade
