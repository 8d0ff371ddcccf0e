#include "service/model/aggregation_validation.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/economy_group.h"
#include "core/special_codes.h"
#include "service/model/aggregation_convert.h"
#include "service/model/iso_codes.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

// An id of a concordance or price index: 1 to 63 lower-case letters, digits, `-` and `_`.
bool IsTableId(absl::string_view id) {
  return !id.empty() && id.size() <= 63 && std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_islower(static_cast<unsigned char>(c)) ||
           absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// Adds a violation of `field` unless `id` is a table id not yet in `seen`.
void CheckTableId(absl::string_view id, const std::string& field,
                  absl::flat_hash_set<std::string>& seen, FieldViolations& v) {
  if (!IsTableId(id)) {
    v.Add(field, absl::StrCat("'", id, "' is not an id: 1 to 63 lower-case letters, digits, ",
                              "'-' and '_', for example kor-cpi"));
  } else if (!seen.insert(std::string(id)).second) {
    v.Add(field, absl::StrCat("the id '", id, "' is used twice"));
  }
}

void CheckMembers(const v1::CountryGroup& g, const std::string& field, FieldViolations& v) {
  if (g.members().empty()) v.Add(field + ".members", "a group needs at least one member");
  absl::flat_hash_map<std::string, std::vector<int>> spells;  // indexes by economy
  for (int j = 0; j < g.members_size(); ++j) {
    const v1::GroupMember& m = g.members(j);
    const std::string member = absl::StrCat(field, ".members[", j, "]");
    if (m.economy() == kWorld) {
      v.Add(member + ".economy", "a member is one economy, not WLD");
    } else {
      CheckCountry(m.economy(), member + ".economy", v);
    }
    CheckYear(m.first_year(), member + ".first_year", /*optional=*/true, v);
    CheckYear(m.last_year(), member + ".last_year", /*optional=*/true, v);
    if (m.first_year() != 0 && m.last_year() != 0 && m.last_year() < m.first_year()) {
      v.Add(member + ".last_year", absl::StrCat("the spell ", m.first_year(), " to ", m.last_year(),
                                                " ends before it starts"));
    }
    for (int earlier : spells[m.economy()]) {
      const v1::GroupMember& e = g.members(earlier);
      if (SpellsOverlap({e.economy(), e.first_year(), e.last_year()},
                        {m.economy(), m.first_year(), m.last_year()})) {
        v.Add(member,
              absl::StrCat(m.economy(), "'s spell overlaps its spell in members[", earlier, "]"));
      }
    }
    spells[m.economy()].push_back(j);
  }
}

void ValidateGroups(const v1::Dataset& d, const std::string& prefix, FieldViolations& v) {
  absl::flat_hash_set<std::string> codes;
  for (int i = 0; i < d.country_groups_size(); ++i) {
    const v1::CountryGroup& g = d.country_groups(i);
    const std::string field = absl::StrCat(prefix, "country_groups[", i, "]");
    if (!IsGroupCodeSyntax(g.code())) {
      v.Add(field + ".code", absl::StrCat("'", g.code(), "' is not a group code: 3 to 12 ",
                                          "upper-case letters, digits or '_', such as ASEAN"));
    } else if (BuiltInGroup(g.code()) != nullptr || IsKnownEconomy(g.code())) {
      v.Add(field + ".code",
            absl::StrCat("'", g.code(), "' is ",
                         BuiltInGroup(g.code()) ? "a built-in group" : "an economy",
                         "'s code; a group needs a code of its own"));
    } else if (!codes.insert(g.code()).second) {
      v.Add(field + ".code", absl::StrCat("the group ", g.code(), " is defined twice"));
    }
    CheckMembers(g, field, v);
  }
}

void ValidateMappings(const v1::ProductConcordance& c, const std::string& field,
                      FieldViolations& v) {
  if (c.mappings().empty()) v.Add(field + ".mappings", "a concordance needs mappings");
  const int before = v.count();
  for (int j = 0; j < c.mappings_size(); ++j) {
    const v1::ProductMapping& m = c.mappings(j);
    const std::string mapping = absl::StrCat(field, ".mappings[", j, "]");
    if (m.product_code().empty() || m.product_code().size() > 64) {
      v.Add(mapping + ".product_code", "a product code of 1 to 64 characters");
    }
    if (m.group_code().empty() || m.group_code().size() > 64) {
      v.Add(mapping + ".group_code", "a group code of 1 to 64 characters");
    }
    absl::StatusOr<Decimal> weight = WeightFromProto(m);
    absl::Status share = weight.ok() ? CheckShareWeight(*weight) : weight.status();
    if (!share.ok()) {
      v.Add(mapping + ".weight", absl::StrCat("'", m.weight(), "': ", share.message()));
    }
  }
  if (v.count() != before) return;
  // The table as a whole: each product's weights sum to exactly 1, each group once.
  absl::StatusOr<ProductConcordance> table = ConcordanceFromProto(c);
  if (!table.ok()) v.Add(field + ".mappings", std::string(table.status().message()));
}

void ValidateConcordances(const v1::Dataset& d, const std::string& prefix, FieldViolations& v) {
  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < d.product_concordances_size(); ++i) {
    const std::string field = absl::StrCat(prefix, "product_concordances[", i, "]");
    CheckTableId(d.product_concordances(i).id(), field + ".id", ids, v);
    ValidateMappings(d.product_concordances(i), field, v);
  }
}

