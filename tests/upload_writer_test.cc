// The writer both stores share (upload_writer.h), on a store that records what it is asked to
// do: the first block goes to the store at once, the others in batches of about
// kUploadBatchBytes, the rest at commit; a batch the store refuses fails the upload for good.
#include "service/storage/upload_writer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "service/storage/dataset_rows.h"
#include "tests/baci_like_flows.h"

namespace culturetrade {
namespace {

class RecordingStore : public UploadStore {
 public:
  absl::StatusOr<int64_t> InsertBlocks(int64_t upload, int64_t first_seq,
                                       absl::Span<const StoredBlock> blocks) override {
    if (!refuse.ok()) return refuse;
    EXPECT_EQ(first_seq, static_cast<int64_t>(stored_seqs.size()));
    EXPECT_EQ(upload, inserts.empty() ? 0 : 7);
    inserts.push_back(static_cast<int>(blocks.size()));
    for (size_t i = 0; i < blocks.size(); ++i) {
      stored_seqs.push_back(first_seq + static_cast<int64_t>(i));
    }
    return 7;
  }
  absl::StatusOr<DatasetRecord> PublishCreate(const NewDataset& dataset, int64_t upload,
                                              int64_t flows) override {
    EXPECT_EQ(upload, 7);
    return RecordFromRow(dataset.id, 1, 0, 0, flows, "", "");
  }
  absl::StatusOr<DatasetRecord> PublishAppend(const std::string&, const std::string&, int64_t,
                                              int64_t) override {
    return absl::UnimplementedError("not here");
  }
  void Discard(int64_t upload) override { discarded.push_back(upload); }

  absl::Status refuse;
  std::vector<int> inserts;  // blocks per call
  std::vector<int64_t> stored_seqs;
  std::vector<int64_t> discarded;
};

std::unique_ptr<DatasetWriter> Creating(RecordingStore& store) {
  absl::StatusOr<std::unique_ptr<DatasetWriter>> w =
      CreateWriter(store, NewDataset{"x", "", ""}, absl::NotFoundError("none yet"));
  EXPECT_TRUE(w.ok()) << w.status();
  return *std::move(w);
}

TEST(UploadWriterTest, StoresTheFirstBlockAtOnceAndTheOthersInBatches) {
  RecordingStore store;
  std::unique_ptr<DatasetWriter> w = Creating(store);
  // Enough flows that their encoded blocks take several batches.
  const std::vector<FlowBlock> blocks = testing::BaciLikeBlocks(120 * 8192);
  int64_t flows = 0;
  for (const FlowBlock& b : blocks) {
    ASSERT_TRUE(w->Write(b).ok());
    flows += static_cast<int64_t>(b.size());
  }
  ASSERT_GE(store.inserts.size(), 2u);
  EXPECT_EQ(store.inserts[0], 1);
  EXPECT_GT(store.inserts[1], 1);
  EXPECT_LT(store.stored_seqs.size(), blocks.size());
  absl::StatusOr<DatasetRecord> committed = w->Commit();
  ASSERT_TRUE(committed.ok()) << committed.status();
  EXPECT_EQ(committed->flow_count, flows);
  EXPECT_EQ(store.stored_seqs.size(), blocks.size());
  EXPECT_TRUE(store.discarded.empty());
}

TEST(UploadWriterTest, ABatchTheStoreRefusesFailsTheUploadForGood) {
  RecordingStore store;
  std::unique_ptr<DatasetWriter> w = Creating(store);
  const std::vector<FlowBlock> blocks = testing::BaciLikeBlocks(2 * 8192);
  ASSERT_TRUE(w->Write(blocks[0]).ok());
  store.refuse = absl::UnavailableError("the disk went away");
  ASSERT_TRUE(w->Write(blocks[1]).ok());  // held in the batch
  EXPECT_EQ(w->Commit().status(), store.refuse);
  store.refuse = absl::OkStatus();
  EXPECT_EQ(w->Write(blocks[1]).code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(w->Commit().status().code(), absl::StatusCode::kUnavailable);
  w.reset();
  EXPECT_EQ(store.discarded, std::vector<int64_t>{7});
}

}  // namespace
}  // namespace culturetrade
