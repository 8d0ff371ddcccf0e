// A table from product codes to product groups, with the share of a product's value each group
// gets: one HS edition into another (a code split between several), or products into domains.
//
// Shares are exact: a flow's value times a weight is rounded half away from zero to nine
// fractional digits (Decimal::Times), once per flow and group, before anything is summed.
#ifndef CULTURETRADE_CORE_PRODUCT_CONCORDANCE_H_
#define CULTURETRADE_CORE_PRODUCT_CONCORDANCE_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/decimal.h"

namespace culturetrade {

struct ProductMapping {
  std::string product_code;
  std::string group_code;
  Decimal weight = Decimal::FromUnits(1);
};

// One group a product maps into and the share of its value that goes there.
struct ProductShare {
  std::string group_code;
  Decimal weight;
};

// OK when `weight` is a share: greater than 0 and at most 1.
absl::Status CheckShareWeight(Decimal weight);

class ProductConcordance {
 public:
  // Fails with INVALID_ARGUMENT naming the product when a weight is not a share, a product
  // maps into one group twice, or a product's weights do not sum to exactly 1.
  static absl::StatusOr<ProductConcordance> Make(std::string id, std::string display_name,
                                                 absl::Span<const ProductMapping> mappings);

  const std::string& id() const { return id_; }
  const std::string& display_name() const { return display_name_; }
  // The groups `product_code` maps into, in table order; empty when the table lacks it.
  absl::Span<const ProductShare> SharesOf(absl::string_view product_code) const;
  // Whether some product maps into `group_code`.
  bool HasGroup(absl::string_view group_code) const { return groups_.contains(group_code); }

 private:
  std::string id_, display_name_;
  absl::flat_hash_map<std::string, std::vector<ProductShare>> shares_;
  absl::flat_hash_set<std::string> groups_;
};

// The share `weight` of `value`: their product rounded half away from zero to nine digits.
absl::StatusOr<Decimal> Apportion(Decimal value, Decimal weight);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_PRODUCT_CONCORDANCE_H_
