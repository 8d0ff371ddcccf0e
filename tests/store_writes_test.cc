// Writes in progress, on every store (store_fixture.h): a DatasetWriter's blocks are invisible
// until Commit publishes them all at once; a writer destroyed, or a server killed, before
// committing leaves nothing behind; conflicts are settled at commit; other calls go on while an
// upload streams.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/store_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AppendWith;
using ::culturetrade::testing::BackendName;
using ::culturetrade::testing::Blocks;
using ::culturetrade::testing::CreateWith;
using ::culturetrade::testing::EveryBackend;
using ::culturetrade::testing::FlowLines;
using ::culturetrade::testing::ReadAll;
using ::culturetrade::testing::StoreTest;

class StoreWritesTest : public StoreTest {
 protected:
  std::unique_ptr<DatasetWriter> Writer(absl::StatusOr<std::unique_ptr<DatasetWriter>> w) {
    EXPECT_TRUE(w.ok()) << w.status();
    return w.ok() ? *std::move(w) : nullptr;
  }
  void WriteAll(DatasetWriter& w, const std::vector<FlowBlock>& blocks) {
    for (const FlowBlock& b : blocks) ASSERT_TRUE(w.Write(b).ok());
  }
  std::string StoredBlocks() { return Sql("SELECT count(*) FROM flow_blocks"); }
};
INSTANTIATE_TEST_SUITE_P(Stores, StoreWritesTest, ::testing::ValuesIn(EveryBackend()), BackendName);

