// Standard trade indicators as WITS and UNCTAD define them: Grubel-Lloyd, Balassa RCA, trade
// intensity, market share and the normalized Herfindahl-Hirschman index.
//
// Inputs are exact amounts in one currency; every result is a ratio and so a double. An
// indicator whose denominator is zero or missing is an error that names the quantity, not a 0.
#ifndef CULTURETRADE_CORE_INDICATORS_H_
#define CULTURETRADE_CORE_INDICATORS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/decimal.h"

namespace culturetrade {

// Grubel-Lloyd intra-industry trade index 1 − |X − M| / (X + M), in [0, 1]: 1 when exports
// equal imports, 0 when trade runs one way only. FAILED_PRECONDITION when X + M = 0 or an
// input is negative.
absl::StatusOr<double> GrubelLloyd(Decimal exports, Decimal imports);

struct ProductTrade {
  std::string product;
  Decimal exports;
  Decimal imports;
};

struct GrubelLloydResult {
  std::vector<std::pair<std::string, double>> by_product;  // in input order, traded products only
  double aggregate = 0;              // the per-product indexes averaged with weights X + M
  std::vector<std::string> skipped;  // products with X + M = 0, which have no index
};

// The index per product and their trade-weighted aggregate. FAILED_PRECONDITION when no product
// has trade or a product has a negative flow (naming the product).
absl::StatusOr<GrubelLloydResult> GrubelLloydIndex(absl::Span<const ProductTrade> products);

// Balassa revealed comparative advantage (x_ik / X_i) / (x_wk / X_w); above 1 the reporter is
// specialised in product k. FAILED_PRECONDITION naming the quantity when a denominator (X_i,
// x_wk, X_w) is not positive; INVALID_ARGUMENT when x_ik is negative or a part exceeds its
// total, which means the arguments are mixed up.
absl::StatusOr<double> BalassaRca(Decimal reporter_product_exports, Decimal reporter_total_exports,
                                  Decimal world_product_exports, Decimal world_total_exports);

// (RCA − 1) / (RCA + 1), in [−1, 1) for RCA ≥ 0: symmetric around 0 where the RCA is 1.
double SymmetricRca(double rca);

// Trade intensity (x_ij / X_i) / (x_wj / X_w); above 1 the reporter exports more to partner j
// than the world does, relative to size. Same error rules as BalassaRca.
absl::StatusOr<double> TradeIntensity(Decimal reporter_exports_to_partner,
                                      Decimal reporter_total_exports,
                                      Decimal world_exports_to_partner,
                                      Decimal world_total_exports);

// Market share x_ik / x_wk, in [0, 1]. FAILED_PRECONDITION when the world value is not
// positive; INVALID_ARGUMENT when the part is negative or exceeds the whole.
absl::StatusOr<double> MarketShare(Decimal part, Decimal world);

// UNCTAD normalized Herfindahl-Hirschman index (sqrt(Σ s²) − sqrt(1/N)) / (1 − sqrt(1/N)) over
// the shares s of `values` (partners or products), N = number of values, zeros included: 0 for
// equal shares, 1 for a single partner (also when N == 1). FAILED_PRECONDITION when the span is
// empty or the total is zero; INVALID_ARGUMENT on a negative value.
absl::StatusOr<double> NormalizedHhi(absl::Span<const Decimal> values);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_INDICATORS_H_
