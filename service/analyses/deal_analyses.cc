// AnalyzeDealPrices and EstimateSpillover: title-level prices and induced merchandise exports.
#include "absl/strings/str_cat.h"
#include "core/deal_prices.h"
#include "core/projection.h"
#include "core/special_codes.h"
#include "proto/money_convert.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

absl::Status StatsToProto(const std::vector<PriceStats>& stats,
                          google::protobuf::RepeatedPtrField<v1::PriceStats>* out) {
  for (const PriceStats& s : stats) {
    v1::PriceStats* p = out->Add();
    p->set_key(s.key);
    p->set_count(s.count);
    p->set_weakest_status(StatusToProto(s.weakest_status));
    for (auto [value, field] : {std::pair{s.min, p->mutable_min()},
                                std::pair{s.median, p->mutable_median()},
                                std::pair{s.max, p->mutable_max()}}) {
      absl::Status st = SetMoney(value, s.currency, field);
      if (!st.ok()) return st;
    }
  }
  return absl::OkStatus();
}

void CheckPair(const std::string& a, const std::string& b, const char* field_a,
               const char* field_b, FieldViolations& v) {
  if (a.empty() != b.empty()) {
    v.Add(a.empty() ? field_a : field_b, absl::StrCat("give both ", field_a, " and ", field_b));
  }
}

absl::Status FillGap(absl::Span<const DealPrice> deals, const v1::AnalyzeDealPricesRequest& r,
                     const std::string& currency, v1::AnalyzeDealPricesResponse& out) {
  absl::StatusOr<OriginGap> gap = OriginPriceGap(deals, r.origin_a(), r.origin_b());
  if (!gap.ok()) return gap.status();
  v1::OriginPriceGap* g = out.mutable_origin_gap();
  g->set_origin_a(gap->origin_a);
  g->set_origin_b(gap->origin_b);
  g->set_median_ratio(gap->median_ratio);
  g->set_ratio_to_b_max(gap->ratio_to_b_max);
  g->set_ratio_to_b_min(gap->ratio_to_b_min);
  g->set_lowest_ratio(gap->lowest_ratio);
  g->set_highest_ratio(gap->highest_ratio);
  absl::Status s = SetMoney(gap->median_a, currency, g->mutable_median_a());
  return s.ok() ? SetMoney(gap->median_b, currency, g->mutable_median_b()) : s;
}

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
    return absl::FailedPreconditionError(absl::StrCat("the dataset has no ", r.year(), " exports of ",
                                                      r.product_code(), " from ", r.reporter(),
                                                      " to ", partner));
  }
  return std::pair{year->value, series->currency()};
}

}  // namespace

absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
    DatasetStore& store, const v1::AnalyzeDealPricesRequest& r,
    const CallLiveness& alive) {
  FieldViolations v;
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  CheckPair(r.numerator_title(), r.denominator_title(), "numerator_title", "denominator_title", v);
  CheckPair(r.origin_a(), r.origin_b(), "origin_a", "origin_b", v);
  if (!r.origin_a().empty()) CheckCountry(r.origin_a(), "origin_a", v);
  if (!r.origin_b().empty()) CheckCountry(r.origin_b(), "origin_b", v);
  if (!v.empty()) return v.ToStatus();
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, "", {});
  if (!input.ok()) return input.status();
  absl::StatusOr<std::vector<DealPrice>> deals =
      DealsFromProto(input->dataset().deals(), input->rates(), r.target_currency());
  if (!deals.ok()) return deals.status();
  if (deals->empty()) return absl::FailedPreconditionError("the dataset has no deals");
  absl::StatusOr<std::vector<PriceStats>> by_title = PriceStatsByTitle(*deals);
  if (!by_title.ok()) return by_title.status();
  absl::StatusOr<std::vector<PriceStats>> by_origin = PriceStatsByOrigin(*deals);
  if (!by_origin.ok()) return by_origin.status();
  v1::AnalyzeDealPricesResponse out;
  out.set_currency_code(deals->front().currency);
  absl::Status s = StatsToProto(*by_title, out.mutable_by_title());
  if (s.ok()) s = StatsToProto(*by_origin, out.mutable_by_origin());
  if (s.ok() && !r.numerator_title().empty()) {
    absl::StatusOr<double> ratio =
        TitlePriceRatio(*deals, r.numerator_title(), r.denominator_title());
    if (!ratio.ok()) return ratio.status();
    out.mutable_title_ratio()->set_numerator_title(r.numerator_title());
    out.mutable_title_ratio()->set_denominator_title(r.denominator_title());
    out.mutable_title_ratio()->set_ratio(*ratio);
  }
  if (s.ok() && !r.origin_a().empty()) s = FillGap(*deals, r, out.currency_code(), out);
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
    DatasetStore& store, const v1::EstimateSpilloverRequest& r,
    const CallLiveness& alive) {
  FieldViolations v;
  if (r.multiplier_id().empty() && !r.has_multiplier()) {
    v.Add("multiplier_id", "name one of the dataset's multipliers, or send `multiplier`");
  }
  if (!r.has_cultural_exports()) {
    CheckCountry(r.reporter(), "reporter", v);
    if (!r.partner().empty()) CheckCountry(r.partner(), "partner", v);
    CheckProductCode(r.product_code(), "product_code", v);
    CheckYear(r.year(), "year", /*optional=*/false, v);
  }
  if (!v.empty()) return v.ToStatus();
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, "", {r.year(), {}});
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
  absl::Status s = SetMoney(exports->first, exports->second, out.mutable_cultural_exports());
  if (s.ok()) s = SetMoney(*induced, exports->second, out.mutable_induced_exports());
  if (!s.ok()) return s;
  return out;
}

}  // namespace culturetrade
