// CompareExporters, ComputeIndicators and ReconcileMirror: figures that set one flow against
// another economy's, the world's, or the partner's own report of it.
#include "absl/strings/str_cat.h"
#include "core/exporter_totals.h"
#include "core/grubel_lloyd.h"
#include "core/indicators.h"
#include "core/mirror_years.h"
#include "core/special_codes.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
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
  absl::StatusOr<Decimal> value = input.rates().Convert(amount.value, amount.currency, target, year);
  if (!value.ok()) return value.status();
  *converted = *value;
  out->set_rate(rate->ToString());
  absl::Status s = SetMoney(amount.value, amount.currency, out->mutable_reported());
  return s.ok() ? SetMoney(*value, target, out->mutable_converted()) : s;
}

absl::StatusOr<v1::IndicatorValue> GrubelLloydOf(const AnalysisInput& in,
                                                 const v1::ComputeIndicatorsRequest& r) {
  absl::StatusOr<GrubelLloydResult> gl =
      PairGrubelLloyd(in.flows(), r.reporter(), r.partner(), r.year());
  if (!gl.ok()) return gl.status();
  v1::IndicatorValue out;
  out.set_value(gl->aggregate);
  for (const auto& [product, value] : gl->by_product) (*out.mutable_by_product())[product] = value;
  for (const std::string& p : gl->skipped) out.add_skipped_products(p);
  return out;
}

absl::StatusOr<v1::IndicatorValue> RatioIndicatorOf(const AnalysisInput& in,
                                                    const v1::ComputeIndicatorsRequest& r,
                                                    v1::IndicatorKind kind) {
  const bool intensity = kind == v1::INDICATOR_KIND_TRADE_INTENSITY;
  const std::string product = intensity ? kAllProducts : r.product_code();
  const std::string partner = intensity ? r.partner() : kWorld;
  std::vector<SeriesKey> keys = {{r.reporter(), partner, product},
                                 {kWorld, partner, product},
                                 {r.reporter(), kWorld, kAllProducts},
                                 {kWorld, kWorld, kAllProducts}};
  if (kind == v1::INDICATOR_KIND_MARKET_SHARE) keys.resize(2);
  std::vector<Decimal> v;
  for (const SeriesKey& key : keys) {
    absl::StatusOr<CurrencyAmount> a = YearExports(in.flows(), key, r.year());
    if (!a.ok()) return a.status();
    v.push_back(a->value);
  }
  absl::StatusOr<double> value = kind == v1::INDICATOR_KIND_MARKET_SHARE ? MarketShare(v[0], v[1])
                                 : intensity ? TradeIntensity(v[0], v[2], v[1], v[3])
                                             : BalassaRca(v[0], v[2], v[1], v[3]);
  if (!value.ok()) return value.status();
  v1::IndicatorValue out;
  out.set_value(*value);
  if (kind == v1::INDICATOR_KIND_RCA) out.set_symmetric_value(SymmetricRca(*value));
  return out;
}

absl::StatusOr<v1::IndicatorValue> HhiOf(const AnalysisInput& in,
                                         const v1::ComputeIndicatorsRequest& r, bool partners) {
  const std::string fixed = partners ? (r.product_code().empty() ? kAllProducts : r.product_code())
                                     : (r.partner().empty() ? kWorld : r.partner());
  const std::vector<CodeTotal> totals =
      partners ? ExportsByPartner(in.flows(), r.reporter(), fixed, r.year())
               : ExportsByProduct(in.flows(), r.reporter(), fixed, r.year());
  std::vector<Decimal> values;
  for (const CodeTotal& t : totals) values.push_back(t.value);
  if (values.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the dataset has no ", r.year(), " exports of ", r.reporter(), " by ",
        partners ? "partner" : "product", " to concentrate over"));
  }
  absl::StatusOr<double> hhi = NormalizedHhi(values);
  if (!hhi.ok()) return hhi.status();
  v1::IndicatorValue out;
  out.set_value(*hhi);
  out.set_count(static_cast<int>(values.size()));
  return out;
}

