// A store written by schema version 2 (flows as serialized v1::FlowChunk blobs, the metadata a
// serialized v1::Dataset) opened by this build: every dataset converted to blocks, keeping its
// id, revision, times, flow count and metadata bytes, and every flow. On every store
// (store_fixture.h); the old tables are made here with SQL, as version 2 made them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/flow_block_builder.h"
#include "culturetrade/v1/dataset.pb.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "proto/flow_block_convert.h"
#include "tests/store_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AppendWith;
using ::culturetrade::testing::BackendName;
using ::culturetrade::testing::Blocks;
using ::culturetrade::testing::EveryBackend;
using ::culturetrade::testing::FlowLines;
using ::culturetrade::testing::ReadAll;
using ::culturetrade::testing::StoreTest;

// Schema versions 1 and 2 of both stores, in types both SQLite and PostgreSQL take.
constexpr char kVersion2[] =
    "CREATE TABLE schema_version (version INTEGER NOT NULL);"
    "INSERT INTO schema_version (version) VALUES (1);"
    "INSERT INTO schema_version (version) VALUES (2);"
    "CREATE TABLE datasets (id TEXT PRIMARY KEY, revision BIGINT NOT NULL,"
    "  create_time_us BIGINT NOT NULL, update_time_us BIGINT NOT NULL,"
    "  flow_count BIGINT NOT NULL, meta BYTEA NOT NULL);"
    "CREATE TABLE flow_chunks (dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
    "  seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (dataset_id, seq));"
    "CREATE TABLE store_state (fresh BOOLEAN NOT NULL);"
    "INSERT INTO store_state (fresh) VALUES (FALSE);";

constexpr int kOldChunk = 8192;

// `n` flows as the API took them: sources, quantities, months, every direction and status.
std::vector<v1::TradeFlow> OldFlows(int n) {
  std::vector<v1::TradeFlow> flows(n);
  for (int i = 0; i < n; ++i) {
    v1::TradeFlow& f = flows[i];
    f.set_reporter(i % 2 ? "CHN" : "KOR");
    f.set_partner(i % 3 ? "USA" : "FRA");
    f.mutable_product()->set_classification(v1::CLASSIFICATION_HS);
    f.mutable_product()->set_code(absl::StrCat(970100 + i % 50));
    f.set_direction(static_cast<v1::FlowDirection>(1 + i % 4));
    f.mutable_period()->set_year(1990 + i % 30);
    f.mutable_period()->set_month(i % 13);
    f.mutable_value()->set_currency_code(i % 5 ? "USD" : "EUR");
    f.mutable_value()->set_units(int64_t{i} * 37);
    f.mutable_value()->set_nanos(i % 1000 * 1000);
    f.set_status(static_cast<v1::ValueStatus>(1 + i % 3));
    if (i % 4 == 0) f.mutable_source()->set_title(absl::StrCat("source ", i % 3));
    if (i % 6 == 0) {
      f.mutable_quantity()->set_amount(absl::StrCat(i, ".25"));
      f.mutable_quantity()->set_unit("t");
    }
  }
  return flows;
}

class StoreMigrationTest : public StoreTest {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    url_ = backend_->FreshUrl(testing::TestName());
    ASSERT_FALSE(url_.empty());
    ASSERT_EQ(Sql(kVersion2), "");
  }
  // Dataset `id` in the old layout: its row and its flows in chunks.
  void PutOld(const std::string& id, int revision, const std::string& meta,
              const std::vector<v1::TradeFlow>& flows) {
    ASSERT_EQ(Sql(absl::StrCat("INSERT INTO datasets VALUES ('", id, "', ", revision,
                               ", 1700000000000001, 1700000100000002, ", flows.size(), ", ",
                               backend_->BlobLiteral(meta), ")")),
              "");
    for (size_t start = 0, seq = 0; start < flows.size(); start += kOldChunk, ++seq) {
      v1::FlowChunk chunk;
      for (size_t i = start; i < flows.size() && i < start + kOldChunk; ++i) {
        *chunk.add_flows() = flows[i];
      }
      ASSERT_EQ(Sql(absl::StrCat("INSERT INTO flow_chunks VALUES ('", id, "', ", seq, ", ",
                                 backend_->BlobLiteral(chunk.SerializeAsString()), ")")),
                "");
    }
  }
};
INSTANTIATE_TEST_SUITE_P(Stores, StoreMigrationTest, ::testing::ValuesIn(EveryBackend()),
                         BackendName);

