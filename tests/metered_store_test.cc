#include "service/storage/metered_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/flow_block_builder.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/test_store.h"

namespace culturetrade {
namespace {

class Recorder : public StoreOperationSink {
 public:
  void StoreOperation(absl::string_view operation, double seconds) override {
    EXPECT_GE(seconds, 0);
    operations.emplace_back(operation);
  }
  std::vector<std::string> operations;
};

FlowBlock OneFlow() {
  FlowBlockBuilder b;
  FlowBlockBuilder::Row row;
  row.reporter = b.Economy("CHN");
  row.partner = b.Economy("KOR");
  row.product = b.Product(Classification::kFree, "X", "");
  row.currency = b.Currency("USD");
  row.period.year = 2000;
  b.Add(row);
  return b.Take();
}

TEST(MeteredStoreTest, TimesEveryOperationOfTheStoreAndOfItsWriters) {
  std::unique_ptr<SqliteStore> sqlite = *SqliteStore::Open(testing::FreshStorePath("metered"));
  Recorder recorder;
  MeteredStore store(*sqlite, recorder);
  std::unique_ptr<DatasetWriter> create = *store.Create(NewDataset{"a", "", ""});
  ASSERT_TRUE(create->Write(OneFlow()).ok());
  ASSERT_TRUE(create->Commit().ok());
  std::unique_ptr<DatasetWriter> append = *store.Append("a", "");
  ASSERT_TRUE(append->Commit().ok());
  ASSERT_TRUE(store.Get("a").ok());
  ASSERT_TRUE(store.GetAnalyzable("a", NoCaller()).ok());
  // No block holds USA's flows: none is read.
  ASSERT_TRUE(store.GetAnalyzable("a", BlockFilter{{"USA"}, {}, {}, 0, 0}, NoCaller()).ok());
  ASSERT_TRUE(store.List(10, "").ok());
  EXPECT_EQ(store.Delete("a", "1").code(), absl::StatusCode::kAborted);
  EXPECT_EQ(
      recorder.operations,
      (std::vector<std::string>{"create", "write_block", "commit", "append", "commit", "get", "get",
                                "read_blocks", "count_blocks", "read_blocks", "list", "delete"}));
}

}  // namespace
}  // namespace culturetrade
