#include "core/indicators.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

// An amount together with how the error messages name it.
struct Named {
  Decimal value;
  const char* words;  // e.g. "the world's total exports (X_w)"; always plural "exports"
};

Decimal Abs(Decimal d) { return d.is_negative() ? Decimal() - d : d; }

absl::Status CheckPositive(const char* indicator, const Named& q) {
  if (q.value.is_positive()) return absl::OkStatus();
  if (q.value.is_zero()) {
    return absl::FailedPreconditionError(
        absl::StrCat(indicator, " is undefined: ", q.words, " are zero or missing"));
  }
  return absl::FailedPreconditionError(absl::StrCat(indicator, " is undefined: ", q.words,
                                                    " are negative (", q.value.ToString(), ")"));
}

// A part larger than its total cannot come from one data set: the arguments are swapped or
// taken from different sources, and the ratio would silently mislead.
absl::Status CheckPartOfTotal(const char* indicator, const Named& part, const Named& total) {
  if (part.value.is_negative()) {
    return absl::InvalidArgumentError(absl::StrCat(
        indicator, ": ", part.words, " cannot be negative, got ", part.value.ToString()));
  }
  if (part.value > total.value) {
    return absl::InvalidArgumentError(absl::StrCat(
        indicator, ": ", part.words, " of ", part.value.ToString(), " exceed ", total.words, " of ",
        total.value.ToString(), "; the arguments are mixed up or come from different data"));
  }
  return absl::OkStatus();
}

// (part_r / total_r) / (part_w / total_w), the shape shared by RCA and trade intensity.
absl::StatusOr<double> RelativeShare(const char* indicator, const Named& part_r,
                                     const Named& total_r, const Named& part_w,
                                     const Named& total_w) {
  for (const Named* q : {&total_r, &part_w, &total_w}) {
    absl::Status s = CheckPositive(indicator, *q);
    if (!s.ok()) return s;
  }
  absl::Status s = CheckPartOfTotal(indicator, part_r, total_r);
  if (s.ok()) s = CheckPartOfTotal(indicator, part_w, total_w);
  if (!s.ok()) return s;
  return Ratio(part_r.value, total_r.value) / Ratio(part_w.value, total_w.value);
}

absl::Status CheckFlowsNotNegative(absl::string_view what, Decimal exports, Decimal imports) {
  if (!exports.is_negative() && !imports.is_negative()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "Grubel-Lloyd index", what, " is undefined: ", exports.is_negative() ? "exports" : "imports",
      " are negative (", (exports.is_negative() ? exports : imports).ToString(), ")"));
}

}  // namespace

absl::StatusOr<double> GrubelLloyd(Decimal exports, Decimal imports) {
  absl::Status s = CheckFlowsNotNegative("", exports, imports);
  if (!s.ok()) return s;
  const Decimal total = exports + imports;
  if (total.is_zero()) {
    return absl::FailedPreconditionError(
        "Grubel-Lloyd index is undefined: there is no trade (exports and imports are both zero)");
  }
  return 1.0 - Ratio(Abs(exports - imports), total);
}

absl::StatusOr<GrubelLloydResult> GrubelLloydIndex(absl::Span<const ProductTrade> products) {
  GrubelLloydResult out;
  // Σ (X+M)·GL / Σ (X+M) equals 1 − Σ|X−M| / Σ(X+M); the sums are exact, so the aggregate is
  // rounded once rather than accumulating per-product doubles.
  Decimal total_trade, total_imbalance;
  for (const ProductTrade& p : products) {
    absl::Status s =
        CheckFlowsNotNegative(absl::StrCat(" of '", p.product, "'"), p.exports, p.imports);
    if (!s.ok()) return s;
    const Decimal trade = p.exports + p.imports;
    if (trade.is_zero()) {
      out.skipped.push_back(p.product);
      continue;
    }
    out.by_product.emplace_back(p.product, *GrubelLloyd(p.exports, p.imports));
    total_trade += trade;
    total_imbalance += Abs(p.exports - p.imports);
  }
  if (total_trade.is_zero()) {
    return absl::FailedPreconditionError(
        absl::StrCat("aggregate Grubel-Lloyd index is undefined: none of the ", products.size(),
                     " products has any exports or imports"));
  }
  out.aggregate = 1.0 - Ratio(total_imbalance, total_trade);
  return out;
}

absl::StatusOr<double> BalassaRca(Decimal reporter_product_exports, Decimal reporter_total_exports,
                                  Decimal world_product_exports, Decimal world_total_exports) {
  return RelativeShare("Balassa RCA",
                       {reporter_product_exports, "the reporter's exports of the product (x_ik)"},
                       {reporter_total_exports, "the reporter's total exports (X_i)"},
                       {world_product_exports, "the world's exports of the product (x_wk)"},
                       {world_total_exports, "the world's total exports (X_w)"});
}

double SymmetricRca(double rca) { return (rca - 1.0) / (rca + 1.0); }

absl::StatusOr<double> TradeIntensity(Decimal reporter_exports_to_partner,
                                      Decimal reporter_total_exports,
                                      Decimal world_exports_to_partner,
                                      Decimal world_total_exports) {
  return RelativeShare(
      "trade intensity",
      {reporter_exports_to_partner, "the reporter's exports to the partner (x_ij)"},
      {reporter_total_exports, "the reporter's total exports (X_i)"},
      {world_exports_to_partner, "the world's exports to the partner (x_wj)"},
      {world_total_exports, "the world's total exports (X_w)"});
}

absl::StatusOr<double> MarketShare(Decimal part, Decimal world) {
  const Named whole{world, "the world's exports"};
  absl::Status s = CheckPositive("market share", whole);
  if (s.ok()) s = CheckPartOfTotal("market share", {part, "the reporter's exports"}, whole);
  if (!s.ok()) return s;
  return Ratio(part, world);
}

absl::StatusOr<double> NormalizedHhi(absl::Span<const Decimal> values) {
  if (values.empty()) {
    return absl::FailedPreconditionError(
        "concentration index is undefined: there are no partners or products");
  }
  Decimal total;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].is_negative()) {
      return absl::InvalidArgumentError(absl::StrCat("concentration index: value ", i,
                                                     " is negative (", values[i].ToString(),
                                                     "); trade values cannot be"));
    }
    total += values[i];
  }
  if (total.is_zero()) {
    return absl::FailedPreconditionError(
        absl::StrCat("concentration index is undefined: all ", values.size(), " values are zero"));
  }
  if (values.size() == 1)
    return 1.0;  // the formula is 0 / 0 here; one partner is full concentration
  double sum_of_squares = 0;
  for (const Decimal& v : values) {
    const double share = Ratio(v, total);
    sum_of_squares += share * share;
  }
  const double floor = std::sqrt(1.0 / static_cast<double>(values.size()));
  const double hhi = (std::sqrt(sum_of_squares) - floor) / (1.0 - floor);
  // Equal shares can land an ulp outside the range; the index is defined on [0, 1].
  return std::clamp(hhi, 0.0, 1.0);
}

}  // namespace culturetrade
