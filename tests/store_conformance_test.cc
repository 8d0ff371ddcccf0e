// Every DatasetStore keeps the promises of service/storage/dataset_store.h. This suite holds each
// implementation to them: the embedded SQLite file, and PostgreSQL on a private server
// (tests/postgres_test_server.sh, which CTest starts as a fixture; its URL comes from
// CULTURETRADE_TEST_POSTGRES_URL, or the file DIR/url for CULTURETRADE_TEST_POSTGRES_DIR).
// Without that server the PostgreSQL cases fail: a store nobody tested is not a store we ship.
// Writes in progress are in store_writes_test.cc, reads in store_reads_test.cc, the migration
// from the row layout in store_migration_test.cc.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
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
using ::culturetrade::testing::ReadResult;
using ::culturetrade::testing::StoreTest;

class StoreConformanceTest : public StoreTest {};
INSTANTIATE_TEST_SUITE_P(Stores, StoreConformanceTest, ::testing::ValuesIn(EveryBackend()),
                         BackendName);

TEST_P(StoreConformanceTest, CreateAndReadRoundTripEveryFlowAndField) {
  // More flows than two blocks hold, and not a multiple of a block.
  const std::vector<FlowBlock> blocks = Blocks(2 * 8192 + 123);
  const std::string metadata("any\0bytes\xff", 10);
  const absl::Time before = absl::Now() - absl::Seconds(1);
  absl::StatusOr<DatasetRecord> created = CreateWith(*store_, "big", blocks, metadata, "req-1");
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->id, "big");
  EXPECT_EQ(created->revision, 1);
  EXPECT_EQ(EtagOf(created->revision), "1");
  EXPECT_EQ(created->flow_count, 2 * 8192 + 123);
  EXPECT_EQ(created->metadata, metadata);
  EXPECT_EQ(created->request_id, "req-1");
  EXPECT_EQ(created->create_time, created->update_time);
  EXPECT_GT(created->create_time, before);

  absl::StatusOr<DatasetRecord> got = store_->Get("big");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->metadata, metadata);
  EXPECT_EQ(got->request_id, "req-1");
  EXPECT_EQ(got->create_time, created->create_time);
  EXPECT_EQ(got->flow_count, created->flow_count);
  absl::StatusOr<ReadResult> read = ReadAll(*store_, "big");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->record.revision, 1);
  EXPECT_EQ(read->blocks.size(), 3u);
  EXPECT_EQ(FlowLines(read->blocks), FlowLines(blocks));
}

TEST_P(StoreConformanceTest, ATakenIdIsAlreadyExistsAndKeepsTheFirst) {
  ASSERT_TRUE(CreateWith(*store_, "a", Blocks(2)).ok());
  EXPECT_EQ(store_->Create(NewDataset{"a", "", ""}).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(ReadAll(*store_, "a")->blocks[0].size(), 2u);
}

TEST_P(StoreConformanceTest, AMissingDatasetIsNotFound) {
  EXPECT_EQ(store_->Get("none").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ReadAll(*store_, "none").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Delete("none", "").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Append("none", "").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetAnalyzable("none", NoCaller()).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, ListPagesInBytewiseIdOrder) {
  // Byte order, not a locale's: '-' < '0' < '_' < 'a'.
  for (const char* id : {"b", "a_1", "a", "a-1", "a0", "c"}) {
    ASSERT_TRUE(CreateWith(*store_, id, Blocks(1)).ok());
  }
  std::vector<std::string> seen;
  std::string after;
  int pages = 0;
  do {
    absl::StatusOr<DatasetPage> page = store_->List(4, after);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const DatasetRecord& d : page->datasets) {
      EXPECT_EQ(d.flow_count, 1);
      EXPECT_EQ(d.metadata, "meta");
      seen.push_back(d.id);
    }
    after = page->last_id;
    ++pages;
  } while (!after.empty());
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "a-1", "a0", "a_1", "b", "c"}));
  // A page that ends exactly at the last dataset says nothing follows.
  absl::StatusOr<DatasetPage> rest = store_->List(2, "a_1");
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->datasets.size(), 2u);
  EXPECT_EQ(rest->last_id, "");
}

