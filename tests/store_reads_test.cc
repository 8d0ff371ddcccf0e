// Reads of stored blocks, on every store (store_fixture.h): in write order from one revision,
// blocks a filter cannot match passed over without being fetched, and reads that stop when
// their visitor fails or their caller has gone.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "core/flow_block_builder.h"
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

class StoreReadsTest : public StoreTest {
 protected:
  // Three blocks: KOR to CHN in 2000-2001, USA to FRA in 2010, CHN to FRA in 2020.
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(CreateWith(*store_, "zones",
                           {Pair("KOR", "CHN", 2000, 2001), Pair("USA", "FRA", 2010, 2010),
                            Pair("CHN", "FRA", 2020, 2020)})
                    .ok());
  }
  static FlowBlock Pair(const char* reporter, const char* partner, int from, int to) {
    FlowBlockBuilder b;
    for (int year = from; year <= to; ++year) {
      FlowBlockBuilder::Row row;
      row.reporter = b.Economy(reporter);
      row.partner = b.Economy(partner);
      row.product = b.Product(Classification::kHs, "970110", "");
      row.currency = b.Currency("USD");
      row.period.year = year;
      row.value = Decimal::FromUnits(year);
      b.Add(row);
    }
    return b.Take();
  }
  // The reporters of the blocks a read with `filter` visits.
  std::vector<std::string> Visited(const BlockFilter& filter) {
    absl::StatusOr<testing::ReadResult> read = ReadAll(*store_, "zones", filter);
    EXPECT_TRUE(read.ok()) << read.status();
    std::vector<std::string> reporters;
    if (read.ok()) {
      for (const FlowBlock& b : read->blocks) reporters.push_back(b.economies[b.reporter[0]]);
    }
    return reporters;
  }
};
INSTANTIATE_TEST_SUITE_P(Stores, StoreReadsTest, ::testing::ValuesIn(EveryBackend()), BackendName);

using Reporters = std::vector<std::string>;

TEST_P(StoreReadsTest, AFilterVisitsOnlyTheBlocksItMayMatch) {
  EXPECT_EQ(Visited({}), (Reporters{"KOR", "USA", "CHN"}));
  EXPECT_EQ(Visited({{"USA"}, {}, {}, 0, 0}), (Reporters{"USA"}));
  EXPECT_EQ(Visited({{"CHN", "KOR"}, {"CHN", "KOR"}, {}, 0, 0}), (Reporters{"KOR"}));
  EXPECT_EQ(Visited({{}, {"FRA"}, {}, 2015, 0}), (Reporters{"CHN"}));
  EXPECT_EQ(Visited({{}, {}, {}, 2001, 2010}), (Reporters{"KOR", "USA"}));
  EXPECT_EQ(Visited({{}, {}, {"970110"}, 0, 0}), (Reporters{"KOR", "USA", "CHN"}));
  EXPECT_EQ(Visited({{}, {}, {"010110"}, 0, 0}), Reporters{});
}

