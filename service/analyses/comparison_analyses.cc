// CompareExporters, ComputeIndicators and ReconcileMirror: figures that set one flow against
// another economy's, the world's, or the partner's own report of it.
#include <map>

#include "absl/strings/str_cat.h"
#include "core/indicators.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

constexpr char kWorld[] = "WLD";
constexpr char kAllProducts[] = "TOTAL";

struct Amount {
  Decimal value;
  std::string currency;
};

// The year's total of one flow, or FAILED_PRECONDITION saying what the dataset lacks.
absl::StatusOr<Amount> YearTotal(const FlowTable& flows, const SeriesKey& key,
                                 Direction direction, int year) {
  absl::StatusOr<AnnualSeries> series = BuildAnnualSeries(flows, key, direction);
  if (!series.ok()) return series.status();
  if (const YearValue* v = series->Find(year)) return Amount{v->value, series->currency()};
  const std::string product =
      key.product_code == kAllProducts ? "all products (product TOTAL)" : key.product_code;
  const std::string from = key.reporter == kWorld ? "the world (reporter WLD)" : key.reporter;
  const std::string to = key.partner == kWorld ? "the world (partner WLD)" : key.partner;
  return absl::FailedPreconditionError(
      absl::StrCat("the dataset lacks ", year, " ",
                   direction == Direction::kExport ? "exports" : "imports", " of ", product,
                   " from ", from, " to ", to));
}

absl::Status FillExporter(const AnalysisInput& input, const Amount& amount,
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

std::map<std::string, Decimal> ExportsBy(const FlowTable& flows, int year,
                                         const std::string& reporter, bool by_partner,
                                         const std::string& fixed) {
  std::map<std::string, Decimal> out;
  for (size_t i = 0; i < flows.size(); ++i) {
    const Flow f = flows.Row(i);
    if (f.period.year != year || f.reporter != reporter || f.direction != Direction::kExport) {
      continue;
    }
    if (by_partner && f.product_code == fixed && f.partner != kWorld) out[f.partner] += f.value;
    if (!by_partner && f.partner == fixed && f.product_code != kAllProducts) {
      out[f.product_code] += f.value;
    }
  }
  return out;
}

absl::StatusOr<v1::IndicatorValue> GrubelLloydOf(const AnalysisInput& in,
                                                 const v1::ComputeIndicatorsRequest& r) {
  std::map<std::string, ProductTrade> products;
  for (size_t i = 0; i < in.flows().size(); ++i) {
    const Flow f = in.flows().Row(i);
    if (f.period.year != r.year() || f.reporter != r.reporter() || f.partner != r.partner() ||
        f.product_code == kAllProducts) {
      continue;
    }
    ProductTrade& p = products[f.product_code];
    p.product = f.product_code;
    if (f.direction == Direction::kExport) p.exports += f.value;
    if (f.direction == Direction::kImport) p.imports += f.value;
  }
  std::vector<ProductTrade> list;
  for (auto& [code, p] : products) list.push_back(p);
  absl::StatusOr<GrubelLloydResult> gl = GrubelLloydIndex(list);
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
    absl::StatusOr<Amount> a = YearTotal(in.flows(), key, Direction::kExport, r.year());
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
  std::vector<Decimal> values;
  for (const auto& [key, value] : ExportsBy(in.flows(), r.year(), r.reporter(), partners, fixed)) {
    values.push_back(value);
  }
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

v1::FlowDirection MirrorOf(v1::FlowDirection d) {
  switch (d) {
    case v1::FLOW_DIRECTION_EXPORT: return v1::FLOW_DIRECTION_IMPORT;
    case v1::FLOW_DIRECTION_IMPORT: return v1::FLOW_DIRECTION_EXPORT;
    case v1::FLOW_DIRECTION_RE_EXPORT: return v1::FLOW_DIRECTION_RE_IMPORT;
    default: return v1::FLOW_DIRECTION_RE_EXPORT;
  }
}

absl::Status FillMirrorYear(int year, const AnnualSeries& reported, const AnnualSeries& mirror,
                            const std::string& currency, v1::MirrorYear* out) {
  out->set_year(year);
  const YearValue* a = reported.Find(year);
  const YearValue* b = mirror.Find(year);
  absl::Status s;
  if (a != nullptr) s = SetMoney(a->value, currency, out->mutable_reported());
  if (s.ok() && b != nullptr) s = SetMoney(b->value, currency, out->mutable_mirror());
  if (!s.ok() || a == nullptr || b == nullptr) return s;
  const Decimal difference = a->value - b->value;
  if (b->value.is_positive()) out->set_relative_difference(Ratio(difference, b->value));
  return SetMoney(difference, currency, out->mutable_difference());
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
  absl::StatusOr<Amount> a = YearTotal(input->flows(), {r.reporter_a(), partner, r.product_code()},
                                       Direction::kExport, r.year());
  if (!a.ok()) return a.status();
  absl::StatusOr<Amount> b = YearTotal(input->flows(), {r.reporter_b(), partner, r.product_code()},
                                       Direction::kExport, r.year());
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
  absl::StatusOr<Amount> world =
      YearTotal(input->flows(), {kWorld, partner, r.product_code()}, Direction::kExport, r.year());
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
  absl::StatusOr<AnnualSeries> mirror =
      BuildAnnualSeries(input->flows(), {r.partner(), r.reporter(), r.product_code()},
                        *DirectionFromProto(MirrorOf(r.direction())));
  if (!mirror.ok()) return mirror.status();
  if (reported->empty() || mirror->empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "a mirror comparison needs both sides' reports; the dataset has none from ",
        reported->empty() ? r.reporter() : r.partner()));
  }
  if (reported->currency() != mirror->currency()) {
    return InvalidField("target_currency", "the two sides report in different currencies; name one");
  }
  std::map<int, bool> years;
  for (const YearValue& y : reported->years()) years[y.year] = true;
  for (const YearValue& y : mirror->years()) years[y.year] = true;
  v1::ReconcileMirrorResponse out;
  out.set_currency_code(reported->currency());
  for (const auto& [year, unused] : years) {
    absl::Status s = FillMirrorYear(year, *reported, *mirror, reported->currency(), out.add_years());
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace culturetrade