TEST_P(StoreConformanceTest, AStaleEtagAbortsAppendAndDeleteAndChangesNothing) {
  absl::StatusOr<DatasetRecord> created = CreateWith(*store_, "x", Blocks(2));
  ASSERT_TRUE(created.ok());
  const std::string first = EtagOf(created->revision);
  absl::StatusOr<DatasetRecord> appended = AppendWith(*store_, "x", first, Blocks(3, 1));
  ASSERT_TRUE(appended.ok()) << appended.status();
  EXPECT_EQ(EtagOf(appended->revision), "2");
  EXPECT_EQ(appended->flow_count, 5);
  EXPECT_EQ(appended->create_time, created->create_time);
  EXPECT_EQ(appended->metadata, "meta");

  absl::Status append = store_->Append("x", first).status();
  EXPECT_EQ(append.code(), absl::StatusCode::kAborted) << append;
  EXPECT_EQ(append.message(), "dataset datasets/x has changed: etag is 2, not 1; read it again");
  EXPECT_EQ(store_->Delete("x", first).code(), absl::StatusCode::kAborted);
  absl::StatusOr<ReadResult> after = ReadAll(*store_, "x");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->record.revision, 2);
  std::vector<FlowBlock> both = Blocks(2);
  for (FlowBlock& b : Blocks(3, 1)) both.push_back(std::move(b));
  EXPECT_EQ(FlowLines(after->blocks), FlowLines(both));
  EXPECT_TRUE(store_->Delete("x", EtagOf(appended->revision)).ok());
}

TEST_P(StoreConformanceTest, ADeleteIsFinal) {
  ASSERT_TRUE(CreateWith(*store_, "gone", Blocks(3 * 8192)).ok());
  ASSERT_TRUE(store_->Delete("gone", "").ok());
  EXPECT_EQ(store_->Get("gone").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Delete("gone", "").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Append("gone", "").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->List(10, "")->datasets.empty());
  EXPECT_EQ(Sql("SELECT count(*) FROM flow_blocks"), "0");
  // The id is free again, and nothing of the old dataset comes back with it.
  absl::StatusOr<DatasetRecord> again = CreateWith(*store_, "gone", Blocks(1, 5));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->revision, 1);
  EXPECT_EQ(FlowLines(ReadAll(*store_, "gone")->blocks), FlowLines(Blocks(1, 5)));
}

// Revision is what every analysis asks to know whether the flows it keeps are current: it
// follows this store's writes, and those of another store on the same database (another
// replica), from the first call after they commit.
TEST_P(StoreConformanceTest, RevisionFollowsWritesHereAndThroughAnotherStore) {
  absl::StatusOr<std::unique_ptr<DatasetStore>> other = Open();
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_EQ(store_->Revision("d").status().code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE(CreateWith(*store_, "d", Blocks(10)).ok());
  EXPECT_EQ(store_->Revision("d").value_or(-1), 1);
  EXPECT_EQ(store_->Revision("d").value_or(-1), 1);
  ASSERT_TRUE(AppendWith(*store_, "d", "1", Blocks(10, 1)).ok());
  EXPECT_EQ(store_->Revision("d").value_or(-1), 2);
  // A write in progress elsewhere changes nothing until it commits.
  absl::StatusOr<std::unique_ptr<DatasetWriter>> writer = (*other)->Append("d", "2");
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE((*writer)->Write(Blocks(10, 2)[0]).ok());
  EXPECT_EQ(store_->Revision("d").value_or(-1), 2);
  ASSERT_TRUE((*writer)->Commit().ok());
  EXPECT_EQ(store_->Revision("d").value_or(-1), 3);
  EXPECT_EQ(store_->Revision("d").value_or(-1), store_->Get("d")->revision);
  ASSERT_TRUE((*other)->Delete("d", "").ok());
  EXPECT_EQ(store_->Revision("d").status().code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE(CreateWith(**other, "d", Blocks(1)).ok());
  EXPECT_EQ(store_->Revision("d").value_or(-1), 1);
}

TEST_P(StoreConformanceTest, AReopenedStoreSeesWhatWasCommitted) {
  ASSERT_TRUE(CreateWith(*store_, "kept", Blocks(10)).ok());
  ASSERT_TRUE(AppendWith(*store_, "kept", "1", Blocks(10000, 1)).ok());
  store_.reset();
  absl::StatusOr<std::unique_ptr<DatasetStore>> reopened = Open();
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_FALSE((*reopened)->created_now());
  absl::StatusOr<ReadResult> d = ReadAll(**reopened, "kept");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->record.revision, 2);
  EXPECT_EQ(d->record.flow_count, 10010);
  std::vector<FlowBlock> both = Blocks(10);
  for (FlowBlock& b : Blocks(10000, 1)) both.push_back(std::move(b));
  EXPECT_EQ(FlowLines(d->blocks), FlowLines(both));
}

TEST_P(StoreConformanceTest, OnlyAStoreThatNeverHeldADatasetIsNew) {
  EXPECT_TRUE(store_->created_now());
  ASSERT_TRUE(CreateWith(*store_, "seed", Blocks(1)).ok());
  ASSERT_TRUE(store_->Delete("seed", "").ok());
  // Another process on the same store, while the first still runs.
  absl::StatusOr<std::unique_ptr<DatasetStore>> second = Open();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE((*second)->created_now());
}

TEST_P(StoreConformanceTest, ANewStoreOpenedAgainBeforeItsFirstDatasetIsStillNew) {
  store_.reset();
  absl::StatusOr<std::unique_ptr<DatasetStore>> again = Open();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE((*again)->created_now());
}

TEST_P(StoreConformanceTest, ANewerSchemaIsRefused) {
  store_.reset();
  ASSERT_EQ(Sql("INSERT INTO schema_version (version) VALUES (999)"), "");
  absl::StatusOr<std::unique_ptr<DatasetStore>> s = Open();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(s.status().message(), "newer")) << s.status();
}

