#include "core/series_index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace culturetrade {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Table {
  std::vector<uint16_t> reporter, partner;
  std::vector<uint32_t> product;
  SeriesIndex::Keys keys() const { return {reporter, partner, product}; }
};

// Rows 0-7, the series interleaved.
Table Sample() {
  return {{1, 0, 1, 0, 1, 2, 1, 0}, {0, 1, 0, 1, 2, 0, 0, 1}, {3, 0, 0, 0, 3, 1, 3, 2}};
}

absl::Span<const uint32_t> Series(const SeriesIndex& index, const Table& t, uint32_t r, uint32_t p,
                                  uint32_t k) {
  const uint64_t key = SeriesIndex::Pack(r, p, k);
  return index.Find(t.keys(), key, key);
}

TEST(SeriesIndexTest, ASeriesIsItsRowsInTableOrder) {
  const Table t = Sample();
  const SeriesIndex index;
  EXPECT_EQ(index.bytes(), 0u);  // built at the first lookup
  EXPECT_THAT(Series(index, t, 1, 0, 3), ElementsAre(0, 6));
  EXPECT_THAT(Series(index, t, 0, 1, 0), ElementsAre(1, 3));
  EXPECT_THAT(Series(index, t, 1, 0, 0), ElementsAre(2));
  EXPECT_THAT(Series(index, t, 2, 0, 0), IsEmpty());
  EXPECT_EQ(index.bytes(), 8 * sizeof(uint32_t));
}

TEST(SeriesIndexTest, PrefixesAreRangesInKeyOrder) {
  const Table t = Sample();
  const SeriesIndex index;
  // Reporter 0 and partner 1, every product: by product, then in table order.
  EXPECT_THAT(index.Find(t.keys(), SeriesIndex::Pack(0, 1, 0), SeriesIndex::Pack(0, 1, ~0u)),
              ElementsAre(1, 3, 7));
  // Reporter 1: by partner, product, then table order.
  EXPECT_THAT(index.Find(t.keys(), SeriesIndex::Pack(1, 0, 0), SeriesIndex::Pack(1, 0xffff, ~0u)),
              ElementsAre(2, 0, 6, 4));
}

TEST(SeriesIndexTest, CopiesKeepTheIndexAndClearForgetsIt) {
  Table t = Sample();
  SeriesIndex index;
  index.Build(t.keys());
  SeriesIndex copy = index;
  EXPECT_EQ(copy.bytes(), index.bytes());
  EXPECT_THAT(Series(copy, t, 1, 0, 3), ElementsAre(0, 6));
  SeriesIndex moved = std::move(copy);
  EXPECT_THAT(Series(moved, t, 1, 0, 3), ElementsAre(0, 6));
  // The table gains a row of series (1, 0, 3): a cleared index sees it.
  t.reporter.push_back(1);
  t.partner.push_back(0);
  t.product.push_back(3);
  moved.Clear();
  EXPECT_EQ(moved.bytes(), 0u);
  EXPECT_THAT(Series(moved, t, 1, 0, 3), ElementsAre(0, 6, 8));
}

TEST(SeriesIndexTest, AnEmptyTableHasNoRows) {
  const Table t;
  EXPECT_THAT(Series(SeriesIndex(), t, 0, 0, 0), IsEmpty());
}

}  // namespace
}  // namespace culturetrade
