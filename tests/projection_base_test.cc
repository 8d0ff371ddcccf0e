#include "core/projection_base.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

using ::testing::HasSubstr;

Decimal D(const char* text) { return *Decimal::Parse(text); }

AnnualSeries Series(const std::vector<std::pair<int, const char*>>& years) {
  std::vector<YearValue> values;
  values.reserve(years.size());
  for (const auto& [year, value] : years) values.push_back(YearValue{year, D(value)});
  return AnnualSeries("USD", std::move(values));
}

// Exports in 2018, 2019, 2021 and 2022; imports in 2018 to 2021. 2022 has no imports, so the
// last year with both is 2021.
const AnnualSeries kExports = Series({{2018, "10"}, {2019, "0"}, {2021, "30.5"}, {2022, "40"}});
const AnnualSeries kImports = Series({{2018, "20"}, {2019, "25"}, {2020, "26"}, {2021, "27"}});

TEST(FindProjectionBaseTest, TheLastYearWithBothFlows) {
  absl::StatusOr<ProjectionBase> base = FindProjectionBase(kExports, kImports, 0);
  ASSERT_TRUE(base.ok()) << base.status();
  EXPECT_EQ(base->year, 2021);
  EXPECT_EQ(base->exports, D("30.5"));
  EXPECT_EQ(base->imports, D("27"));
}

TEST(FindProjectionBaseTest, TheYearAskedForEvenWithZeroExports) {
  absl::StatusOr<ProjectionBase> base = FindProjectionBase(kExports, kImports, 2019);
  ASSERT_TRUE(base.ok()) << base.status();
  EXPECT_EQ(base->year, 2019);
  EXPECT_EQ(base->exports, D("0"));
  EXPECT_EQ(base->imports, D("25"));
}

TEST(FindProjectionBaseTest, AnAskedYearMissingEitherFlowIsAnError) {
  for (int year : {2020, 2022, 2030}) {
    absl::StatusOr<ProjectionBase> base = FindProjectionBase(kExports, kImports, year);
    ASSERT_FALSE(base.ok()) << year;
    EXPECT_EQ(base.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(base.status().message(),
                HasSubstr(absl::StrCat("base year ", year, " needs both")));
  }
}

TEST(FindProjectionBaseTest, NoCommonYearIsAnError) {
  for (const auto& [x, m] : {std::pair{Series({{2018, "1"}}), Series({{2019, "1"}})},
                             std::pair{AnnualSeries(), kImports}}) {
    absl::StatusOr<ProjectionBase> base = FindProjectionBase(x, m, 0);
    ASSERT_FALSE(base.ok());
    EXPECT_EQ(base.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(base.status().message(), HasSubstr("no year has both"));
  }
}

}  // namespace
}  // namespace culturetrade
