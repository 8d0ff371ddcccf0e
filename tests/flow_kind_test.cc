#include "core/flow_kind.h"

#include <gtest/gtest.h>

namespace culturetrade {
namespace {

TEST(FlowKindTest, EveryPeriodDirectionAndStatusRoundTrips) {
  int kinds = 0;
  for (int month = 0; month <= 12; ++month) {
    for (int quarter = 0; quarter <= 4; ++quarter) {
      if (month != 0 && quarter != 0) continue;  // a period is a month or a quarter
      for (int d = 0; d < 4; ++d) {
        for (int s = 0; s < 3; ++s) {
          const uint8_t kind =
              PackKind(month, quarter, static_cast<Direction>(d), static_cast<ValueStatus>(s));
          EXPECT_LT(kind, 204);
          EXPECT_EQ(KindMonth(kind), month);
          EXPECT_EQ(KindQuarter(kind), quarter);
          EXPECT_EQ(KindDirectionCode(kind), d);
          EXPECT_EQ(KindStatusCode(kind), s);
          EXPECT_EQ(KindCoverage(kind), CoverageOf(month, quarter));
          EXPECT_EQ(KindIsSubAnnual(kind), month != 0 || quarter != 0);
          ++kinds;
        }
      }
    }
  }
  EXPECT_EQ(kinds, 204);
}

TEST(FlowKindTest, AMonthWinsOverAQuarterAsInCoverage) {
  const uint8_t kind = PackKind(5, 2, Direction::kExport, ValueStatus::kReported);
  EXPECT_EQ(KindMonth(kind), 5);
  EXPECT_EQ(KindQuarter(kind), 0);
  EXPECT_EQ(KindCoverage(kind), CoverageOf(5, 2));
  EXPECT_EQ(KindCoverage(PackKind(13, 0, Direction::kExport, ValueStatus::kReported)),
            CoverageOf(13, 0));  // no such month: the whole year
}

}  // namespace
}  // namespace culturetrade
