#include "core/economy_group.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::SizeIs;

TEST(EconomyGroupTest, EuropeanUnionByEnlargement) {
  const EconomyGroup& eu = EuropeanUnion();
  EXPECT_EQ(eu.code(), "EUU");
  EXPECT_THAT(eu.MembersIn(1994), SizeIs(12));
  EXPECT_THAT(eu.MembersIn(1995), SizeIs(15));
  EXPECT_THAT(eu.MembersIn(2003), SizeIs(15));
  EXPECT_THAT(eu.MembersIn(2004), SizeIs(25));
  EXPECT_THAT(eu.MembersIn(2007), SizeIs(27));
  EXPECT_THAT(eu.MembersIn(2013), SizeIs(28));
  EXPECT_THAT(eu.MembersIn(2020), SizeIs(28));
  EXPECT_THAT(eu.MembersIn(2021), SizeIs(27));
  EXPECT_THAT(eu.MembersIn(1986), SizeIs(12));
  EXPECT_THAT(eu.MembersIn(1985), SizeIs(10));
}

TEST(EconomyGroupTest, AMemberInAnyYearItWasOneOnAnyDayOf) {
  const EconomyGroup& eu = EuropeanUnion();
  EXPECT_FALSE(eu.Contains("POL", 2003));
  EXPECT_TRUE(eu.Contains("POL", 2004));  // joined on 1 May 2004
  EXPECT_TRUE(eu.Contains("HRV", 2013));  // joined on 1 July 2013
  EXPECT_TRUE(eu.Contains("GBR", 2020));  // left on 31 January 2020
  EXPECT_FALSE(eu.Contains("GBR", 2021));
  EXPECT_FALSE(eu.Contains("KOR", 2004));
  EXPECT_THAT(eu.MembersIn(2021), Not(Contains("GBR")));
  EXPECT_TRUE(eu.Lists("GBR"));  // in some year
  EXPECT_FALSE(eu.Lists("KOR"));
}

TEST(EconomyGroupTest, SpellsOfADefinedGroup) {
  const EconomyGroup g("EU_CORE", "Core",
                       {{"FRA", 0, 0}, {"DEU", 1990, 1999}, {"DEU", 2005, 0}, {"ITA", 0, 2000}});
  EXPECT_THAT(g.MembersIn(1989), ElementsAre("FRA", "ITA"));
  EXPECT_THAT(g.MembersIn(1995), ElementsAre("DEU", "FRA", "ITA"));
  EXPECT_THAT(g.MembersIn(2002), ElementsAre("FRA"));
  EXPECT_THAT(g.MembersIn(2030), ElementsAre("DEU", "FRA"));
  EXPECT_FALSE(g.is_world());
}

TEST(EconomyGroupTest, OverlappingSpells) {
  EXPECT_TRUE(SpellsOverlap({"DEU", 1990, 1999}, {"DEU", 1999, 0}));
  EXPECT_FALSE(SpellsOverlap({"DEU", 1990, 1999}, {"DEU", 2000, 0}));
  EXPECT_TRUE(SpellsOverlap({"DEU", 0, 0}, {"DEU", 2000, 2001}));
  EXPECT_FALSE(SpellsOverlap({"DEU", 0, 0}, {"FRA", 0, 0}));
}

TEST(EconomyGroupTest, WorldHasEveryEconomyButItself) {
  EXPECT_TRUE(World().is_world());
  EXPECT_TRUE(World().Contains("KOR", 1950));
  EXPECT_FALSE(World().Contains("WLD", 2000));
  EXPECT_THAT(World().MembersIn(2000), SizeIs(0));
  EXPECT_EQ(BuiltInGroup("WLD"), &World());
  EXPECT_EQ(BuiltInGroup("EUU"), &EuropeanUnion());
  EXPECT_EQ(BuiltInGroup("KOR"), nullptr);
}

}  // namespace
}  // namespace culturetrade
