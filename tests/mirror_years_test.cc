#include "core/mirror_years.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

AnnualSeries Series(const std::vector<std::pair<int, const char*>>& years) {
  std::vector<YearValue> values;
  values.reserve(years.size());
  for (const auto& [year, value] : years) values.push_back(YearValue{year, D(value)});
  return AnnualSeries("USD", std::move(values));
}

TEST(MirrorDirectionTest, EachDirectionHasItsMirror) {
  EXPECT_EQ(MirrorDirection(Direction::kExport), Direction::kImport);
  EXPECT_EQ(MirrorDirection(Direction::kImport), Direction::kExport);
  EXPECT_EQ(MirrorDirection(Direction::kReExport), Direction::kReImport);
  EXPECT_EQ(MirrorDirection(Direction::kReImport), Direction::kReExport);
}

// reported 2018: 120, 2019: 90, 2021: 5, 2022: 60.25
// mirror   2018: 100, 2020: 40, 2021: 0, 2022: 80.5
//   2018: difference 20, relative 20 / 100 = 0.2
//   2019: no mirror;  2020: no report (a missing year on either side has no difference)
//   2021: difference 5, no relative difference (the mirror is zero)
//   2022: difference −20.25, relative −20.25 / 80.5
TEST(MirrorYearsTest, HandComputedYears) {
  const std::vector<MirrorYear> years =
      MirrorYears(Series({{2018, "120"}, {2019, "90"}, {2021, "5"}, {2022, "60.25"}}),
                  Series({{2018, "100"}, {2020, "40"}, {2021, "0"}, {2022, "80.5"}}));
  ASSERT_EQ(years.size(), 5u);
  EXPECT_EQ(years[0].year, 2018);
  EXPECT_EQ(years[0].reported, D("120"));
  EXPECT_EQ(years[0].mirror, D("100"));
  EXPECT_EQ(years[0].difference, D("20"));
  EXPECT_DOUBLE_EQ(*years[0].relative_difference, 0.2);

  EXPECT_EQ(years[1].year, 2019);
  EXPECT_EQ(years[1].reported, D("90"));
  EXPECT_FALSE(years[1].mirror.has_value());
  EXPECT_FALSE(years[1].difference.has_value());
  EXPECT_FALSE(years[1].relative_difference.has_value());

  EXPECT_EQ(years[2].year, 2020);
  EXPECT_FALSE(years[2].reported.has_value());
  EXPECT_EQ(years[2].mirror, D("40"));
  EXPECT_FALSE(years[2].difference.has_value());

  EXPECT_EQ(years[3].year, 2021);
  EXPECT_EQ(years[3].mirror, D("0"));
  EXPECT_EQ(years[3].difference, D("5"));
  EXPECT_FALSE(years[3].relative_difference.has_value());

  EXPECT_EQ(years[4].year, 2022);
  EXPECT_EQ(years[4].difference, D("-20.25"));
  EXPECT_DOUBLE_EQ(*years[4].relative_difference, -20.25 / 80.5);
}

TEST(MirrorYearsTest, OneSideEmptyListsTheOthersYears) {
  const std::vector<MirrorYear> years = MirrorYears(AnnualSeries(), Series({{2020, "1"}}));
  ASSERT_EQ(years.size(), 1u);
  EXPECT_FALSE(years[0].reported.has_value());
  EXPECT_EQ(years[0].mirror, D("1"));
  EXPECT_TRUE(MirrorYears(AnnualSeries(), AnnualSeries()).empty());
}

}  // namespace
}  // namespace culturetrade