TEST_P(StoreMigrationTest, EveryDatasetInTheRowLayoutIsConvertedWhole) {
  v1::Dataset meta;
  meta.set_display_name("old");
  meta.set_description("stored before blocks");
  const std::string meta_bytes = meta.SerializeAsString();
  const std::vector<v1::TradeFlow> flows = OldFlows(2 * kOldChunk + 500);
  PutOld("old", 4, meta_bytes, flows);
  PutOld("empty", 1, "", {});

  absl::StatusOr<std::unique_ptr<DatasetStore>> opened = Open();
  ASSERT_TRUE(opened.ok()) << opened.status();
  DatasetStore& store = **opened;
  EXPECT_FALSE(store.created_now());
  absl::StatusOr<testing::ReadResult> old = ReadAll(store, "old");
  ASSERT_TRUE(old.ok()) << old.status();
  EXPECT_EQ(old->record.revision, 4);
  EXPECT_EQ(old->record.create_time, absl::FromUnixMicros(1700000000000001));
  EXPECT_EQ(old->record.update_time, absl::FromUnixMicros(1700000100000002));
  EXPECT_EQ(old->record.flow_count, static_cast<int64_t>(flows.size()));
  EXPECT_EQ(old->record.metadata, meta_bytes);
  EXPECT_EQ(old->record.request_id, "");
  // Flow for flow the same, on the wire and in blocks of 8192.
  google::protobuf::RepeatedPtrField<v1::TradeFlow> back;
  for (const FlowBlock& b : old->blocks) ASSERT_TRUE(AppendTradeFlows(b, &back).ok());
  ASSERT_EQ(back.size(), static_cast<int>(flows.size()));
  for (int i = 0; i < back.size(); ++i) {
    ASSERT_EQ(back[i].SerializeAsString(), flows[i].SerializeAsString()) << "flow " << i;
  }
  ASSERT_EQ(old->blocks.size(), 3u);
  EXPECT_EQ(old->blocks[0].size(), 8192u);
  absl::StatusOr<testing::ReadResult> empty = ReadAll(store, "empty");
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->blocks.empty());
  EXPECT_EQ(empty->record.revision, 1);

  // The old table is gone, and the dataset goes on in the new layout.
  EXPECT_NE(Sql("SELECT count(*) FROM flow_chunks").find("error"), std::string::npos);
  absl::StatusOr<DatasetRecord> appended = AppendWith(store, "old", "4", Blocks(3));
  ASSERT_TRUE(appended.ok()) << appended.status();
  EXPECT_EQ(appended->revision, 5);
  std::vector<FlowBlock> all = ReadAll(store, "old")->blocks;
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(FlowLines({all.back()}), FlowLines(Blocks(3)));
}

TEST_P(StoreMigrationTest, ACorruptChunkFailsTheOpenAndLeavesTheStoreAsItWas) {
  PutOld("old", 2, "", OldFlows(10));
  ASSERT_EQ(
      Sql("INSERT INTO flow_chunks VALUES ('old', 1, " + backend_->BlobLiteral("\x0a\xff") + ")"),
      "");
  absl::StatusOr<std::unique_ptr<DatasetStore>> opened = Open();
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kDataLoss) << opened.status();
  EXPECT_EQ(Sql("SELECT max(version) FROM schema_version"), "2");
  EXPECT_EQ(Sql("SELECT count(*) FROM flow_chunks"), "2");
}

}  // namespace
}  // namespace culturetrade
