// Groups of economies whose membership changes over the years, such as the European Union.
//
// Membership is annual: an economy counts as a member in every year it was one on any day of
// (the EU's 2004 entrants count in all of 2004, the United Kingdom in all of 2020). The world
// `WLD` is a group too, of every economy; it has no list of members.
#ifndef CULTURETRADE_CORE_ECONOMY_GROUP_H_
#define CULTURETRADE_CORE_ECONOMY_GROUP_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace culturetrade {

// The European Union (with the European Communities before it).
inline constexpr char kEuropeanUnion[] = "EUU";

// One economy's years in a group, both ends included; 0 leaves an end open.
struct MembershipSpell {
  std::string economy;
  int first_year = 0;
  int last_year = 0;
};

class EconomyGroup {
 public:
  // Spells must not overlap (the service checks them when a dataset is created).
  EconomyGroup(std::string code, std::string display_name, std::vector<MembershipSpell> spells);

  const std::string& code() const { return code_; }
  const std::string& display_name() const { return display_name_; }
  const std::vector<MembershipSpell>& spells() const { return spells_; }
  // True for the world, which has every economy but no list of them.
  bool is_world() const;

  // Whether `economy` is a member in `year`; for the world, every economy but WLD itself.
  bool Contains(absl::string_view economy, int year) const;
  // Whether `economy` is a member in some year.
  bool Lists(absl::string_view economy) const;
  // The members in `year`, sorted; empty for the world.
  std::vector<std::string> MembersIn(int year) const;

 private:
  std::string code_, display_name_;
  std::vector<MembershipSpell> spells_;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_economy_;  // indexes of spells_
};

// Whether two spells share a year.
bool SpellsOverlap(const MembershipSpell& a, const MembershipSpell& b);

// The built-in groups: the world (WLD) and the European Union (EUU).
const EconomyGroup& World();
const EconomyGroup& EuropeanUnion();
// The built-in group `code`, or nullptr.
const EconomyGroup* BuiltInGroup(absl::string_view code);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_ECONOMY_GROUP_H_
