// ComputeIndicators: Grubel-Lloyd, RCA, trade intensity, market share and HHI.
#include "absl/strings/str_cat.h"
#include "core/exporter_totals.h"
#include "core/grubel_lloyd.h"
#include "core/indicators.h"
#include "core/special_codes.h"
#include "service/analyses/analyses.h"
#include "service/analyses/analysis_input.h"
#include "service/model/aggregation_validation.h"
#include "service/model/proto_convert.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

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
  values.reserve(totals.size());
  for (const CodeTotal& t : totals) values.push_back(t.value);
  if (values.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the dataset has no ", r.year(), " exports of ", r.reporter(), " by ",
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
    needs_partner |=
        kind == v1::INDICATOR_KIND_GRUBEL_LLOYD || kind == v1::INDICATOR_KIND_TRADE_INTENSITY;
    needs_product |= kind == v1::INDICATOR_KIND_RCA || kind == v1::INDICATOR_KIND_MARKET_SHARE;
  }
  CheckYear(r.year(), "year", /*optional=*/false, v);
  CheckEconomyOrGroup(r.reporter(), "reporter", v);
  if (needs_partner || !r.partner().empty()) CheckEconomyOrGroup(r.partner(), "partner", v);
  CheckAggregation(r.aggregation(), v);
  if (needs_product) CheckProductCode(r.product_code(), "product_code", v);
  CheckCurrency(r.target_currency(), "target_currency", /*optional=*/true, v);
  return v.ToStatus();
}

}  // namespace

absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
    DatasetStore& store, const v1::ComputeIndicatorsRequest& r, const CallLiveness& alive) {
  if (absl::Status s = ValidateIndicators(r); !s.ok()) return s;
  RequestCodes codes{{{"reporter", r.reporter()}}, {{"product_code", r.product_code()}}};
  if (!r.partner().empty()) codes.economies.emplace_back("partner", r.partner());
  absl::StatusOr<AnalysisInput> input =
      LoadInput(store, r, alive, r.target_currency(), {r.year(), {}}, codes);
  if (!input.ok()) return input.status();
  if (absl::Status s = OneCurrency(input->flows()); !s.ok()) return s;
  v1::ComputeIndicatorsResponse out;
  SetAggregationReport(*input, out);
  for (int kind_number : r.indicators()) {
    const auto kind = static_cast<v1::IndicatorKind>(kind_number);
    absl::StatusOr<v1::IndicatorValue> value =
        kind == v1::INDICATOR_KIND_GRUBEL_LLOYD   ? GrubelLloydOf(*input, r)
        : kind == v1::INDICATOR_KIND_HHI_PARTNERS ? HhiOf(*input, r, /*partners=*/true)
        : kind == v1::INDICATOR_KIND_HHI_PRODUCTS ? HhiOf(*input, r, /*partners=*/false)
                                                  : RatioIndicatorOf(*input, r, kind);
    if (!value.ok()) return value.status();
    value->set_kind(kind);
    *out.add_values() = *std::move(value);
  }
  return out;
}

}  // namespace culturetrade
