#include "service/storage/zone_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/flow_block_builder.h"

namespace culturetrade {
namespace {

FlowBlock Pairs(const std::vector<std::vector<std::string>>& flows) {
  FlowBlockBuilder b;
  for (const auto& f : flows) {
    FlowBlockBuilder::Row row;
    row.reporter = b.Economy(f[0]);
    row.partner = b.Economy(f[1]);
    row.product = b.Product(Classification::kHs, f[2], "");
    row.currency = b.Currency("USD");
    row.period.year = std::stoi(f[3]);
    b.Add(row);
  }
  return b.Take();
}

TEST(ZoneMapTest, HoldsTheSortedDistinctCodesAndTheYearsOfTheBlock) {
  const ZoneMap zone = ZoneMapOf(Pairs(
      {{"KOR", "CHN", "B", "2001"}, {"CHN", "USA", "A", "1999"}, {"KOR", "USA", "B", "2005"}}));
  EXPECT_EQ(zone.reporters, (std::vector<std::string>{"CHN", "KOR"}));
  EXPECT_EQ(zone.partners, (std::vector<std::string>{"CHN", "USA"}));
  EXPECT_EQ(zone.products, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(zone.min_year, 1999);
  EXPECT_EQ(zone.max_year, 2005);
}

TEST(ZoneMapTest, MatchesOnlyWhatTheBlockMayHold) {
  const ZoneMap zone = ZoneMapOf(Pairs({{"KOR", "CHN", "B", "2001"}, {"CHN", "USA", "A", "2003"}}));
  EXPECT_TRUE(MayMatch(zone, BlockFilter{}));
  EXPECT_TRUE(MayMatch(zone, BlockFilter{{"FRA", "KOR"}, {}, {}, 0, 0}));
  EXPECT_FALSE(MayMatch(zone, BlockFilter{{"FRA"}, {}, {}, 0, 0}));
  EXPECT_FALSE(MayMatch(zone, BlockFilter{{"KOR"}, {"FRA"}, {}, 0, 0}));
  EXPECT_FALSE(MayMatch(zone, BlockFilter{{}, {}, {"C"}, 0, 0}));
  EXPECT_TRUE(MayMatch(zone, BlockFilter{{}, {}, {}, 2003, 0}));
  EXPECT_FALSE(MayMatch(zone, BlockFilter{{}, {}, {}, 2004, 0}));
  EXPECT_FALSE(MayMatch(zone, BlockFilter{{}, {}, {}, 0, 2000}));
  EXPECT_TRUE(MayMatch(zone, BlockFilter{{}, {}, {}, 1990, 2001}));
}

TEST(ZoneMapTest, ASetNotKnownMatchesAnything) {
  ZoneMap zone = ZoneMapOf(Pairs({{"KOR", "CHN", "B", "2001"}}));
  zone.products.clear();
  EXPECT_TRUE(MayMatch(zone, BlockFilter{{"KOR"}, {}, {"Z"}, 0, 0}));
  EXPECT_FALSE(MayMatch(zone, BlockFilter{{"USA"}, {}, {"Z"}, 0, 0}));
}

}  // namespace
}  // namespace culturetrade
