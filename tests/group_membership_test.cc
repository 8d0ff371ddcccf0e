// Runs of years with the same group membership, as ctrade's tables and the report list them.
#include "report/group_membership.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade::report {
namespace {

using ::testing::ElementsAre;

v1::GroupComposition Year(const std::string& group, int year,
                          const std::vector<std::string>& contributing,
                          const std::vector<std::string>& silent) {
  v1::GroupComposition c;
  c.set_group(group);
  c.set_year(year);
  for (const std::string& e : contributing) c.add_contributing_members(e);
  for (const std::string& e : silent) c.add_silent_members(e);
  return c;
}

TEST(MembershipSpans, ConsecutiveYearsWithTheSameMembersMerge) {
  v1::AggregationReport r;
  *r.add_groups() = Year("EUU", 2002, {"DEU"}, {"FRA"});
  *r.add_groups() = Year("EUU", 2003, {"DEU"}, {"FRA"});
  *r.add_groups() = Year("EUU", 2004, {"DEU"}, {"FRA", "POL"});  // a member more
  *r.add_groups() = Year("EUU", 2006, {"DEU"}, {"FRA", "POL"});  // after a gap
  *r.add_groups() = Year("ASEAN", 2007, {"IDN"}, {});
  const std::vector<MembershipSpan> spans = MembershipSpans(r);
  ASSERT_EQ(spans.size(), 4);
  EXPECT_EQ(SpanYears(spans[0]), "2002-2003");
  EXPECT_THAT(spans[0].silent, ElementsAre("FRA"));
  EXPECT_EQ(SpanYears(spans[1]), "2004");
  EXPECT_THAT(spans[1].silent, ElementsAre("FRA", "POL"));
  EXPECT_EQ(SpanYears(spans[2]), "2006");
  EXPECT_EQ(spans[3].group, "ASEAN");
  EXPECT_THAT(spans[3].contributing, ElementsAre("IDN"));
}

}  // namespace
}  // namespace culturetrade::report
