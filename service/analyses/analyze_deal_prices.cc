// AnalyzeDealPrices: per-episode prices by title and origin, a title ratio, the gap between
// origins.
#include "absl/strings/str_cat.h"
#include "core/deal_prices.h"
#include "core/projection.h"
#include "core/special_codes.h"
#include "proto/money_convert.h"
#include "service/analyses/aggregation_plan.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/model/aggregation_convert.h"
#include "service/model/field_violations.h"
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
    for (auto [value, field] :
         {std::pair{s.min, p->mutable_min()}, std::pair{s.median, p->mutable_median()},
          std::pair{s.max, p->mutable_max()}}) {
      absl::Status st = SetMoney(value, s.currency, field);
      if (!st.ok()) return st;
    }
  }
  return absl::OkStatus();
}

void CheckPair(const std::string& a, const std::string& b, const char* field_a, const char* field_b,
               FieldViolations& v) {
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

// Deflates `deals` when the request asks for constant prices, each from its own year; the
// report of the price basis, or an empty report in current prices.
absl::StatusOr<v1::AggregationReport> InConstantPrices(const DatasetMetadata& metadata,
                                                       const v1::AnalyzeDealPricesRequest& r,
                                                       std::vector<DealPrice>& deals) {
  const v1::FlowAggregation& a = r.aggregation();
  if (!a.product_concordance().empty()) {
    return InvalidField("aggregation.product_concordance",
                        "deals carry no product codes; only price_index and base_year apply");
  }
  if (a.price_index().empty()) return v1::AggregationReport();
  absl::StatusOr<AggregationPlan> plan = ResolveAggregation(metadata, a, {}, r.target_currency());
  if (!plan.ok()) return plan.status();
  for (DealPrice& deal : deals) {
    absl::StatusOr<Decimal> real = plan->price_index->InPricesOf(
        plan->base_year, deal.price_per_episode, deal.currency, deal.year);
    if (!real.ok()) return real.status();
    deal.price_per_episode = *real;
  }
  return ReportToProto(AggregatedFlows{}, *plan, metadata.resource.price_indexes());
}

}  // namespace

absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
    DatasetStore& store, const v1::AnalyzeDealPricesRequest& r, const CallLiveness& alive) {
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
  absl::StatusOr<v1::AggregationReport> report = InConstantPrices(*input->metadata, r, *deals);
  if (!report.ok()) return report.status();
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
  if (report->has_constant_prices()) *out.mutable_aggregation() = *std::move(report);
  return out;
}

}  // namespace culturetrade
