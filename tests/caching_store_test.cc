#include "service/storage/caching_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "core/flow_block_builder.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/test_store.h"

namespace culturetrade {
namespace {

FlowBlock WithFlows(int n, int first_year = 1950) {
  FlowBlockBuilder b;
  for (int i = 0; i < n; ++i) {
    FlowBlockBuilder::Row row;
    row.reporter = b.Economy("CHN");
    row.partner = b.Economy("KOR");
    row.product = b.Product(Classification::kFree, "X", "");
    row.currency = b.Currency("USD");
    row.period.year = first_year + i;
    row.value = Decimal::FromUnits(i);
    b.Add(row);
  }
  return b.Take();
}

absl::Status Write(absl::StatusOr<std::unique_ptr<DatasetWriter>> writer, const FlowBlock& block) {
  if (!writer.ok()) return writer.status();
  if (absl::Status s = (*writer)->Write(block); !s.ok()) return s;
  return (*writer)->Commit().status();
}

// Dataset `id` of 8 blocks of 10 flows, the first from 1950 to 1959, the next 10 years later.
absl::Status WriteEightBlocks(DatasetStore& store, const std::string& id) {
  absl::StatusOr<std::unique_ptr<DatasetWriter>> writer = store.Create(NewDataset{id, "", ""});
  if (!writer.ok()) return writer.status();
  for (int i = 0; i < 8; ++i) {
    if (absl::Status s = (*writer)->Write(WithFlows(10, 1950 + 10 * i)); !s.ok()) return s;
  }
  return (*writer)->Commit().status();
}

const BlockFilter kFifties{{}, {}, {}, 1950, 1959};

class CachingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::FreshStorePath("cache");
    store_ = *SqliteStore::Open(path_);
  }
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(CachingStoreTest, SecondReadOfARevisionIsAHit) {
  CachingStore cache(*store_, 1000);
  ASSERT_TRUE(Write(cache.Create(NewDataset{"a", "", ""}), WithFlows(10)).ok());
  auto first = cache.GetAnalyzable("a", NoCaller());
  auto second = cache.GetAnalyzable("a", NoCaller());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(cache.misses(), 1);
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ((*second)->flows.size(), 10u);
  EXPECT_EQ((*second)->record.revision, 1);
}

TEST_F(CachingStoreTest, ACommitThroughTheCacheDropsTheEntryAtOnce) {
  CachingStore cache(*store_, 1000);
  ASSERT_TRUE(Write(cache.Create(NewDataset{"a", "", ""}), WithFlows(10)).ok());
  ASSERT_TRUE(cache.GetAnalyzable("a", NoCaller()).ok());
  EXPECT_EQ(cache.cached_flows(), 10);
  ASSERT_TRUE(Write(cache.Append("a", "1"), WithFlows(5, 2050)).ok());
  EXPECT_EQ(cache.cached_flows(), 0);
  auto after = cache.GetAnalyzable("a", NoCaller());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)->flows.size(), 15u);
}

TEST_F(CachingStoreTest, AWriteThroughAnotherReplicaIsSeen) {
  CachingStore cache(*store_, 1000);
  ASSERT_TRUE(Write(cache.Create(NewDataset{"a", "", ""}), WithFlows(10)).ok());
  ASSERT_TRUE(cache.GetAnalyzable("a", NoCaller()).ok());
  // Another writer on the same database: the cache learns of it by the revision.
  ASSERT_TRUE(Write(store_->Append("a", ""), WithFlows(5, 2050)).ok());
  auto after = cache.GetAnalyzable("a", NoCaller());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)->flows.size(), 15u);
  EXPECT_EQ((*after)->record.revision, 2);
  EXPECT_EQ(cache.misses(), 2);
  ASSERT_TRUE(store_->Delete("a", "").ok());
  EXPECT_EQ(cache.GetAnalyzable("a", NoCaller()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(cache.cached_flows(), 0);
}

TEST_F(CachingStoreTest, EvictsLeastRecentlyUsedBeyondCapacity) {
  CachingStore cache(*store_, 25);
  for (const char* id : {"a", "b", "c"}) {
    ASSERT_TRUE(Write(cache.Create(NewDataset{id, "", ""}), WithFlows(10)).ok());
  }
  ASSERT_TRUE(cache.GetAnalyzable("a", NoCaller()).ok());
  ASSERT_TRUE(cache.GetAnalyzable("b", NoCaller()).ok());
  ASSERT_TRUE(cache.GetAnalyzable("a", NoCaller()).ok());  // a is now the most recent
  ASSERT_TRUE(cache.GetAnalyzable("c", NoCaller()).ok());  // evicts b
  EXPECT_EQ(cache.cached_flows(), 20);
  const int64_t misses = cache.misses();
  ASSERT_TRUE(cache.GetAnalyzable("a", NoCaller()).ok());
  EXPECT_EQ(cache.misses(), misses);
  ASSERT_TRUE(cache.GetAnalyzable("b", NoCaller()).ok());
  EXPECT_EQ(cache.misses(), misses + 1);
}

TEST_F(CachingStoreTest, ADatasetLargerThanTheCacheIsServedButNotKept) {
  CachingStore cache(*store_, 5);
  ASSERT_TRUE(Write(cache.Create(NewDataset{"big", "", ""}), WithFlows(10)).ok());
  auto d = cache.GetAnalyzable("big", NoCaller());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ((*d)->flows.size(), 10u);
  EXPECT_EQ(cache.cached_flows(), 0);
}

TEST_F(CachingStoreTest, FewBlocksAreReadApartWhileTheWholeDatasetLoadsInTheBackground) {
  CachingStore cache(*store_, 1000);
  ASSERT_TRUE(WriteEightBlocks(cache, "a").ok());
  auto fifties = cache.GetAnalyzable("a", kFifties, NoCaller());
  ASSERT_TRUE(fifties.ok()) << fifties.status();
  EXPECT_EQ((*fifties)->flows.size(), 10u);
  EXPECT_EQ(cache.partial_loads(), 1);
  cache.WaitForWarmUp();
  EXPECT_EQ(cache.misses(), 1);
  EXPECT_EQ(cache.cached_flows(), 80);
  auto whole = cache.GetAnalyzable("a", kFifties, NoCaller());
  ASSERT_TRUE(whole.ok()) << whole.status();
  EXPECT_EQ((*whole)->flows.size(), 80u);
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ(cache.partial_loads(), 1);
}

TEST_F(CachingStoreTest, ADatasetLargerThanTheCacheIsReadApartEveryTime) {
  CachingStore cache(*store_, 50);
  ASSERT_TRUE(WriteEightBlocks(cache, "a").ok());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(cache.GetAnalyzable("a", kFifties, NoCaller()).ok());
    cache.WaitForWarmUp();
  }
  EXPECT_EQ(cache.partial_loads(), 2);
  EXPECT_EQ(cache.misses(), 0);
  EXPECT_EQ(cache.cached_flows(), 0);
}

TEST_F(CachingStoreTest, ACacheDestroyedWhileLoadingInTheBackgroundStopsTheLoad) {
  for (int i = 0; i < 3; ++i) {
    const std::string id = absl::StrCat("a", i);
    auto cache = std::make_unique<CachingStore>(*store_, 1000);
    ASSERT_TRUE(WriteEightBlocks(*cache, id).ok());
    ASSERT_TRUE(cache->GetAnalyzable(id, kFifties, NoCaller()).ok());
    cache.reset();  // stops the load and waits for it before the cache goes
  }
}

}  // namespace
}  // namespace culturetrade
