#include "import/group_csv.h"

#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/special_codes.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"
#include "import/csv_table.h"
#include "import/flow_fields.h"

namespace culturetrade::import {
namespace {

// One row: a member's spell in a group, and the group's name if the row gives one.
struct GroupRow {
  std::string group;
  std::string name;
  v1::GroupMember member;
};

// A spell's years with the open ends as the lowest and highest years there are.
std::pair<int, int> Span(const v1::GroupMember& m) {
  return {m.first_year() == 0 ? std::numeric_limits<int>::min() : m.first_year(),
          m.last_year() == 0 ? std::numeric_limits<int>::max() : m.last_year()};
}

std::string SpellText(const v1::GroupMember& m) {
  return absl::StrCat(m.first_year() == 0 ? "always" : absl::StrCat(m.first_year()), " to ",
                      m.last_year() == 0 ? "now" : absl::StrCat(m.last_year()));
}

// The rows of a group file. It also checks each row against the rows before it (a second name,
// an overlapping spell), so that the error names the row's line: ReadCsvTable reads the rows in
// order on one thread, which is what lets Read keep that record.
class GroupRows final : public CsvRowReader<GroupRow> {
 public:
  static CsvRowReaderOr<GroupRow> Make(CsvHeader& h, CsvReport& report) {
    report.layout = "economy groups";
    auto r = std::make_unique<GroupRows>();
    r->group_ = h.Claim({"group", "group_code"}, "group code");
    r->economy_ = h.Claim({"economy", "member", "country"}, "member economy (ISO alpha-3)");
    r->first_ = h.Claim({"first_year"}, "first year of membership (blank: always)");
    r->last_ = h.Claim({"last_year"}, "last year of membership (blank: still)");
    r->name_ = h.Claim({"group_name", "name"}, "the group's name");
    for (const auto& [column, what] : {std::pair{r->group_, "group"},
                                       {r->economy_, "economy"},
                                       {r->first_, "first_year"},
                                       {r->last_, "last_year"}}) {
      if (absl::Status s = NeedColumn(column, what); !s.ok()) return s;
    }
    return std::unique_ptr<CsvRowReader<GroupRow>>(std::move(r));
  }

  absl::Status Read(const CsvRow& row, std::vector<GroupRow>& out) const override {
    GroupRow g;
    g.group = row.Cell(group_);
    if (absl::Status s = CheckGroupCode(g.group); !s.ok()) return row.Bad(group_, s);
    absl::StatusOr<std::string> economy = ParseCountry(row.Cell(economy_));
    if (economy.ok() && *economy == kWorld) {
      economy = CsvError("a member is one economy, not the world (", kWorld, ")");
    }
    if (!economy.ok()) return row.Bad(economy_, economy.status());
    g.member.set_economy(*economy);
    absl::StatusOr<int> first = OpenYear(row, first_);
    if (!first.ok()) return first.status();
    absl::StatusOr<int> last = OpenYear(row, last_);
    if (!last.ok()) return last.status();
    g.member.set_first_year(*first);
    g.member.set_last_year(*last);
    if (*first != 0 && *last != 0 && *last < *first) {
      return row.Bad(last_, CsvError(*last, " is before the first year, ", *first));
    }
    g.name = row.Cell(name_);
    if (absl::Status s = CheckName(row, g); !s.ok()) return s;
    if (absl::Status s = CheckSpell(row, g); !s.ok()) return s;
    out.push_back(std::move(g));
    return absl::OkStatus();
  }

 private:
  // A year, or 0 for a blank cell (an open end).
  static absl::StatusOr<int> OpenYear(const CsvRow& row, int column) {
    const std::string cell = row.Cell(column);
    if (cell.empty()) return 0;
    absl::StatusOr<int> year = ParseYear(cell);
    if (!year.ok()) return row.Bad(column, year.status());
    return year;
  }

  absl::Status CheckName(const CsvRow& row, const GroupRow& g) const {
    if (g.name.empty()) return absl::OkStatus();
    const auto [it, added] = names_.emplace(g.group, g.name);
    if (added || it->second == g.name) return absl::OkStatus();
    return row.Bad(name_, CsvError("group ", g.group, " is named '", it->second,
                                   "' on an earlier row, and '", g.name, "' here"));
  }

  absl::Status CheckSpell(const CsvRow& row, const GroupRow& g) const {
    std::vector<v1::GroupMember>& spells = spells_[{g.group, g.member.economy()}];
    const auto [first, last] = Span(g.member);
    for (const v1::GroupMember& other : spells) {
      const auto [other_first, other_last] = Span(other);
      if (first <= other_last && other_first <= last) {
        return row.Bad(
            first_, CsvError(g.member.economy(), "'s spell in ", g.group, " (", SpellText(g.member),
                             ") overlaps its spell from ", SpellText(other), " on an earlier row"));
      }
    }
    spells.push_back(g.member);
    return absl::OkStatus();
  }

  int group_ = -1, economy_ = -1, first_ = -1, last_ = -1, name_ = -1;
  mutable absl::flat_hash_map<std::string, std::string> names_;
  mutable absl::flat_hash_map<std::pair<std::string, std::string>, std::vector<v1::GroupMember>>
      spells_;
};

bool IsCodeChar(char c) { return absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '_'; }

}  // namespace

absl::Status CheckGroupCode(absl::string_view code) {
  if (code.size() < 3 || code.size() > 12 || !absl::c_all_of(code, IsCodeChar)) {
    return CsvError("'", code,
                    "' is not a group code: 3 to 12 capital letters, digits or _, such as ASEAN");
  }
  if (code == "WLD" || code == "EUU") {
    return CsvError(code, " is a built-in group and cannot be redefined");
  }
  return absl::OkStatus();
}

absl::StatusOr<GroupCsv> ReadGroupsCsv(std::istream& in, char delimiter) {
  GroupCsv out;
  std::vector<GroupRow> rows;
  absl::Status read = ReadCsvTable(in, delimiter, GroupRows::Make, rows, out.report);
  if (!read.ok()) return read;
  absl::flat_hash_map<std::string, size_t> index;  // group code -> its place in out.groups
  for (GroupRow& row : rows) {
    const auto [it, added] = index.emplace(row.group, out.groups.size());
    if (added) out.groups.emplace_back().set_code(row.group);
    v1::CountryGroup& group = out.groups[it->second];
    if (!row.name.empty()) group.set_display_name(row.name);
    *group.add_members() = std::move(row.member);
  }
  return out;
}

}  // namespace culturetrade::import
