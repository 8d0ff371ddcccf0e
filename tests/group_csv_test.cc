// The economy-group importer on strings: spells with open ends, names, and the errors that
// name the line and column of a bad row.
#include "import/group_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace culturetrade::import {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<GroupCsv> Read(const std::string& text) {
  std::istringstream in(text);
  return ReadGroupsCsv(in);
}

TEST(GroupCsv, SpellsWithOpenEndsMakeOneGroupEach) {
  absl::StatusOr<GroupCsv> r = Read(
      "group,economy,first_year,last_year,group_name\n"
      "EU_CORE,DEU,,,Founding members\n"
      "EU_CORE,gbr,1973,2020,\n"
      "NORDIC,SWE,1995,,\n"
      "EU_CORE,FRA,,,\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->groups.size(), 2);
  const v1::CountryGroup& core = r->groups[0];
  EXPECT_EQ(core.code(), "EU_CORE");
  EXPECT_EQ(core.display_name(), "Founding members");
  ASSERT_EQ(core.members_size(), 3);
  EXPECT_EQ(core.members(1).economy(), "GBR");
  EXPECT_EQ(core.members(1).first_year(), 1973);
  EXPECT_EQ(core.members(1).last_year(), 2020);
  EXPECT_EQ(core.members(0).first_year(), 0);  // always
  EXPECT_EQ(core.members(0).last_year(), 0);   // still
  EXPECT_EQ(r->groups[1].code(), "NORDIC");
  EXPECT_EQ(r->groups[1].display_name(), "");
  EXPECT_EQ(r->report.rows, 4);
}

TEST(GroupCsv, SeparateSpellsOfOneEconomy) {
  absl::StatusOr<GroupCsv> r = Read(
      "group;economy;first_year;last_year\n"
      "PACT;NZL;1990;1999\n"
      "PACT;NZL;2005;\n");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->groups[0].members_size(), 2);
}

TEST(GroupCsv, ErrorsNameLineAndColumn) {
  const std::string header = "group,economy,first_year,last_year,group_name\n";
  EXPECT_THAT(Read(header + "ASEAN,IDN,1967,,\nasean,MYS,1967,,\n").status().message(),
              HasSubstr("line 3, column 'group': 'asean' is not a group code"));
  EXPECT_THAT(Read(header + "EUU,FRA,,,\n").status().message(),
              HasSubstr("line 2, column 'group': EUU is a built-in group"));
  EXPECT_THAT(Read(header + "ASEAN,Indonesia,1967,,\n").status().message(),
              HasSubstr("line 2, column 'economy': 'Indonesia' is not an ISO 3166-1 alpha-3"));
  EXPECT_THAT(Read(header + "ASEAN,W00,,,\n").status().message(),
              HasSubstr("line 2, column 'economy': a member is one economy, not the world"));
  EXPECT_THAT(Read(header + "ASEAN,IDN,67,,\n").status().message(),
              HasSubstr("line 2, column 'first_year': '67' is not a year"));
  EXPECT_THAT(Read(header + "ASEAN,IDN,1999,1990,\n").status().message(),
              HasSubstr("line 2, column 'last_year': 1990 is before the first year, 1999"));
  EXPECT_THAT(Read(header + "ASEAN,IDN,,,A\nASEAN,MYS,,,B\n").status().message(),
              HasSubstr("line 3, column 'group_name': group ASEAN is named 'A'"));
  EXPECT_THAT(Read(header + "ASEAN,IDN,1967,2000,\nASEAN,IDN,1999,,\n").status().message(),
              HasSubstr("line 3, column 'first_year': IDN's spell in ASEAN (1999 to now) "
                        "overlaps its spell from 1967 to 2000"));
}

TEST(GroupCsv, HeaderNeedsItsColumns) {
  EXPECT_THAT(Read("group,economy,first_year\nASEAN,IDN,1967\n").status().message(),
              HasSubstr("line 1: the header has no last_year column"));
  EXPECT_THAT(Read("group,economy,first_year,last_year\n").status().message(),
              HasSubstr("no rows"));
}

}  // namespace
}  // namespace culturetrade::import