// Indicators divide one total by another: they must share a currency.
absl::Status OneCurrency(const FlowTable& flows) {
  for (size_t i = 1; i < flows.size(); ++i) {
    if (flows.currency()[i] != flows.currency()[0]) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the year's flows are in both ", flows.currencies().value(flows.currency()[0]), " and ",
          flows.currencies().value(flows.currency()[i]), "; name a target_currency"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateIndicators(const v1::ComputeIndicatorsRequest& r) {
  FieldViolations v;
  if (r.indicators().empty()) v.Add("indicators", "name at least one indicator");
  bool needs_partner = false, needs_product = false;
  for (int i = 0; i < r.indicators_size(); ++i) {
    const auto kind = static_cast<v1::IndicatorKind>(r.indicators(i));
    if (kind == v1::INDICATOR_KIND_UNSPECIFIED || !v1::IndicatorKind_IsValid(kind)) {
      v.Add(absl::StrCat("indicators[", i, "]"), "not an indicator");
    }
    needs_partner |= kind == v1::INDICATOR_KIND_GRUBEL_LLOYD ||
                     kind == v1::INDICATOR_KIND_TRADE_INTENSITY;
    needs_product |= kind == v1::INDICATOR_KIND_RCA || kind == v1::INDICATOR_KIND_MARKET_SHARE;
  }
  CheckYear(r.year(), "year", /*optional=*/false, v);
  CheckCountry(r.reporter(), "reporter", v);
  if (needs_partner || !r.partner().empty()) CheckCountry(r.partner(), "partner", v);
  if (needs_product) CheckProductCode(r.product_code(), "product_code", v);
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  return v.ToStatus();
}

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

absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
    DatasetStore& store, const v1::CompareExportersRequest& r,
    const CallLiveness& alive) {
  FieldViolations v;
  CheckProductCode(r.product_code(), "product_code", v);
  CheckYear(r.year(), "year", /*optional=*/false, v);
  CheckCountry(r.reporter_a(), "reporter_a", v);
  CheckCountry(r.reporter_b(), "reporter_b", v);
  if (!r.partner().empty()) CheckCountry(r.partner(), "partner", v);
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  if (!v.empty()) return v.ToStatus();
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, "", {r.year(), {}});
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
    return InvalidField("target_currency", absl::StrCat("the exporters report in ", a->currency,
                                                        " and ", b->currency, "; name one currency"));
  }
  if (target.empty()) target = a->currency;
  v1::CompareExportersResponse out;
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
  absl::StatusOr<Decimal> w = input->rates().Convert(world->value, world->currency, target, r.year());
  if (!w.ok()) return w.status();
  if (absl::Status ws = SetMoney(*w, target, out.mutable_world_exports()); !ws.ok()) return ws;
  for (auto [value, exporter] : {std::pair{ca, out.mutable_a()}, std::pair{cb, out.mutable_b()}}) {
    absl::StatusOr<double> share = MarketShare(value, *w);
    if (!share.ok()) return share.status();
    exporter->set_market_share(*share);
  }
  return out;
}

absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
    DatasetStore& store, const v1::ComputeIndicatorsRequest& r,
    const CallLiveness& alive) {
  if (absl::Status s = ValidateIndicators(r); !s.ok()) return s;
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, r.target_currency(), {r.year(), {}});
  if (!input.ok()) return input.status();
  if (absl::Status s = OneCurrency(input->flows()); !s.ok()) return s;
  v1::ComputeIndicatorsResponse out;
  for (int kind_number : r.indicators()) {
    const auto kind = static_cast<v1::IndicatorKind>(kind_number);
    absl::StatusOr<v1::IndicatorValue> value =
        kind == v1::INDICATOR_KIND_GRUBEL_LLOYD ? GrubelLloydOf(*input, r)
        : kind == v1::INDICATOR_KIND_HHI_PARTNERS ? HhiOf(*input, r, /*partners=*/true)
        : kind == v1::INDICATOR_KIND_HHI_PRODUCTS ? HhiOf(*input, r, /*partners=*/false)
                                                  : RatioIndicatorOf(*input, r, kind);
    if (!value.ok()) return value.status();
    value->set_kind(kind);
    *out.add_values() = *std::move(value);
  }
  return out;
}

absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(DatasetStore& store,
                                                            const v1::ReconcileMirrorRequest& r,
    const CallLiveness& alive) {
  FieldViolations v;
  CheckCountry(r.reporter(), "reporter", v);
  CheckCountry(r.partner(), "partner", v);
  CheckProductCode(r.product_code(), "product_code", v);
  absl::StatusOr<Direction> direction = DirectionFromProto(r.direction());
  if (!direction.ok()) v.Add("direction", "say export, import, re-export or re-import");
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  if (!v.empty()) return v.ToStatus();
  absl::StatusOr<AnalysisInput> input = LoadInput(store, r, alive, r.target_currency(),
      {0, {{r.reporter(), r.partner(), r.product_code()}, {r.partner(), r.reporter(), r.product_code()}}});
  if (!input.ok()) return input.status();
  absl::StatusOr<AnnualSeries> reported = BuildAnnualSeries(
      input->flows(), {r.reporter(), r.partner(), r.product_code()}, *direction);
  if (!reported.ok()) return reported.status();
  absl::StatusOr<AnnualSeries> mirror = BuildAnnualSeries(
      input->flows(), {r.partner(), r.reporter(), r.product_code()}, MirrorDirection(*direction));
  if (!mirror.ok()) return mirror.status();
  if (reported->empty() || mirror->empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "a mirror comparison needs both sides' reports; the dataset has none from ",
        reported->empty() ? r.reporter() : r.partner()));
  }
  if (reported->currency() != mirror->currency()) {
    return InvalidField("target_currency", "the two sides report in different currencies; name one");
  }
  v1::ReconcileMirrorResponse out;
  out.set_currency_code(reported->currency());
  for (const MirrorYear& year : MirrorYears(*reported, *mirror)) {
    absl::Status s = MirrorYearToProto(year, reported->currency(), out.add_years());
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace culturetrade