TEST_P(StoreReadsTest, ABlockPassedOverIsNeverFetched) {
  // The first block's data damaged: reads that skip it do not notice.
  ASSERT_EQ(
      Sql("UPDATE flow_blocks SET data = " + backend_->BlobLiteral("junk") + " WHERE seq = 0"), "");
  EXPECT_EQ(Visited({{"USA"}, {}, {}, 0, 0}), (Reporters{"USA"}));
  absl::Status all = ReadAll(*store_, "zones").status();
  EXPECT_EQ(all.code(), absl::StatusCode::kDataLoss) << all;
  EXPECT_EQ(store_->GetAnalyzable("zones", NoCaller()).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST_P(StoreReadsTest, ADamagedZoneIsDataLoss) {
  ASSERT_EQ(
      Sql("UPDATE flow_blocks SET reporters = " + backend_->BlobLiteral("\x05") + " WHERE seq = 1"),
      "");
  absl::Status s = ReadAll(*store_, "zones", {{"USA"}, {}, {}, 0, 0}).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss) << s;
}

TEST_P(StoreReadsTest, AReadStopsAtItsVisitorsFirstError) {
  int visits = 0;
  absl::StatusOr<DatasetRecord> read = store_->ReadBlocks(
      "zones", {},
      [&](const FlowBlock&) {
        return ++visits == 2 ? absl::ResourceExhaustedError("enough") : absl::OkStatus();
      },
      NoCaller());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(visits, 2);
}

// A caller that goes away after `checks` checks.
class LeavingCaller : public CallLiveness {
 public:
  explicit LeavingCaller(int checks) : left_(checks) {}
  absl::Status Check() const override {
    return --left_ >= 0 ? absl::OkStatus() : absl::CancelledError("the caller went away");
  }

 private:
  mutable std::atomic<int> left_;
};

TEST_P(StoreReadsTest, AReadStopsOnceItsCallerHasGone) {
  for (int checks = 0; checks < 3; ++checks) {
    int visits = 0;
    absl::StatusOr<DatasetRecord> read = store_->ReadBlocks(
        "zones", {},
        [&](const FlowBlock&) {
          ++visits;
          return absl::OkStatus();
        },
        LeavingCaller(checks));
    EXPECT_EQ(read.status().code(), absl::StatusCode::kCancelled);
    EXPECT_LT(visits, 3);
    EXPECT_EQ(store_->GetAnalyzable("zones", LeavingCaller(checks)).status().code(),
              absl::StatusCode::kCancelled);
  }
}

TEST_P(StoreReadsTest, AReadSeesTheRevisionItStartedOn) {
  int visits = 0;
  absl::StatusOr<DatasetRecord> read = store_->ReadBlocks(
      "zones", {},
      [&](const FlowBlock&) {
        // Commits while the read is under way belong to the next revision.
        if (visits++ == 0) EXPECT_TRUE(AppendWith(*store_, "zones", "", Blocks(5)).ok());
        return absl::OkStatus();
      },
      NoCaller());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->revision, 1);
  EXPECT_EQ(visits, 3);
  EXPECT_EQ(ReadAll(*store_, "zones")->blocks.size(), 4u);
}

TEST_P(StoreReadsTest, AnAnalyzableDatasetHoldsEveryFlowOfItsRevision) {
  ASSERT_TRUE(AppendWith(*store_, "zones", "1", Blocks(20000)).ok());
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> d =
      store_->GetAnalyzable("zones", NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->record.revision, 2);
  ASSERT_EQ((*d)->flows.size(), 4u + 20000u);
  const Flow last = (*d)->flows.Row(4 + 19999);
  EXPECT_EQ(last.reporter, "CHN");
  EXPECT_EQ(last.value, Blocks(20000).back().value.back());
  EXPECT_EQ((*d)->flows.Row(0).reporter, "KOR");
}

TEST_P(StoreReadsTest, ACountSaysHowManyBlocksAFilterMayMatch) {
  const auto count = [&](const BlockFilter& filter) {
    absl::StatusOr<BlockCount> c = store_->CountBlocks("zones", filter);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? std::pair(c->matching, c->total) : std::pair(int64_t{-1}, int64_t{-1});
  };
  EXPECT_EQ(count({}), std::pair(int64_t{3}, int64_t{3}));
  EXPECT_EQ(count({{"USA"}, {}, {}, 0, 0}), std::pair(int64_t{1}, int64_t{3}));
  EXPECT_EQ(count({{}, {}, {}, 2001, 2010}), std::pair(int64_t{2}, int64_t{3}));
  EXPECT_EQ(count({{}, {}, {"010110"}, 0, 0}), std::pair(int64_t{0}, int64_t{3}));
  EXPECT_EQ(store_->CountBlocks("none", {}).status().code(), absl::StatusCode::kNotFound);
}

TEST_P(StoreReadsTest, AnAnalyzableDatasetOfFewBlocksHoldsOnlyThoseBlocks) {
  // USA's block is one of 3: too many to read apart, and the whole dataset is read.
  const BlockFilter usa{{"USA"}, {}, {}, 0, 0};
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> d =
      store_->GetAnalyzable("zones", usa, NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->flows.size(), 4u);
  // Now one of 9.
  ASSERT_TRUE(AppendWith(*store_, "zones", "1", Blocks(6 * 8192)).ok());
  d = store_->GetAnalyzable("zones", usa, NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->record.revision, 2);
  EXPECT_EQ((*d)->record.flow_count, 4 + 6 * 8192);
  ASSERT_EQ((*d)->flows.size(), 1u);
  EXPECT_EQ((*d)->flows.Row(0).reporter, "USA");
}

}  // namespace
}  // namespace culturetrade