TEST_P(StoreConformanceTest, ConcurrentAppendsNeverLoseAFlow) {
  ASSERT_TRUE(CreateWith(*store_, "busy", Blocks(1)).ok());
  constexpr int kThreads = 8, kAppends = 15, kFlows = 3;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAppends; ++i) {
        if (!AppendWith(*store_, "busy", "", Blocks(kFlows, 1 + t * kAppends + i)).ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  absl::StatusOr<ReadResult> d = ReadAll(*store_, "busy");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->record.revision, 1 + kThreads * kAppends);
  EXPECT_EQ(d->record.flow_count, 1 + kThreads * kAppends * kFlows);
  // Every batch is there once, whole and in its own order.
  std::vector<int> seen(1 + kThreads * kAppends, 0);
  for (const FlowBlock& b : d->blocks) {
    for (const Decimal& v : b.value) {
      ++seen[static_cast<size_t>(v.nanos() / 1'000'000'000 / 1'000'000'000)];
    }
  }
  for (int tag = 1; tag < static_cast<int>(seen.size()); ++tag) EXPECT_EQ(seen[tag], kFlows);
}

TEST_P(StoreConformanceTest, GuardedWritersRacingOnOneEtagAdmitOnePerRevision) {
  ASSERT_TRUE(CreateWith(*store_, "race", {}).ok());
  constexpr int kThreads = 6, kWins = 5;
  std::atomic<int> appends{0}, aborted{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int won = 0; won < kWins;) {
        absl::StatusOr<DatasetRecord> seen = store_->Get("race");
        if (!seen.ok()) continue;
        ++appends;
        absl::Status s = AppendWith(*store_, "race", EtagOf(seen->revision), Blocks(1)).status();
        if (s.ok()) {
          ++won;
        } else if (s.code() == absl::StatusCode::kAborted) {
          ++aborted;
        } else {
          ADD_FAILURE() << "a guarded append failed other than by a conflict: " << s;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  // Each append either won its revision or was refused as a conflict.
  EXPECT_EQ(appends, kThreads * kWins + aborted);
  absl::StatusOr<DatasetRecord> d = store_->Get("race");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->flow_count, kThreads * kWins);
  EXPECT_EQ(d->revision, 1 + kThreads * kWins);
  std::cout << "conflicts refused: " << aborted << "\n";
}

}  // namespace
}  // namespace culturetrade
