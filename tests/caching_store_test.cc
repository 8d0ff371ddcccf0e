#include "service/storage/caching_store.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/test_store.h"

namespace culturetrade {
namespace {

v1::Dataset WithFlows(int n, int first_year = 1950) {
  v1::Dataset d;
  for (int i = 0; i < n; ++i) {
    v1::TradeFlow* f = d.add_flows();
    f->set_reporter("CHN");
    f->set_partner("KOR");
    f->mutable_product()->set_code("X");
    f->set_direction(v1::FLOW_DIRECTION_EXPORT);
    f->mutable_period()->set_year(first_year + i);
    f->mutable_value()->set_currency_code("USD");
    f->mutable_value()->set_units(i);
  }
  return d;
}

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
  ASSERT_TRUE(cache.Create("a", WithFlows(10)).ok());
  auto first = cache.GetAnalyzable("a", NoCaller());
  auto second = cache.GetAnalyzable("a", NoCaller());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(cache.misses(), 1);
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ((*second)->flows.size(), 10u);
}

TEST_F(CachingStoreTest, AWriteThroughAnotherReplicaIsSeen) {
  CachingStore cache(*store_, 1000);
  ASSERT_TRUE(cache.Create("a", WithFlows(10)).ok());
  ASSERT_TRUE(cache.GetAnalyzable("a", NoCaller()).ok());
  // Another process on the same database: the cache learns of it by the etag.
  std::unique_ptr<SqliteStore> other = *SqliteStore::Open(path_);
  ASSERT_TRUE(other->AppendFlows("a", "", WithFlows(5, 2050).flows()).ok());
  auto after = cache.GetAnalyzable("a", NoCaller());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)->flows.size(), 15u);
  EXPECT_EQ(cache.misses(), 2);
  ASSERT_TRUE(other->Delete("a", "").ok());
  EXPECT_EQ(cache.GetAnalyzable("a", NoCaller()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(cache.cached_flows(), 0);
}

TEST_F(CachingStoreTest, EvictsLeastRecentlyUsedBeyondCapacity) {
  CachingStore cache(*store_, 25);
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE(cache.Create(id, WithFlows(10)).ok());
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
  ASSERT_TRUE(cache.Create("big", WithFlows(10)).ok());
  auto d = cache.GetAnalyzable("big", NoCaller());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ((*d)->flows.size(), 10u);
  EXPECT_EQ(cache.cached_flows(), 0);
}

}  // namespace
}  // namespace culturetrade
