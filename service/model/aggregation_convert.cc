#include "service/model/aggregation_convert.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/model/proto_convert.h"

namespace culturetrade {

EconomyGroup GroupFromProto(const v1::CountryGroup& group) {
  std::vector<MembershipSpell> spells;
  spells.reserve(group.members_size());
  for (const v1::GroupMember& m : group.members()) {
    spells.push_back({m.economy(), m.first_year(), m.last_year()});
  }
  return EconomyGroup(group.code(), group.display_name(), std::move(spells));
}

absl::StatusOr<Decimal> WeightFromProto(const v1::ProductMapping& mapping) {
  if (mapping.weight().empty()) return Decimal::FromUnits(1);
  return Decimal::Parse(mapping.weight());
}

absl::StatusOr<ProductConcordance> ConcordanceFromProto(const v1::ProductConcordance& table) {
  std::vector<ProductMapping> mappings;
  mappings.reserve(table.mappings_size());
  for (const v1::ProductMapping& m : table.mappings()) {
    absl::StatusOr<Decimal> weight = WeightFromProto(m);
    if (!weight.ok()) return weight.status();
    mappings.push_back({m.product_code(), m.group_code(), *weight});
  }
  return ProductConcordance::Make(table.id(), table.display_name(), mappings);
}

absl::StatusOr<PriceIndex> PriceIndexFromProto(const v1::PriceIndex& index) {
  std::map<int, Decimal> values;
  for (const v1::PriceIndexValue& v : index.values()) {
    absl::StatusOr<Decimal> value = Decimal::Parse(v.value());
    if (!value.ok()) return value.status();
    if (!values.emplace(v.year(), *value).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("price index ", index.id(), " gives ", v.year(), " twice"));
    }
  }
  return PriceIndex::Make(index.id(), index.display_name(), index.currency_code(),
                          std::move(values));
}

namespace {

// The value of index `id` in `year` as stored, or NOT_FOUND.
absl::StatusOr<std::string> StoredValue(
    const google::protobuf::RepeatedPtrField<v1::PriceIndex>& price_indexes, const std::string& id,
    int year) {
  for (const v1::PriceIndex& index : price_indexes) {
    if (index.id() != id) continue;
    for (const v1::PriceIndexValue& v : index.values()) {
      if (v.year() == year) return v.value();
    }
  }
  return absl::NotFoundError(absl::StrCat("price index ", id, " has no stored value for ", year));
}

}  // namespace

absl::StatusOr<v1::AggregationReport> ReportToProto(
    const AggregatedFlows& flows, const AggregationPlan& plan,
    const google::protobuf::RepeatedPtrField<v1::PriceIndex>& price_indexes) {
  v1::AggregationReport out;
  for (const GroupYear& g : flows.groups) {
    v1::GroupComposition* c = out.add_groups();
    c->set_group(g.group);
    c->set_year(g.year);
    c->mutable_contributing_members()->Add(g.contributing.begin(), g.contributing.end());
    c->mutable_silent_members()->Add(g.silent.begin(), g.silent.end());
  }
  for (const UnmappedCode& code : flows.unmapped) {
    v1::UnmappedProduct* u = out.add_unmapped_products();
    u->set_product_code(code.product_code);
    u->set_flows(code.flows);
    if (absl::Status s = SetMoney(code.value, code.currency, u->mutable_value()); !s.ok()) return s;
  }
  if (plan.price_index != nullptr) {
    v1::ConstantPrices* prices = out.mutable_constant_prices();
    prices->set_price_index(plan.price_index->id());
    prices->set_display_name(plan.price_index->display_name());
    prices->set_base_year(plan.base_year);
    absl::StatusOr<std::string> base =
        StoredValue(price_indexes, plan.price_index->id(), plan.base_year);
    if (!base.ok()) return base.status();
    prices->set_base_value(*base);
  }
  return out;
}

}  // namespace culturetrade
