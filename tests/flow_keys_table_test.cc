#include "service/model/flow_keys_table.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace culturetrade {
namespace {

FlowKeysTable::Key KeyOf(uint64_t i) { return FlowKeysTable::Make(i * 7919, (i % 3) << 40); }

TEST(FlowKeysTableTest, KeepsTheMarksUpdatesLeave) {
  FlowKeysTable table;
  const FlowKeysTable::Key key = FlowKeysTable::Make(1, 2 << 24);
  EXPECT_EQ(table.Marks(key), 0u);
  table.Update(key, [](uint32_t marks) { return marks | 4; });
  table.Update(key, [](uint32_t marks) {
    EXPECT_EQ(marks, 4u);
    return marks | 1;
  });
  EXPECT_EQ(table.Marks(key), 5u);
  EXPECT_EQ(table.size(), 1u);
}

TEST(FlowKeysTableTest, StoresNoKeyForNoMarks) {
  FlowKeysTable table;
  table.Update(FlowKeysTable::Make(1, 0), [](uint32_t marks) { return marks; });
  EXPECT_EQ(table.size(), 0u);
}

TEST(FlowKeysTableTest, KeysDifferingInEitherWordOrOnlyInMarkBitsAreApart) {
  FlowKeysTable table;
  table.Update(FlowKeysTable::Make(1, 0), [](uint32_t) { return 1; });
  table.Update(FlowKeysTable::Make(2, 0), [](uint32_t) { return 2; });
  table.Update(FlowKeysTable::Make(1, uint64_t{1} << 30), [](uint32_t) { return 4; });
  EXPECT_EQ(table.Marks(FlowKeysTable::Make(1, 0)), 1u);
  EXPECT_EQ(table.Marks(FlowKeysTable::Make(2, 0)), 2u);
  EXPECT_EQ(table.Marks(FlowKeysTable::Make(1, uint64_t{1} << 30)), 4u);
  // The low word's mark bits are the table's, not the key's.
  EXPECT_EQ(table.Marks(FlowKeysTable::Make(1, 7)), 1u);
}

TEST(FlowKeysTableTest, KeepsEveryKeyAcrossGrowth) {
  FlowKeysTable table;
  constexpr uint64_t kKeys = 100'000;
  for (uint64_t i = 0; i < kKeys; ++i) {
    table.Update(KeyOf(i), [i](uint32_t) { return static_cast<uint32_t>(i % 1000) + 1; });
  }
  EXPECT_EQ(table.size(), kKeys);
  for (uint64_t i = 0; i < kKeys; ++i) {
    ASSERT_EQ(table.Marks(KeyOf(i)), i % 1000 + 1) << i;
  }
  EXPECT_EQ(table.Marks(KeyOf(kKeys)), 0u);
}

TEST(FlowKeysTableTest, ReservedRoomHoldsItsKeysWithoutGrowing) {
  FlowKeysTable table;
  table.Reserve(1000);
  for (uint64_t i = 0; i < 1000; ++i) table.Update(KeyOf(i), [](uint32_t) { return 1; });
  EXPECT_EQ(table.size(), 1000u);
}

TEST(FlowKeysTableTest, BytesToHoldCoverTheSlotsOfBothArraysWhileGrowing) {
  for (int64_t keys : {0, 1, 1000, 10'000'000}) {
    const int64_t bytes = FlowKeysTable::BytesToHold(keys);
    // At most 4/5 of the slots used, 16 bytes each, and half as many slots before growing.
    EXPECT_GE(bytes, keys * 16 * 5 / 4 * 3 / 2) << keys;
    EXPECT_LE(bytes, (keys + 16) * 16 * 5 / 4 * 3 / 2 * 2) << keys;
  }
}

}  // namespace
}  // namespace culturetrade
