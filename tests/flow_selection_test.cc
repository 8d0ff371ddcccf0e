#include "core/flow_selection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/special_codes.h"

namespace culturetrade {
namespace {

Flow F(const char* reporter, const char* partner, const char* product, int year,
       const char* value) {
  return Flow{reporter,
              partner,
              product,
              Direction::kExport,
              Period{year, 0, 0},
              *Decimal::Parse(value),
              "USD",
              ValueStatus::kReported};
}

const FlowTable& Table() {
  static const FlowTable* const table = new FlowTable(std::vector<Flow>{
      F("KOR", "CHN", "P1", 2019, "1"),
      F("CHN", "KOR", "P1", 2020, "2"),
      F("KOR", "CHN", "P1", 2020, "3"),
      F("KOR", "CHN", "P2", 2020, "4"),
      F("KOR", kWorld, "P1", 2020, "5"),
  });
  return *table;
}

// The selected rows' values, in order, which identify them.
std::vector<std::string> Values(const FlowTable& t) {
  std::vector<std::string> out;
  for (size_t i = 0; i < t.size(); ++i) out.push_back(t.Row(i).value.ToString());
  return out;
}

TEST(FlowSelectionTest, AnEmptyFilterSelectsAll) {
  EXPECT_TRUE(SelectsAll(FlowFilter()));
  EXPECT_FALSE(SelectsAll(FlowFilter{2020, {}}));
  EXPECT_FALSE(SelectsAll(FlowFilter{0, {{"KOR", "CHN", "P1"}}}));
  EXPECT_EQ(Values(SelectFlows(Table(), FlowFilter())),
            (std::vector<std::string>{"1", "2", "3", "4", "5"}));
}

TEST(FlowSelectionTest, ByYear) {
  EXPECT_EQ(Values(SelectFlows(Table(), {2020, {}})),
            (std::vector<std::string>{"2", "3", "4", "5"}));
  EXPECT_TRUE(SelectFlows(Table(), {2018, {}}).empty());  // a missing year
}

TEST(FlowSelectionTest, ByKeysAndYear) {
  const FlowFilter both_ways{0, {{"KOR", "CHN", "P1"}, {"CHN", "KOR", "P1"}}};
  EXPECT_EQ(Values(SelectFlows(Table(), both_ways)), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(Values(SelectFlows(Table(), {2020, both_ways.keys})),
            (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(Values(SelectFlows(Table(), {0, {{"KOR", kWorld, "P1"}}})),
            (std::vector<std::string>{"5"}));
}

TEST(FlowSelectionTest, CodesTheTableLacksSelectNothing) {
  EXPECT_TRUE(SelectFlows(Table(), {0, {{"JPN", "CHN", "P1"}}}).empty());
  EXPECT_TRUE(SelectFlows(Table(), {0, {{"KOR", "CHN", "P9"}}}).empty());
  EXPECT_TRUE(SelectFlows(FlowTable(), {2020, {{"KOR", "CHN", "P1"}}}).empty());
}

}  // namespace
}  // namespace culturetrade
