// Two culturetrade-server replicas on one PostgreSQL database, as the scale overlay runs them:
// what one stores the other serves, a revision written through one is what the other analyses,
// and one killed leaves the other serving.
#include <gtest/gtest.h>
#include <signal.h>

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "client/client.h"
#include "tests/postgres_url.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::ServerProcess;

v1::TradeFlow Flow(int year, int64_t units) {
  v1::TradeFlow f;
  f.set_reporter("KOR");
  f.set_partner("CHN");
  f.mutable_product()->set_classification(v1::CLASSIFICATION_EBOPS_2010);
  f.mutable_product()->set_code("SK1");
  f.set_direction(v1::FLOW_DIRECTION_EXPORT);
  f.mutable_period()->set_year(year);
  f.mutable_value()->set_currency_code("USD");
  f.mutable_value()->set_units(units);
  return f;
}

v1::AnalyzeBalanceRequest Balance() {
  v1::AnalyzeBalanceRequest r;
  r.set_dataset("datasets/shared");
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code("SK1");
  return r;
}

Client ClientOf(const ServerProcess& s) {
  Options o;
  o.endpoint = s.endpoint();
  o.timeout = absl::Seconds(10);
  return Client(MakeConnection(o));
}

TEST(ReplicasTest, TwoReplicasShareOnePostgresDatabase) {
  absl::StatusOr<std::string> url = testing::FreshPostgresDatabase("replicas");
  ASSERT_TRUE(url.ok()) << url.status();
  const std::string dir = MakeTempDir();
  const std::vector<std::string> flags = {"--store=" + *url, "--db=unused"};
  absl::StatusOr<ServerProcess> a = ServerProcess::Start(dir + "/a", flags);
  ASSERT_TRUE(a.ok()) << a.status();
  absl::StatusOr<ServerProcess> b = ServerProcess::Start(dir + "/b", flags);
  ASSERT_TRUE(b.ok()) << b.status();
  Client via_a = ClientOf(*a), via_b = ClientOf(*b);

  // Seeded once, though both started on the new database.
  absl::StatusOr<std::vector<v1::Dataset>> seeded = via_b.ListAllDatasets();
  ASSERT_TRUE(seeded.ok()) << seeded.status();
  EXPECT_EQ(seeded->size(), 1u);

  ASSERT_TRUE(via_a.UploadNewDataset("shared", {}, {Flow(2020, 100), Flow(2021, 121)}).ok());
  absl::StatusOr<v1::AnalyzeBalanceResponse> first = via_b.AnalyzeBalance(Balance());
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_NEAR(first->export_growth().rate(), 0.21, 1e-12);

  // B has the dataset cached now; a revision written through A must reach B's analyses.
  ASSERT_TRUE(via_a.AppendFlows("datasets/shared", {Flow(2022, 1331)}).ok());
  absl::StatusOr<v1::AnalyzeBalanceResponse> second = via_b.AnalyzeBalance(Balance());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_NE(second->dataset_etag(), first->dataset_etag());
  EXPECT_EQ(second->years_size(), 3);

  EXPECT_EQ(a->StopWith(SIGKILL), 128 + SIGKILL);
  absl::StatusOr<v1::AnalyzeBalanceResponse> after = via_b.AnalyzeBalance(Balance());
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->years_size(), 3);
  EXPECT_EQ(b->StopWith(SIGTERM), 0);
}

}  // namespace
}  // namespace culturetrade
