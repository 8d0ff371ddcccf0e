#include "core/product_concordance.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::Status CheckShareWeight(Decimal weight) {
  if (!weight.is_positive() || weight > Decimal::FromUnits(1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the weight ", weight.ToString(), " is not a share greater than 0 and at ", "most 1"));
  }
  return absl::OkStatus();
}

absl::StatusOr<ProductConcordance> ProductConcordance::Make(
    std::string id, std::string display_name, absl::Span<const ProductMapping> mappings) {
  ProductConcordance table;
  table.id_ = std::move(id);
  table.display_name_ = std::move(display_name);
  for (const ProductMapping& m : mappings) {
    if (absl::Status s = CheckShareWeight(m.weight); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("product ", m.product_code, " into ", m.group_code, ": ", s.message()));
    }
    std::vector<ProductShare>& shares = table.shares_[m.product_code];
    for (const ProductShare& share : shares) {
      if (share.group_code == m.group_code) {
        return absl::InvalidArgumentError(
            absl::StrCat("product ", m.product_code, " maps into ", m.group_code, " twice"));
      }
    }
    shares.push_back({m.group_code, m.weight});
    table.groups_.insert(m.group_code);
  }
  for (const auto& [product, shares] : table.shares_) {
    Decimal sum;
    for (const ProductShare& share : shares) sum += share.weight;
    if (sum != Decimal::FromUnits(1)) {
      return absl::InvalidArgumentError(
          absl::StrCat("the weights of product ", product, " sum to ", sum.ToString(), ", not 1"));
    }
  }
  return table;
}

absl::Span<const ProductShare> ProductConcordance::SharesOf(absl::string_view product_code) const {
  const auto it = shares_.find(product_code);
  if (it == shares_.end()) return {};
  return it->second;
}

absl::StatusOr<Decimal> Apportion(Decimal value, Decimal weight) { return value.Times(weight); }

}  // namespace culturetrade
