// CompareExporters: two economies' exports of a product in one year, in one currency.
#include "absl/strings/str_cat.h"
#include "core/exporter_totals.h"
#include "core/indicators.h"
#include "core/special_codes.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/model/aggregation_validation.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

absl::Status FillExporter(const AnalysisInput& input, const CurrencyAmount& amount,
                          const std::string& reporter, const std::string& target, int year,
                          v1::ExporterValue* out, Decimal* converted) {
  out->set_reporter(reporter);
  absl::StatusOr<Decimal> rate = input.rates().Rate(amount.currency, target, year);
  if (!rate.ok()) return rate.status();
  absl::StatusOr<Decimal> value =
      input.rates().Convert(amount.value, amount.currency, target, year);
  if (!value.ok()) return value.status();
  *converted = *value;
  out->set_rate(rate->ToString());
  absl::Status s = SetMoney(amount.value, amount.currency, out->mutable_reported());
  return s.ok() ? SetMoney(*value, target, out->mutable_converted()) : s;
}

}  // namespace

absl::StatusOr<v1::CompareExportersResponse> CompareExporters(DatasetStore& store,
                                                              const v1::CompareExportersRequest& r,
                                                              const CallLiveness& alive) {
  FieldViolations v;
  CheckProductCode(r.product_code(), "product_code", v);
  CheckYear(r.year(), "year", /*optional=*/false, v);
  CheckEconomyOrGroup(r.reporter_a(), "reporter_a", v);
  CheckEconomyOrGroup(r.reporter_b(), "reporter_b", v);
  if (!r.partner().empty()) CheckEconomyOrGroup(r.partner(), "partner", v);
  CheckAggregation(r.aggregation(), v);
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  if (!v.empty()) return v.ToStatus();
  RequestCodes codes{{{"reporter_a", r.reporter_a()}, {"reporter_b", r.reporter_b()}},
                     {{"product_code", r.product_code()}}};
  if (!r.partner().empty()) codes.economies.emplace_back("partner", r.partner());
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, "", {r.year(), {}}, codes);
  if (!input.ok()) return input.status();
  const std::string partner = r.partner().empty() ? kWorld : r.partner();
  absl::StatusOr<CurrencyAmount> a =
      YearExports(input->flows(), {r.reporter_a(), partner, r.product_code()}, r.year());
  if (!a.ok()) return a.status();
  absl::StatusOr<CurrencyAmount> b =
      YearExports(input->flows(), {r.reporter_b(), partner, r.product_code()}, r.year());
  if (!b.ok()) return b.status();
  std::string target = r.target_currency();
  if (target.empty() && a->currency != b->currency) {
    return InvalidField("target_currency",
                        absl::StrCat("the exporters report in ", a->currency, " and ", b->currency,
                                     "; name one currency"));
  }
  if (target.empty()) target = a->currency;
  v1::CompareExportersResponse out;
  SetAggregationReport(*input, out);
  Decimal ca, cb;
  absl::Status s = FillExporter(*input, *a, r.reporter_a(), target, r.year(), out.mutable_a(), &ca);
  if (s.ok()) s = FillExporter(*input, *b, r.reporter_b(), target, r.year(), out.mutable_b(), &cb);
  if (!s.ok()) return s;
  if (!cb.is_positive() || !ca.is_positive()) {
    return absl::FailedPreconditionError("a ratio of exporters needs both exports positive");
  }
  out.set_ratio(Ratio(ca, cb));
  out.set_inverse_ratio(Ratio(cb, ca));
  absl::StatusOr<CurrencyAmount> world =
      YearExports(input->flows(), {kWorld, partner, r.product_code()}, r.year());
  if (!world.ok()) {
    out.set_market_share_note(std::string(world.status().message()));
    return out;
  }
  absl::StatusOr<Decimal> w =
      input->rates().Convert(world->value, world->currency, target, r.year());
  if (!w.ok()) return w.status();
  if (absl::Status ws = SetMoney(*w, target, out.mutable_world_exports()); !ws.ok()) return ws;
  for (auto [value, exporter] : {std::pair{ca, out.mutable_a()}, std::pair{cb, out.mutable_b()}}) {
    absl::StatusOr<double> share = MarketShare(value, *w);
    if (!share.ok()) return share.status();
    exporter->set_market_share(*share);
  }
  return out;
}

}  // namespace culturetrade
