// Two replicas of the server on one store (one PostgreSQL database, or one SQLite file): a
// write through one is seen by the very next analysis on the other, although that one keeps
// the dataset's flows in memory.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/faults_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ClientFor;
using ::culturetrade::testing::FaultsTest;
using ::culturetrade::testing::FreshStore;
using ::culturetrade::testing::KindName;
using ::culturetrade::testing::ManyFlows;
using ::culturetrade::testing::ManyFlowsBalance;
using ::culturetrade::testing::ServerProcess;
using ::culturetrade::testing::StoreKind;

class ReplicaFreshnessTest : public FaultsTest, public ::testing::WithParamInterface<StoreKind> {
 protected:
  ReplicaFreshnessTest() : FaultsTest(GetParam()) {}
};

INSTANTIATE_TEST_SUITE_P(Stores, ReplicaFreshnessTest,
                         ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres),
                         [](const auto& p) { return KindName(p.param); });

TEST_P(ReplicaFreshnessTest, AWriteThroughOneReplicaIsSeenByTheNextCallOnTheOther) {
  const std::string url = FreshStore(kind_, "replicas");
  ServerProcess a = Start(url, "a", {"--seed=false"});
  ServerProcess b = Start(url, "b", {"--seed=false"});
  Client writer = ClientFor(a.endpoint()), reader = ClientFor(b.endpoint());
  // P0 has a year a pair of flows, 1901 to 2100: its last three years come later, a round each.
  std::vector<v1::TradeFlow> flows = ManyFlows(800);
  std::vector<v1::TradeFlow> later(flows.begin() + 394, flows.begin() + 400);
  flows.erase(flows.begin() + 394, flows.begin() + 400);
  v1::Dataset dataset;
  dataset.set_display_name("replicas");
  absl::StatusOr<v1::Dataset> written = writer.UploadNewDataset("d", dataset, flows);
  ASSERT_TRUE(written.ok()) << written.status();

  for (int round = 0; round < 3; ++round) {
    // Twice, so that the second is answered from the reader's memory.
    for (int i = 0; i < 2; ++i) {
      absl::StatusOr<v1::AnalyzeBalanceResponse> seen =
          reader.AnalyzeBalance(ManyFlowsBalance("d", "P0"));
      ASSERT_TRUE(seen.ok()) << seen.status();
      EXPECT_EQ(seen->dataset_etag(), written->etag()) << "round " << round;
      EXPECT_EQ(seen->years_size(), 197 + round) << "round " << round;
    }
    const size_t first = 2 * static_cast<size_t>(round);
    written = writer.AppendFlows("datasets/d", {later[first], later[first + 1]});
    ASSERT_TRUE(written.ok()) << written.status();
  }
}

}  // namespace
}  // namespace culturetrade
