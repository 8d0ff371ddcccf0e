// Uploads, analyses and deletes of the same datasets from many threads at once, through the
// service layer on a real SQLite file. Run under the tsan preset, it shows the locking sound.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "service/analyses/analyses.h"
#include "service/api/dataset_creation.h"
#include "service/storage/caching_store.h"
#include "service/storage/sqlite/sqlite_store.h"

namespace culturetrade {
namespace {

v1::Dataset Small(int first_year) {
  v1::Dataset d;
  for (int y = 0; y < 20; ++y) {
    for (auto direction : {v1::FLOW_DIRECTION_EXPORT, v1::FLOW_DIRECTION_IMPORT}) {
      v1::TradeFlow* f = d.add_flows();
      f->set_reporter("CHN");
      f->set_partner("KOR");
      f->mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
      f->mutable_product()->set_code("TV");
      f->set_direction(direction);
      f->mutable_period()->set_year(first_year + y);
      f->mutable_value()->set_currency_code("CNY");
      f->mutable_value()->set_units(1000 + y);
    }
  }
  return d;
}

// An append as the API makes it: the flows in blocks through a writer.
absl::Status Append(DatasetStore& store, const std::string& id, const v1::Dataset& d) {
  absl::StatusOr<std::unique_ptr<DatasetWriter>> w = store.Append(id, "");
  return w.ok() ? WriteAndCommit(**w, d.flows()).status() : w.status();
}

TEST(ConcurrencyTest, WritersReadersAndDeletersDoNotRace) {
  const std::string path = absl::StrCat(::testing::TempDir(), "/concurrency.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  std::unique_ptr<SqliteStore> sqlite = *SqliteStore::Open(path);
  CachingStore store(*sqlite, 1'000'000);
  constexpr int kThreads = 6, kCalls = 40;
  // An analysis finds its dataset whole or not at all: it succeeds (every version of a dataset
  // has the series) or the dataset does not exist. Which of the two depends on the interleaving.
  std::atomic<int> analyses_ok{0}, analyses_of_no_dataset{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string id = absl::StrCat("d", t % 3);
      for (int i = 0; i < kCalls; ++i) {
        switch ((t + i) % 4) {
          case 0: (void)CreateDataset(store, id, Small(1950)); break;
          case 1: (void)Append(store, id, Small(1980 + i)); break;
          case 2: (void)store.Delete(id, ""); break;
          default: {
            v1::AnalyzeBalanceRequest r;
            r.set_dataset("datasets/" + id);
            r.set_reporter("CHN");
            r.set_partner("KOR");
            r.set_product_code("TV");
            const absl::Status s = AnalyzeBalance(store, r, NoCaller()).status();
            if (s.ok()) {
              ++analyses_ok;
            } else if (s.code() == absl::StatusCode::kNotFound &&
                       absl::StrContains(s.message(), "does not exist")) {
              ++analyses_of_no_dataset;
            } else {
              ADD_FAILURE() << "analysis of " << id << ": " << s;
            }
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  // Every fourth call of each thread is an analysis.
  EXPECT_EQ(analyses_ok + analyses_of_no_dataset, kThreads * kCalls / 4);
  // Whatever interleaving happened, every dataset left is whole: its count matches its flows.
  for (const char* id : {"d0", "d1", "d2"}) {
    int64_t flows = 0;
    absl::StatusOr<DatasetRecord> d = store.ReadBlocks(
        id, BlockFilter{},
        [&](const FlowBlock& block) {
          flows += static_cast<int64_t>(block.size());
          return absl::OkStatus();
        },
        NoCaller());
    if (d.ok()) {
      EXPECT_EQ(d->flow_count, flows) << id;
    }
  }
  EXPECT_GT(store.hits() + store.misses(), 0);
}

}  // namespace
}  // namespace culturetrade
