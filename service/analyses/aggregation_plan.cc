#include "service/analyses/aggregation_plan.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/special_codes.h"
#include "service/model/field_violations.h"
#include "service/model/iso_codes.h"

namespace culturetrade {
namespace {

bool IsPlainEconomy(const std::string& code) {
  return IsKnownEconomy(code) && BuiltInGroup(code) == nullptr;
}

// The element of `items` whose `id()` or `code()` (by `key`) is `wanted`, or nullptr.
template <typename T, typename Key>
const T* FindBy(const std::vector<T>& items, const std::string& wanted, Key key) {
  const auto it = std::find_if(items.begin(), items.end(),
                               [&](const T& item) { return (item.*key)() == wanted; });
  return it == items.end() ? nullptr : &*it;
}

absl::Status AddGroups(const DatasetMetadata& metadata, const RequestCodes& codes,
                       AggregationPlan& plan) {
  for (const auto& [field, code] : codes.economies) {
    if (IsPlainEconomy(code)) continue;
    const EconomyGroup* group = BuiltInGroup(code);
    if (group == nullptr) group = FindBy(metadata.groups, code, &EconomyGroup::code);
    if (group == nullptr) {
      return InvalidField(field, absl::StrCat("'", code, "' is neither an ISO 3166-1 alpha-3 ",
                                              "code nor an economy group: WLD, EUU or one the ",
                                              "dataset's country_groups define"));
    }
    if (std::find(plan.groups.begin(), plan.groups.end(), group) == plan.groups.end()) {
      plan.groups.push_back(group);
    }
  }
  return absl::OkStatus();
}

absl::Status AddConcordance(const DatasetMetadata& metadata, const std::string& id,
                            const RequestCodes& codes, AggregationPlan& plan) {
  if (id.empty()) return absl::OkStatus();
  plan.concordance = FindBy(metadata.concordances, id, &ProductConcordance::id);
  if (plan.concordance == nullptr) {
    return InvalidField("aggregation.product_concordance",
                        absl::StrCat("the dataset has no product concordance '", id, "'"));
  }
  for (const auto& [field, code] : codes.products) {
    if (code.empty() || code == kAllProducts || plan.concordance->HasGroup(code)) continue;
    return InvalidField(field, absl::StrCat("'", code, "' is not a group of the product ",
                                            "concordance '", id, "'"));
  }
  return absl::OkStatus();
}

absl::Status AddPriceIndex(const DatasetMetadata& metadata, const v1::FlowAggregation& a,
                           AggregationPlan& plan) {
  if (a.price_index().empty()) return absl::OkStatus();
  plan.price_index = FindBy(metadata.price_indexes, a.price_index(), &PriceIndex::id);
  if (plan.price_index == nullptr) {
    return InvalidField("aggregation.price_index",
                        absl::StrCat("the dataset has no price index '", a.price_index(), "'"));
  }
  plan.base_year = a.base_year();
  absl::StatusOr<Decimal> base = plan.price_index->ValueIn(a.base_year());
  if (!base.ok())
    return InvalidField("aggregation.base_year", std::string(base.status().message()));
  return absl::OkStatus();
}

}  // namespace

bool AggregationInPlay(const v1::FlowAggregation& aggregation, const RequestCodes& codes) {
  return !aggregation.product_concordance().empty() || !aggregation.price_index().empty() ||
         std::any_of(codes.economies.begin(), codes.economies.end(),
                     [](const auto& named) { return !IsPlainEconomy(named.second); });
}

absl::StatusOr<AggregationPlan> ResolveAggregation(const DatasetMetadata& metadata,
                                                   const v1::FlowAggregation& aggregation,
                                                   const RequestCodes& codes,
                                                   const std::string& target_currency) {
  AggregationPlan plan;
  absl::Status s = AddGroups(metadata, codes, plan);
  if (s.ok()) s = AddConcordance(metadata, aggregation.product_concordance(), codes, plan);
  if (s.ok()) s = AddPriceIndex(metadata, aggregation, plan);
  if (!s.ok()) return s;
  plan.rates = &metadata.rates;
  plan.target_currency = target_currency;
  return plan;
}

}  // namespace culturetrade
