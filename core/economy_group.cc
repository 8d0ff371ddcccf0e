#include "core/economy_group.h"

#include <algorithm>
#include <utility>

#include "core/special_codes.h"

namespace culturetrade {
namespace {

bool InSpell(const MembershipSpell& s, int year) {
  return (s.first_year == 0 || year >= s.first_year) && (s.last_year == 0 || year <= s.last_year);
}

// Spells for `economies`, all from `first` to `last`.
void AddSpells(std::vector<MembershipSpell>& spells, std::initializer_list<const char*> economies,
               int first, int last = 0) {
  for (const char* economy : economies) spells.push_back({economy, first, last});
}

std::vector<MembershipSpell> EuropeanUnionSpells() {
  std::vector<MembershipSpell> s;
  // The Treaty of Rome came into force on 1 January 1958; the enlargements followed.
  AddSpells(s, {"BEL", "DEU", "FRA", "ITA", "LUX", "NLD"}, 1958);
  AddSpells(s, {"DNK", "IRL"}, 1973);
  // The United Kingdom left on 31 January 2020, so it counts in 2020.
  AddSpells(s, {"GBR"}, 1973, 2020);
  AddSpells(s, {"GRC"}, 1981);
  AddSpells(s, {"ESP", "PRT"}, 1986);
  AddSpells(s, {"AUT", "FIN", "SWE"}, 1995);
  AddSpells(s, {"CYP", "CZE", "EST", "HUN", "LTU", "LVA", "MLT", "POL", "SVK", "SVN"}, 2004);
  AddSpells(s, {"BGR", "ROU"}, 2007);
  AddSpells(s, {"HRV"}, 2013);
  return s;
}

}  // namespace

EconomyGroup::EconomyGroup(std::string code, std::string display_name,
                           std::vector<MembershipSpell> spells)
    : code_(std::move(code)), display_name_(std::move(display_name)), spells_(std::move(spells)) {
  for (size_t i = 0; i < spells_.size(); ++i) by_economy_[spells_[i].economy].push_back(i);
}

bool EconomyGroup::is_world() const { return code_ == kWorld; }

bool EconomyGroup::Contains(absl::string_view economy, int year) const {
  if (is_world()) return economy != kWorld;
  const auto it = by_economy_.find(economy);
  if (it == by_economy_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](size_t i) { return InSpell(spells_[i], year); });
}

bool EconomyGroup::Lists(absl::string_view economy) const {
  return is_world() ? economy != kWorld : by_economy_.contains(economy);
}

std::vector<std::string> EconomyGroup::MembersIn(int year) const {
  std::vector<std::string> members;
  for (const MembershipSpell& s : spells_) {
    if (InSpell(s, year)) members.push_back(s.economy);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return members;
}

bool SpellsOverlap(const MembershipSpell& a, const MembershipSpell& b) {
  const bool a_ends_before_b = a.last_year != 0 && b.first_year != 0 && a.last_year < b.first_year;
  const bool b_ends_before_a = b.last_year != 0 && a.first_year != 0 && b.last_year < a.first_year;
  return a.economy == b.economy && !a_ends_before_b && !b_ends_before_a;
}

const EconomyGroup& World() {
  static const auto* world = new EconomyGroup(kWorld, "World", {});
  return *world;
}

const EconomyGroup& EuropeanUnion() {
  static const auto* eu = new EconomyGroup(kEuropeanUnion, "European Union", EuropeanUnionSpells());
  return *eu;
}

const EconomyGroup* BuiltInGroup(absl::string_view code) {
  if (code == kWorld) return &World();
  if (code == kEuropeanUnion) return &EuropeanUnion();
  return nullptr;
}

}  // namespace culturetrade
