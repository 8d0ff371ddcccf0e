// AnalyzeGrowth: one flow over the years: year on year, compound, trend, spikes, cumulative.
#include "absl/strings/str_cat.h"
#include "core/growth.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/analyses/series_request.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

absl::Status FillGrowthYears(const AnnualSeries& series, const AnnualSeries& basis,
                             v1::AnalyzeGrowthResponse& out) {
  for (const YearValue& y : series.years()) {
    v1::GrowthYear* g = out.add_years();
    g->set_year(y.year);
    absl::Status s = SetMoney(y.value, series.currency(), g->mutable_value());
    if (!s.ok()) return s;
    g->set_status(StatusToProto(y.status));
    g->set_partial(y.partial);
    absl::StatusOr<double> growth = YearOnYearGrowth(basis, y.year);
    if (growth.ok()) g->set_growth(*growth);
  }
  return absl::OkStatus();
}

void FillTrendAndSpikes(const AnnualSeries& basis, double threshold,
                        v1::AnalyzeGrowthResponse& out) {
  absl::StatusOr<TrendGrowth> trend = LogLinearTrend(basis);
  if (trend.ok()) {
    out.mutable_trend()->set_rate(trend->rate);
    out.mutable_trend()->set_slope(trend->slope);
    out.mutable_trend()->set_points(trend->points);
  } else {
    out.mutable_trend()->set_undefined_reason(std::string(trend.status().message()));
  }
  out.set_spike_threshold(threshold);
  for (const Spike& spike : FindSpikes(basis, threshold)) {
    v1::GrowthSpike* s = out.add_spikes();
    s->set_year(spike.year);
    s->set_growth(spike.growth);
  }
}

absl::Status FillCumulative(const AnnualSeries& series, int start, int end,
                            v1::CumulativeTotal* out) {
  const CumulativeTotal total = Cumulate(series, start, end);
  out->set_start_year(total.start_year);
  out->set_end_year(total.end_year);
  out->mutable_years_present()->Add(total.years_present.begin(), total.years_present.end());
  out->mutable_years_missing()->Add(total.years_missing.begin(), total.years_missing.end());
  return SetMoney(total.total, series.currency(), out->mutable_total());
}

}  // namespace

absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(DatasetStore& store,
                                                        const v1::AnalyzeGrowthRequest& r,
                                                        const CallLiveness& alive) {
  FieldViolations v;
  CheckSeries(r, v);
  absl::StatusOr<Direction> direction = DirectionFromProto(r.direction());
  if (!direction.ok()) v.Add("direction", "say export, import, re-export or re-import");
  if (r.has_spike_threshold() && !(r.spike_threshold() > -1.0 && r.spike_threshold() < 1e6)) {
    v.Add("spike_threshold", "a growth fraction above -1, for example 1.0 for doubling");
  }
  if (!v.empty()) return v.ToStatus();
  const SeriesKey key{r.reporter(), r.partner(), r.product_code()};
  absl::StatusOr<AnalysisInput> input =
      LoadInput(store, r, alive, r.target_currency(), {0, {key}}, SeriesCodes(r));
  if (!input.ok()) return input.status();
  absl::StatusOr<AnnualSeries> series = BuildAnnualSeries(input->flows(), key, *direction);
  if (!series.ok()) return series.status();
  if (series->empty()) return NoSuchSeries(r, "flows in that direction");
  const AnnualSeries basis = r.include_partial_years() ? *series : series->WithoutPartialYears();
  v1::AnalyzeGrowthResponse out;
  out.set_currency_code(series->currency());
  out.set_dataset_etag(input->dataset().etag());
  SetAggregationReport(*input, out);
  absl::Status s = FillGrowthYears(*series, basis, out);
  if (s.ok())
    s = GrowthToProto(CompoundGrowthOver(basis, r.start_year(), r.end_year()), series->currency(),
                      out.mutable_compound());
  FillTrendAndSpikes(basis, r.has_spike_threshold() ? r.spike_threshold() : 1.0, out);
  if (s.ok()) s = FillCumulative(*series, r.start_year(), r.end_year(), out.mutable_cumulative());
  if (!s.ok()) return s;
  return out;
}

}  // namespace culturetrade