void ValidatePriceIndexes(const v1::Dataset& d, const std::string& prefix, FieldViolations& v) {
  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < d.price_indexes_size(); ++i) {
    const v1::PriceIndex& index = d.price_indexes(i);
    const std::string field = absl::StrCat(prefix, "price_indexes[", i, "]");
    CheckTableId(index.id(), field + ".id", ids, v);
    CheckCurrency(index.currency_code(), field + ".currency_code", /*optional=*/false, v);
    if (index.values().empty()) v.Add(field + ".values", "an index needs a value for a year");
    absl::flat_hash_set<int> years;
    for (int j = 0; j < index.values_size(); ++j) {
      const v1::PriceIndexValue& value = index.values(j);
      const std::string entry = absl::StrCat(field, ".values[", j, "]");
      CheckYear(value.year(), entry + ".year", /*optional=*/false, v);
      if (!years.insert(value.year()).second) {
        v.Add(entry + ".year", absl::StrCat(value.year(), " is given twice"));
      }
      absl::StatusOr<Decimal> parsed = Decimal::Parse(value.value());
      if (!parsed.ok() || !parsed->is_positive()) {
        v.Add(entry + ".value", absl::StrCat("'", value.value(), "' is not a positive decimal"));
      }
    }
  }
}

}  // namespace

bool IsGroupCodeSyntax(absl::string_view code) {
  return code.size() >= 3 && code.size() <= 12 && std::all_of(code.begin(), code.end(), [](char c) {
           return absl::ascii_isupper(static_cast<unsigned char>(c)) ||
                  absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '_';
         });
}

void CheckEconomyOrGroup(absl::string_view code, const std::string& field, FieldViolations& v) {
  if (IsKnownEconomy(code) || IsGroupCodeSyntax(code)) return;
  CheckCountry(code, field, v);
}

void CheckAggregation(const v1::FlowAggregation& a, FieldViolations& v) {
  if (!a.product_concordance().empty() && !IsTableId(a.product_concordance())) {
    v.Add("aggregation.product_concordance",
          absl::StrCat("'", a.product_concordance(), "' is not a concordance id"));
  }
  if (!a.price_index().empty() && !IsTableId(a.price_index())) {
    v.Add("aggregation.price_index", absl::StrCat("'", a.price_index(), "' is not an index id"));
  }
  if (!a.price_index().empty() && a.base_year() == 0) {
    v.Add("aggregation.base_year", "constant prices need a base year");
  } else if (a.base_year() != 0) {
    CheckYear(a.base_year(), "aggregation.base_year", /*optional=*/false, v);
  }
  if (a.price_index().empty() && a.base_year() != 0) {
    v.Add("aggregation.price_index", "a base year needs a price index");
  }
}

void ValidateAggregationContent(const v1::Dataset& d, const std::string& prefix,
                                FieldViolations& v) {
  ValidateGroups(d, prefix, v);
  ValidateConcordances(d, prefix, v);
  ValidatePriceIndexes(d, prefix, v);
}

}  // namespace culturetrade
