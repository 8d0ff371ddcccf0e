// ReconcileMirror: a flow as reported by both sides, and their discrepancy per year.
#include "absl/strings/str_cat.h"
#include "core/mirror_years.h"
#include "core/special_codes.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/analyses/series_request.h"
#include "service/model/aggregation_validation.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

absl::Status MirrorYearToProto(const MirrorYear& year, const std::string& currency,
                               v1::MirrorYear* out) {
  out->set_year(year.year);
  absl::Status s;
  if (year.reported) s = SetMoney(*year.reported, currency, out->mutable_reported());
  if (s.ok() && year.mirror) s = SetMoney(*year.mirror, currency, out->mutable_mirror());
  if (!s.ok() || !year.difference) return s;
  if (year.relative_difference) out->set_relative_difference(*year.relative_difference);
  return SetMoney(*year.difference, currency, out->mutable_difference());
}

}  // namespace

absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(DatasetStore& store,
                                                            const v1::ReconcileMirrorRequest& r,
                                                            const CallLiveness& alive) {
  FieldViolations v;
  CheckEconomyOrGroup(r.reporter(), "reporter", v);
  CheckEconomyOrGroup(r.partner(), "partner", v);
  CheckAggregation(r.aggregation(), v);
  CheckProductCode(r.product_code(), "product_code", v);
  absl::StatusOr<Direction> direction = DirectionFromProto(r.direction());
  if (!direction.ok()) v.Add("direction", "say export, import, re-export or re-import");
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  if (!v.empty()) return v.ToStatus();
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, r.target_currency(),
                                                  {0,
                                                   {{r.reporter(), r.partner(), r.product_code()},
                                                    {r.partner(), r.reporter(), r.product_code()}}},
                                                  SeriesCodes(r));
  if (!input.ok()) return input.status();
  absl::StatusOr<AnnualSeries> reported =
      BuildAnnualSeries(input->flows(), {r.reporter(), r.partner(), r.product_code()}, *direction);
  if (!reported.ok()) return reported.status();
  absl::StatusOr<AnnualSeries> mirror = BuildAnnualSeries(
      input->flows(), {r.partner(), r.reporter(), r.product_code()}, MirrorDirection(*direction));
  if (!mirror.ok()) return mirror.status();
  if (reported->empty() || mirror->empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("a mirror comparison needs both sides' reports; the dataset has none from ",
                     reported->empty() ? r.reporter() : r.partner()));
  }
  if (reported->currency() != mirror->currency()) {
    return InvalidField("target_currency",
                        "the two sides report in different currencies; name one");
  }
  v1::ReconcileMirrorResponse out;
  out.set_currency_code(reported->currency());
  SetAggregationReport(*input, out);
  for (const MirrorYear& year : MirrorYears(*reported, *mirror)) {
    absl::Status s = MirrorYearToProto(year, reported->currency(), out.add_years());
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace culturetrade
