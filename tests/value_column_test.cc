#include "core/value_column.h"

#include <gtest/gtest.h>

#include <vector>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

std::vector<Decimal> Ds(std::initializer_list<const char*> texts) {
  std::vector<Decimal> out;
  for (const char* t : texts) out.push_back(D(t));
  return out;
}

void ExpectHolds(const ValueColumn& column, const std::vector<Decimal>& values) {
  ASSERT_EQ(column.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(Decimal::FromNanos(column.nanos(i)), values[i]) << i;
  }
}

TEST(ValueColumnTest, HoldsTheFewestPlacesThatKeepEveryValueExact) {
  ValueColumn column;
  const std::vector<Decimal> values = Ds({"12", "-7", "0", "4.5", "1.25", "-0.001"});
  column.Append(absl::MakeConstSpan(values).subspan(0, 3));
  EXPECT_EQ(column.scale(), 0);
  column.Append(values[3]);
  EXPECT_EQ(column.scale(), 1);
  column.Append(absl::MakeConstSpan(values).subspan(4));  // rescales twice within one span
  EXPECT_EQ(column.scale(), 3);
  EXPECT_FALSE(column.wide());
  ExpectHolds(column, values);
  column.ShrinkToFit();
  EXPECT_EQ(column.bytes(), column.size() * sizeof(int64_t));
}

// A new value that needs more places rescales the column; one beyond an int64 widens it.
TEST(ValueColumnTest, SetMakesRoomForTheNewValue) {
  struct Case {
    const char* value;
    int scale;
    bool wide;
  };
  for (const Case& c : {Case{"0.626153846", 9, false}, Case{"98765432109876543210", 0, true}}) {
    ValueColumn column;
    std::vector<Decimal> values = Ds({"100", "200"});
    column.Append(values);
    values[1] = D(c.value);
    column.Set(1, values[1]);
    EXPECT_EQ(column.scale(), c.scale) << c.value;
    EXPECT_EQ(column.wide(), c.wide) << c.value;
    ExpectHolds(column, values);
  }
}

TEST(ValueColumnTest, AValueBeyondInt64WidensTheColumn) {
  ValueColumn column;
  // 10^10 units in nanos is 10^19, past int64 but fine as a count of whole units.
  std::vector<Decimal> values = Ds({"1.5", "10000000000"});
  column.Append(values);
  EXPECT_FALSE(column.wide());
  // With nine places it needs 10^19 counts: the column falls back to int128.
  values.push_back(D("10000000000.000000001"));
  column.Append(values.back());
  EXPECT_TRUE(column.wide());
  values.push_back(D("-3.25"));
  column.Append(values.back());
  ExpectHolds(column, values);
  EXPECT_GE(column.bytes(), column.size() * sizeof(absl::int128));
}

TEST(ValueColumnTest, RescalingThatWouldOverflowWidensInstead) {
  ValueColumn column;
  std::vector<Decimal> values = Ds({"900000000000000000"});  // 9 × 10^17 units, scale 0
  column.Append(values);
  EXPECT_FALSE(column.wide());
  values.push_back(D("0.01"));  // ×100 would pass int64
  column.Append(values.back());
  EXPECT_TRUE(column.wide());
  ExpectHolds(column, values);
}

TEST(ValueColumnTest, VisitedCountsTimesTheUnitAreTheNanos) {
  for (const char* last : {"0.07", "100000000000000000000"}) {  // narrow, then wide
    ValueColumn column;
    const std::vector<Decimal> values = Ds({"1.25", "-2", last});
    column.Append(values);
    const absl::int128 sum = column.Visit([&](const auto* v, int64_t unit) {
      absl::int128 s = 0;
      for (size_t i = 0; i < column.size(); ++i) s += v[i];
      return s * unit;
    });
    EXPECT_EQ(Decimal::FromNanos(sum), values[0] + values[1] + values[2]) << last;
  }
}

}  // namespace
}  // namespace culturetrade
