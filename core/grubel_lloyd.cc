#include "core/grubel_lloyd.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/numeric/int128.h"
#include "core/special_codes.h"

namespace culturetrade {
namespace {

struct Sums {
  absl::int128 exports = 0;
  absl::int128 imports = 0;
};

// The pair's trade in `year` by product code; every product the pair reports appears, whatever
// the direction, so that one traded only as re-exports is listed (and then skipped).
absl::flat_hash_map<uint32_t, Sums> SumByProduct(const FlowTable& flows, uint32_t reporter,
                                                 uint32_t partner, int year) {
  const uint32_t all_products = flows.products().Find(kAllProducts);
  absl::flat_hash_map<uint32_t, Sums> sums;
  for (const uint32_t i : flows.PairRows(reporter, partner)) {
    if (flows.year()[i] != year || flows.product()[i] == all_products) continue;
    Sums& s = sums[flows.product()[i]];
    if (flows.direction(i) == Direction::kExport) s.exports += flows.value_nanos(i);
    if (flows.direction(i) == Direction::kImport) s.imports += flows.value_nanos(i);
  }
  return sums;
}

}  // namespace

absl::StatusOr<GrubelLloydResult> PairGrubelLloyd(const FlowTable& flows,
                                                  absl::string_view reporter,
                                                  absl::string_view partner, int year) {
  const uint32_t r = flows.economies().Find(reporter), p = flows.economies().Find(partner);
  std::vector<ProductTrade> products;
  if (r != Dictionary::kAbsent && p != Dictionary::kAbsent) {
    for (const auto& [code, s] : SumByProduct(flows, r, p, year)) {
      products.push_back({flows.products().value(code), Decimal::FromNanos(s.exports),
                          Decimal::FromNanos(s.imports)});
    }
  }
  // In code order, so that the products and the skipped ones are listed the same way each time.
  std::sort(products.begin(), products.end(),
            [](const ProductTrade& a, const ProductTrade& b) { return a.product < b.product; });
  return GrubelLloydIndex(products);
}

}  // namespace culturetrade
