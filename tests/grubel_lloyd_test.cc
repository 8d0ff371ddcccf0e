#include "core/grubel_lloyd.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "core/special_codes.h"

namespace culturetrade {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow F(const char* reporter, const char* partner, const char* product, Direction d, int year,
       const char* value) {
  return Flow{reporter,           partner,  product, d,
              Period{year, 0, 0}, D(value), "USD",   ValueStatus::kReported};
}

// KOR with CHN in 2020:
//   P2: X = 20 + 10 = 30, M = 10      -> 1 − 20 / 40 = 0.5
//   P1: X = 45,           M = 45      -> 1
//   P3: only a re-export              -> no trade, skipped
//   TOTAL, another year, another pair -> left out
//   aggregate: 1 − (20 + 0) / (40 + 90) = 1 − 2/13 = 11/13
FlowTable Pair2020() {
  return FlowTable(std::vector<Flow>{
      F("KOR", "CHN", "P2", Direction::kExport, 2020, "20"),
      F("KOR", "CHN", "P1", Direction::kImport, 2020, "45"),
      F("KOR", "CHN", "P3", Direction::kReExport, 2020, "7"),
      F("KOR", "CHN", "P2", Direction::kExport, 2020, "10"),
      F("KOR", "CHN", "P2", Direction::kImport, 2020, "10"),
      F("KOR", "CHN", "P1", Direction::kExport, 2020, "45"),
      F("KOR", "CHN", kAllProducts, Direction::kExport, 2020, "75"),
      F("KOR", "CHN", "P1", Direction::kExport, 2019, "1000"),
      F("CHN", "KOR", "P1", Direction::kExport, 2020, "1000"),
      F("KOR", kWorld, "P1", Direction::kExport, 2020, "1000"),
  });
}

TEST(PairGrubelLloydTest, HandComputedPerProductAndAggregate) {
  absl::StatusOr<GrubelLloydResult> gl = PairGrubelLloyd(Pair2020(), "KOR", "CHN", 2020);
  ASSERT_TRUE(gl.ok()) << gl.status();
  EXPECT_THAT(gl->by_product, ElementsAre(Pair("P1", DoubleEq(1.0)), Pair("P2", DoubleEq(0.5))));
  EXPECT_THAT(gl->skipped, ElementsAre("P3"));
  EXPECT_DOUBLE_EQ(gl->aggregate, 11.0 / 13.0);
}

TEST(PairGrubelLloydTest, OneWayTradeIsZero) {
  absl::StatusOr<GrubelLloydResult> gl = PairGrubelLloyd(Pair2020(), "KOR", kWorld, 2020);
  ASSERT_TRUE(gl.ok()) << gl.status();
  EXPECT_THAT(gl->by_product, ElementsAre(Pair("P1", DoubleEq(0.0))));
  EXPECT_THAT(gl->skipped, IsEmpty());
  EXPECT_DOUBLE_EQ(gl->aggregate, 0.0);
}

TEST(PairGrubelLloydTest, NoTradeIsAnError) {
  for (const auto& [reporter, partner, year] :
       {std::tuple{"KOR", "CHN", 2018}, std::tuple{"KOR", "JPN", 2020},
        std::tuple{"JPN", "CHN", 2020}}) {
    absl::StatusOr<GrubelLloydResult> gl = PairGrubelLloyd(Pair2020(), reporter, partner, year);
    ASSERT_FALSE(gl.ok()) << reporter << partner << year;
    EXPECT_EQ(gl.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(gl.status().message(), HasSubstr("none of the 0 products"));
  }
  // Zero totals only: the product is listed and skipped, and the aggregate is undefined.
  const FlowTable zeros(std::vector<Flow>{F("KOR", "CHN", "P1", Direction::kExport, 2020, "0")});
  absl::StatusOr<GrubelLloydResult> gl = PairGrubelLloyd(zeros, "KOR", "CHN", 2020);
  ASSERT_FALSE(gl.ok());
  EXPECT_THAT(gl.status().message(), HasSubstr("none of the 1 products"));
}

}  // namespace
}  // namespace culturetrade
