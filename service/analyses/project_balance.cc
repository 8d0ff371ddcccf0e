// ProjectBalance: exports and imports projected on a growth basis; when the deficit closes.
#include "absl/strings/str_cat.h"
#include "core/growth.h"
#include "core/projection.h"
#include "core/projection_base.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/analyses/series_request.h"
#include "service/model/aggregation_validation.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

absl::Status Validate(const v1::ProjectBalanceRequest& r) {
  FieldViolations v;
  CheckEconomyOrGroup(r.reporter(), "reporter", v);
  CheckEconomyOrGroup(r.partner(), "partner", v);
  CheckProductCode(r.product_code(), "product_code", v);
  CheckYear(r.history_start_year(), "history_start_year", /*optional=*/true, v);
  CheckYear(r.base_year(), "base_year", /*optional=*/true, v);
  CheckYear(r.to_year(), "to_year", /*optional=*/false, v);
  CheckYear(r.close_by_year(), "close_by_year", /*optional=*/true, v);
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  CheckAggregation(r.aggregation(), v);
  if (!v1::GrowthBasis_IsValid(r.basis())) v.Add("basis", "unknown growth basis");
  if (r.basis() == v1::GROWTH_BASIS_GIVEN) {
    for (auto [has, rate, field] :
         {std::tuple{r.has_export_growth(), r.export_growth(), "export_growth"},
          std::tuple{r.has_import_growth(), r.import_growth(), "import_growth"}}) {
      if (!has || !(rate > -1.0 && rate < 100.0)) {
        v.Add(field, "with GROWTH_BASIS_GIVEN, give a yearly growth fraction above -1");
      }
    }
  }
  return v.ToStatus();
}

absl::StatusOr<double> RateOf(const AnnualSeries& history, v1::GrowthBasis basis,
                              absl::string_view flow) {
  absl::StatusOr<double> rate = absl::UnknownError("");
  if (basis == v1::GROWTH_BASIS_TREND) {
    absl::StatusOr<TrendGrowth> trend = LogLinearTrend(history);
    rate = trend.ok() ? absl::StatusOr<double>(trend->rate) : trend.status();
  } else {
    rate = CompoundGrowthOver(history, 0, 0).rate;
  }
  if (!rate.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("no growth rate for ", flow, ": ", rate.status().message()));
  }
  return rate;
}

absl::Status FillYears(const std::vector<ProjectedYear>& years, const std::string& currency,
                       v1::ProjectBalanceResponse& out) {
  for (const ProjectedYear& y : years) {
    if (y.year <= out.base_year()) continue;  // the base itself is history, not projection
    v1::ProjectedYear* p = out.add_years();
    p->set_year(y.year);
    for (auto [value, field] :
         {std::pair{y.exports, p->mutable_exports()}, std::pair{y.imports, p->mutable_imports()},
          std::pair{y.balance, p->mutable_balance()}}) {
      absl::Status s = SetMoney(value, currency, field);
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(DatasetStore& store,
                                                          const v1::ProjectBalanceRequest& r,
                                                          const CallLiveness& alive) {
  if (absl::Status s = Validate(r); !s.ok()) return s;
  const SeriesKey key{r.reporter(), r.partner(), r.product_code()};
  absl::StatusOr<AnalysisInput> input =
      LoadInput(store, r, alive, r.target_currency(), {0, {key}}, SeriesCodes(r));
  if (!input.ok()) return input.status();
  absl::StatusOr<AnnualSeries> x = BuildAnnualSeries(input->flows(), key, Direction::kExport);
  absl::StatusOr<AnnualSeries> m = BuildAnnualSeries(input->flows(), key, Direction::kImport);
  if (!x.ok()) return x.status();
  if (!m.ok()) return m.status();
  const AnnualSeries exports = x->WithoutPartialYears(), imports = m->WithoutPartialYears();
  absl::StatusOr<ProjectionBase> found = FindProjectionBase(exports, imports, r.base_year());
  if (!found.ok()) return found.status();
  const int base = found->year;
  if (r.to_year() <= base || r.to_year() - base > kMaxProjectionYears) {
    return InvalidField("to_year", absl::StrCat("must be 1 to ", kMaxProjectionYears,
                                                " years after the base year ", base));
  }
  if (r.close_by_year() != 0 && r.close_by_year() <= base) {
    return InvalidField("close_by_year", absl::StrCat("must be after the base year ", base));
  }
  const v1::GrowthBasis basis =
      r.basis() == v1::GROWTH_BASIS_UNSPECIFIED ? v1::GROWTH_BASIS_COMPOUND : r.basis();
  double gx = r.export_growth(), gm = r.import_growth();
  if (basis != v1::GROWTH_BASIS_GIVEN) {
    absl::StatusOr<double> rx =
        RateOf(exports.Between(r.history_start_year(), base), basis, "exports");
    if (!rx.ok()) return rx.status();
    absl::StatusOr<double> rm =
        RateOf(imports.Between(r.history_start_year(), base), basis, "imports");
    if (!rm.ok()) return rm.status();
    gx = *rx;
    gm = *rm;
  }
  const Decimal x0 = found->exports, m0 = found->imports;
  absl::StatusOr<std::vector<ProjectedYear>> years = Project(base, x0, m0, gx, gm, r.to_year());
  if (!years.ok()) return years.status();
  absl::StatusOr<DeficitClosing> closing = FirstYearDeficitCloses(base, x0, m0, gx, gm);
  if (!closing.ok()) return closing.status();
  v1::ProjectBalanceResponse out;
  out.set_base_year(base);
  out.set_basis(basis);
  out.set_export_growth(gx);
  out.set_import_growth(gm);
  out.set_currency_code(exports.currency());
  out.set_deficit_closes(closing->closes);
  if (closing->closes) out.set_closing_year(closing->year);
  out.set_never_closes_reason(closing->reason);
  if (r.close_by_year() != 0) {
    absl::StatusOr<double> needed = ExportGrowthToClose(base, x0, m0, gm, r.close_by_year());
    if (!needed.ok()) return needed.status();
    out.set_required_export_growth(*needed);
  }
  if (absl::Status s = FillYears(*years, exports.currency(), out); !s.ok()) return s;
  SetAggregationReport(*input, out);
  return out;
}

}  // namespace culturetrade
