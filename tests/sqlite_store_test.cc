// The SQLite store's own concerns, beyond the promises every store keeps
// (store_conformance_test.cc and its siblings): its file, its schema version, one file for one
// server, and what a stored flow costs on disk.
#include "service/storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "tests/baci_like_flows.h"
#include "tests/store_fixture.h"
#include "tests/test_store.h"

namespace culturetrade {
namespace {

int64_t Query(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  const int64_t v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return v;
}

TEST(SqliteStoreTest, AFileThatCannotBeMadeIsRefusedNamingIt) {
  const std::string path = ::testing::TempDir() + "/no-such-directory/store.db";
  absl::StatusOr<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition) << s.status();
  EXPECT_TRUE(absl::StrContains(s.status().message(), path)) << s.status();
}

TEST(SqliteStoreTest, TheSchemaVersionIsRecorded) {
  const std::string path = testing::FreshStorePath("sqlite");
  ASSERT_TRUE(SqliteStore::Open(path).ok());
  EXPECT_EQ(Query(path, "SELECT max(version) FROM schema_version"), SqliteStore::SchemaVersion());
  EXPECT_EQ(SqliteStore::SchemaVersion(), 3);
}

// The file is meant for one server: a second opening it takes uploads in progress for those of
// a server that died. The first's upload then fails cleanly rather than commit half.
TEST(SqliteStoreTest, AnUploadOfAStoreOpenedAgainMeanwhileFailsAndLeavesNothing) {
  const std::string path = testing::FreshStorePath("sqlite");
  std::unique_ptr<SqliteStore> store = *SqliteStore::Open(path);
  const std::vector<FlowBlock> blocks = testing::BaciLikeBlocks(3 * 8192);
  std::unique_ptr<DatasetWriter> w = *store->Create(NewDataset{"x", "", ""});
  ASSERT_TRUE(w->Write(blocks[0]).ok());
  ASSERT_TRUE(SqliteStore::Open(path).ok());
  absl::Status s = w->Write(blocks[1]);
  if (s.ok()) s = w->Commit().status();
  EXPECT_FALSE(s.ok());
  w.reset();
  EXPECT_EQ(store->Get("x").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Query(path, "SELECT count(*) FROM flow_blocks"), 0);
}

// What a stored flow costs, by hand: sqlite_store_test --gtest_also_run_disabled_tests
// --gtest_filter='*DISABLED_*' (numbers mean something in a release build).
TEST(SqliteStoreTest, DISABLED_MeasuresIngestReadsAndBytesPerFlow) {
  const std::string path = testing::FreshStorePath("sqlite");
  std::unique_ptr<SqliteStore> store = *SqliteStore::Open(path);
  testing::MeasureBaciLike(*store, 2'000'000, [&] {
    Query(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    struct stat file {};
    stat(path.c_str(), &file);
    return static_cast<int64_t>(file.st_size);
  });
}

}  // namespace
}  // namespace culturetrade