TEST_P(StoreWritesTest, NothingIsVisibleBeforeTheCommit) {
  ASSERT_TRUE(CreateWith(*store_, "a", Blocks(1)).ok());
  std::unique_ptr<DatasetWriter> append = Writer(store_->Append("a", "1"));
  std::unique_ptr<DatasetWriter> create = Writer(store_->Create(NewDataset{"b", "", ""}));
  ASSERT_TRUE(append && create);
  WriteAll(*append, Blocks(9000, 1));
  WriteAll(*create, Blocks(5));
  EXPECT_EQ(store_->Get("a")->revision, 1);
  EXPECT_EQ(store_->Get("a")->flow_count, 1);
  EXPECT_EQ(FlowLines(ReadAll(*store_, "a")->blocks), FlowLines(Blocks(1)));
  EXPECT_EQ(store_->Get("b").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->List(10, "")->datasets.size(), 1u);

  absl::StatusOr<DatasetRecord> appended = append->Commit();
  ASSERT_TRUE(appended.ok()) << appended.status();
  EXPECT_EQ(appended->revision, 2);
  EXPECT_EQ(appended->flow_count, 9001);
  ASSERT_TRUE(create->Commit().ok());
  EXPECT_EQ(store_->Get("a")->flow_count, 9001);
  EXPECT_EQ(ReadAll(*store_, "b")->record.flow_count, 5);
  EXPECT_EQ(create->Commit().status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_P(StoreWritesTest, AWriterDestroyedUncommittedLeavesNothing) {
  ASSERT_TRUE(CreateWith(*store_, "a", Blocks(1)).ok());
  const std::string before = StoredBlocks();
  {
    std::unique_ptr<DatasetWriter> create = Writer(store_->Create(NewDataset{"b", "", ""}));
    std::unique_ptr<DatasetWriter> append = Writer(store_->Append("a", ""));
    WriteAll(*create, Blocks(3 * 8192));
    WriteAll(*append, Blocks(2 * 8192));
    EXPECT_NE(StoredBlocks(), before);
  }
  EXPECT_EQ(StoredBlocks(), before);
  EXPECT_EQ(Sql("SELECT count(*) FROM uploads WHERE dataset_id IS NULL"), "0");
  EXPECT_EQ(store_->Get("b").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Get("a")->revision, 1);
}

TEST_P(StoreWritesTest, AnUploadKilledMidStreamIsGoneAfterTheNextOpen) {
  ASSERT_TRUE(CreateWith(*store_, "kept", Blocks(10)).ok());
  const std::string before = StoredBlocks();
  // The child starts from no open connection of the parent's: it is a server of its own.
  store_.reset();
  // A server killed mid-upload: blocks written, never committed, no destructor run.
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    absl::StatusOr<std::unique_ptr<DatasetStore>> server = Open();
    if (!server.ok()) _exit(2);
    absl::StatusOr<std::unique_ptr<DatasetWriter>> w = (*server)->Create(NewDataset{"new", "", ""});
    absl::StatusOr<std::unique_ptr<DatasetWriter>> a = (*server)->Append("kept", "");
    if (!w.ok() || !a.ok()) _exit(3);
    for (const FlowBlock& b : Blocks(2 * 8192)) {
      if (!(*w)->Write(b).ok() || !(*a)->Write(b).ok()) _exit(4);
    }
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_NE(StoredBlocks(), before);
  EXPECT_EQ(Sql("SELECT count(*) FROM datasets WHERE id = 'new'"), "0");
  EXPECT_EQ(Sql("SELECT flow_count FROM datasets WHERE id = 'kept'"), "10");

  absl::StatusOr<std::unique_ptr<DatasetStore>> restarted = Open();
  ASSERT_TRUE(restarted.ok()) << restarted.status();
  EXPECT_EQ(StoredBlocks(), before);
  EXPECT_EQ((*restarted)->Get("new").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FlowLines(ReadAll(**restarted, "kept")->blocks), FlowLines(Blocks(10)));
}

TEST_P(StoreWritesTest, AnIdTakenDuringTheUploadIsAlreadyExistsAtCommit) {
  std::unique_ptr<DatasetWriter> late = Writer(store_->Create(NewDataset{"x", "late", ""}));
  WriteAll(*late, Blocks(100));
  ASSERT_TRUE(CreateWith(*store_, "x", Blocks(3)).ok());
  EXPECT_EQ(late->Commit().status().code(), absl::StatusCode::kAlreadyExists);
  late.reset();
  EXPECT_EQ(store_->Get("x")->metadata, "meta");
  EXPECT_EQ(FlowLines(ReadAll(*store_, "x")->blocks), FlowLines(Blocks(3)));
  EXPECT_EQ(StoredBlocks(), "1");
}

TEST_P(StoreWritesTest, ARetriedCreateIsAnsweredWithTheFirst) {
  absl::StatusOr<DatasetRecord> first = CreateWith(*store_, "x", Blocks(3), "first", "req-1");
  ASSERT_TRUE(first.ok());
  absl::StatusOr<DatasetRecord> retry = CreateWith(*store_, "x", Blocks(50), "second", "req-1");
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->revision, 1);
  EXPECT_EQ(retry->metadata, "first");
  EXPECT_EQ(retry->flow_count, 3);
  for (const char* other : {"req-2", ""}) {
    EXPECT_EQ(store_->Create(NewDataset{"x", "", other}).status().code(),
              absl::StatusCode::kAlreadyExists);
  }
  EXPECT_EQ(FlowLines(ReadAll(*store_, "x")->blocks), FlowLines(Blocks(3)));
  EXPECT_EQ(StoredBlocks(), "1");
}

TEST_P(StoreWritesTest, TwoTriesOfOneCreateRacingMakeOneDataset) {
  std::unique_ptr<DatasetWriter> one = Writer(store_->Create(NewDataset{"x", "one", "req"}));
  std::unique_ptr<DatasetWriter> two = Writer(store_->Create(NewDataset{"x", "two", "req"}));
  WriteAll(*one, Blocks(4));
  WriteAll(*two, Blocks(4));
  ASSERT_TRUE(two->Commit().ok());
  absl::StatusOr<DatasetRecord> answered = one->Commit();
  ASSERT_TRUE(answered.ok()) << answered.status();
  EXPECT_EQ(answered->metadata, "two");
  one.reset();
  two.reset();
  EXPECT_EQ(StoredBlocks(), "1");
}

TEST_P(StoreWritesTest, AnEtagThatMovedDuringTheUploadAbortsItsCommit) {
  ASSERT_TRUE(CreateWith(*store_, "x", Blocks(1)).ok());
  std::unique_ptr<DatasetWriter> slow = Writer(store_->Append("x", "1"));
  WriteAll(*slow, Blocks(20));
  ASSERT_TRUE(AppendWith(*store_, "x", "1", Blocks(2, 1)).ok());
  EXPECT_EQ(slow->Commit().status().code(), absl::StatusCode::kAborted);
  slow.reset();
  EXPECT_EQ(store_->Get("x")->flow_count, 3);
  EXPECT_EQ(StoredBlocks(), "2");
}

TEST_P(StoreWritesTest, ADatasetDeletedDuringAnAppendIsNotFoundAtCommit) {
  ASSERT_TRUE(CreateWith(*store_, "x", Blocks(1)).ok());
  std::unique_ptr<DatasetWriter> append = Writer(store_->Append("x", ""));
  WriteAll(*append, Blocks(20));
  ASSERT_TRUE(store_->Delete("x", "").ok());
  EXPECT_EQ(append->Commit().status().code(), absl::StatusCode::kNotFound);
  append.reset();
  EXPECT_EQ(StoredBlocks(), "0");
}

TEST_P(StoreWritesTest, OtherCallsGoOnWhileAnUploadStreams) {
  ASSERT_TRUE(CreateWith(*store_, "a", Blocks(100)).ok());
  std::unique_ptr<DatasetWriter> upload = Writer(store_->Create(NewDataset{"big", "", ""}));
  WriteAll(*upload, Blocks(8192));
  // Between two blocks of the upload, from another thread: a store that held a lock or a
  // transaction across the upload would never answer.
  std::thread other([&] {
    EXPECT_TRUE(store_->Get("a").ok());
    EXPECT_EQ(ReadAll(*store_, "a")->record.flow_count, 100);
    EXPECT_TRUE(store_->List(10, "").ok());
    EXPECT_TRUE(CreateWith(*store_, "b", Blocks(7)).ok());
    EXPECT_TRUE(AppendWith(*store_, "a", "", Blocks(7)).ok());
  });
  other.join();
  WriteAll(*upload, Blocks(8192, 1));
  absl::StatusOr<DatasetRecord> done = upload->Commit();
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->flow_count, 2 * 8192);
  EXPECT_EQ(store_->Get("a")->flow_count, 107);
}

TEST_P(StoreWritesTest, ABadBlockIsRefusedAndTheUploadGoesOn) {
  std::unique_ptr<DatasetWriter> w = Writer(store_->Create(NewDataset{"x", "", ""}));
  EXPECT_EQ(w->Write(FlowBlock{}).code(), absl::StatusCode::kInvalidArgument);
  FlowBlock bad = Blocks(3)[0];
  bad.reporter[2] = 9;
  absl::Status s = w->Write(bad);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "block.reporter[2] is 9, but the block has 2 economies");
  WriteAll(*w, Blocks(3));
  EXPECT_EQ(w->Commit()->flow_count, 3);
}

}  // namespace
}  // namespace culturetrade
