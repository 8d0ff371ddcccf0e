#include "service/storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "absl/strings/str_cat.h"
#include "service/server/seed.h"

namespace culturetrade {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = absl::StrCat(::testing::TempDir(), "/store-",
                         ::testing::UnitTest::GetInstance()->current_test_info()->name(), ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  std::unique_ptr<SqliteStore> Open() {
    absl::StatusOr<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path_);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *std::move(s) : nullptr;
  }
  static v1::Dataset WithFlows(int n) {
    v1::Dataset d;
    d.set_display_name("test");
    for (int i = 0; i < n; ++i) {
      v1::TradeFlow* f = d.add_flows();
      f->set_reporter("CHN");
      f->set_partner("KOR");
      f->mutable_period()->set_year(1900 + i % 200);
      f->mutable_value()->set_units(i);
    }
    return d;
  }
  std::string path_;
};

TEST_F(SqliteStoreTest, CreateGetRoundTripsEveryFlow) {
  auto store = Open();
  // More flows than one chunk holds, so the chunking is exercised.
  absl::StatusOr<v1::Dataset> created = store->Create("big", WithFlows(20000));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "datasets/big");
  EXPECT_EQ(created->flow_count(), 20000);
  EXPECT_EQ(created->flows_size(), 0);
  absl::StatusOr<v1::Dataset> full = store->Get("big", true, NoCaller());
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(full->flows_size(), 20000);
  EXPECT_EQ(full->flows(19999).value().units(), 19999);
}

TEST_F(SqliteStoreTest, DuplicateIdIsAlreadyExists) {
  auto store = Open();
  ASSERT_TRUE(store->Create("a", WithFlows(1)).ok());
  EXPECT_EQ(store->Create("a", WithFlows(1)).status().code(), absl::StatusCode::kAlreadyExists);
}

TEST_F(SqliteStoreTest, DataSurvivesReopening) {
  ASSERT_TRUE(Open()->Create("kept", WithFlows(3)).ok());
  auto reopened = Open();
  EXPECT_FALSE(reopened->created_now());
  absl::StatusOr<v1::Dataset> d = reopened->Get("kept", true, NoCaller());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->flows_size(), 3);
}

TEST_F(SqliteStoreTest, ListPagesInIdOrder) {
  auto store = Open();
  for (const char* id : {"c", "a", "b", "d", "e"})
    ASSERT_TRUE(store->Create(id, WithFlows(0)).ok());
  std::vector<std::string> seen;
  std::string after;
  int pages = 0;
  do {
    absl::StatusOr<DatasetPage> page = store->List(2, after);
    ASSERT_TRUE(page.ok());
    for (const auto& d : page->datasets) seen.push_back(d.name());
    after = page->last_id;
    ++pages;
  } while (!after.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"datasets/a", "datasets/b", "datasets/c", "datasets/d",
                                            "datasets/e"}));
}

TEST_F(SqliteStoreTest, EtagGuardsAppendAndDelete) {
  auto store = Open();
  absl::StatusOr<v1::Dataset> d = store->Create("x", WithFlows(2));
  ASSERT_TRUE(d.ok());
  v1::Dataset more = WithFlows(3);
  absl::StatusOr<v1::Dataset> appended = store->AppendFlows("x", d->etag(), more.flows());
  ASSERT_TRUE(appended.ok()) << appended.status();
  EXPECT_EQ(appended->flow_count(), 5);
  EXPECT_NE(appended->etag(), d->etag());
  // The old etag is stale now: both writes are refused and nothing changes.
  EXPECT_EQ(store->AppendFlows("x", d->etag(), more.flows()).status().code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(store->Delete("x", d->etag()).code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store->Get("x", true, NoCaller())->flows_size(), 5);
  EXPECT_TRUE(store->Delete("x", appended->etag()).ok());
  EXPECT_EQ(store->Get("x", false, NoCaller()).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->Delete("x", "").code(), absl::StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, SchemaVersionIsRecordedAndNewerSchemasAreRefused) {
  Open();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_version (version) VALUES (999)", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  absl::StatusOr<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("newer"), absl::string_view::npos);
}

TEST_F(SqliteStoreTest, SeedingHappensOnlyInANewStore) {
  {
    auto store = Open();
    ASSERT_TRUE(SeedIfNew(*store).ok());
    ASSERT_TRUE(store->Delete(kStudyDatasetId, "").ok());
  }
  auto reopened = Open();
  ASSERT_TRUE(SeedIfNew(*reopened).ok());
  // A dataset its users deleted stays deleted.
  EXPECT_EQ(reopened->Get(kStudyDatasetId, false, NoCaller()).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace culturetrade
