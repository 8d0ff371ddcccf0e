// Drives the real culturetrade-server binary through the SDK over loopback.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include "absl/strings/str_cat.h"
#include "client/client.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::ServerProcess;

v1::TradeFlow Flow(int year, int64_t units, v1::FlowDirection direction) {
  v1::TradeFlow f;
  f.set_reporter("KOR");
  f.set_partner("CHN");
  f.mutable_product()->set_classification(v1::CLASSIFICATION_EBOPS_2010);
  f.mutable_product()->set_code("SK1");
  f.set_direction(direction);
  f.mutable_period()->set_year(year);
  f.mutable_value()->set_currency_code("USD");
  f.mutable_value()->set_units(units);
  return f;
}

class ServerIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/culturetrade.db";
    StartServer();
  }
  void StartServer() {
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(db_);
    ASSERT_TRUE(s.ok()) << s.status();
    server_.emplace(*std::move(s));
    Options options;
    options.endpoint = server_->endpoint();
    options.timeout = absl::Seconds(10);
    options.upload_chunk_flows = 1000;
    client_.emplace(MakeConnection(options));
  }
  Client& client() { return *client_; }

  std::string db_;
  std::optional<ServerProcess> server_;
  std::optional<Client> client_;
};

TEST_F(ServerIntegrationTest, NewStoreIsSeededWithTheStudy) {
  absl::StatusOr<std::vector<v1::Dataset>> all = client().ListAllDatasets();
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].name(), "datasets/china-korea-tv-dramas");
  EXPECT_EQ((*all)[0].flow_count(), 8);
}

TEST_F(ServerIntegrationTest, StudyBalanceOverTheWire) {
  v1::AnalyzeBalanceRequest request;
  request.set_dataset("datasets/china-korea-tv-dramas");
  request.set_reporter("CHN");
  request.set_partner("KOR");
  request.set_product_code("TV_DRAMAS");
  absl::StatusOr<v1::AnalyzeBalanceResponse> r = client().AnalyzeBalance(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NEAR(r->export_growth().rate(), 0.2685, 0.00005);
  EXPECT_NEAR(r->import_growth().rate(), 0.5498, 0.00005);
  EXPECT_EQ(r->years(3).balance().units(), -272870000);
  EXPECT_FALSE(r->dataset_etag().empty());
}

TEST_F(ServerIntegrationTest, InlineDatasetNeedsNoStorage) {
  v1::AnalyzeBalanceRequest request;
  v1::Dataset* d = request.mutable_inline_dataset();
  *d->add_flows() = Flow(2020, 100, v1::FLOW_DIRECTION_EXPORT);
  *d->add_flows() = Flow(2021, 121, v1::FLOW_DIRECTION_EXPORT);
  *d->add_flows() = Flow(2021, 11, v1::FLOW_DIRECTION_IMPORT);
  request.set_reporter("KOR");
  request.set_partner("CHN");
  request.set_product_code("SK1");
  absl::StatusOr<v1::AnalyzeBalanceResponse> r = client().AnalyzeBalance(request);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NEAR(r->export_growth().rate(), 0.21, 1e-12);
  EXPECT_EQ(r->years(1).balance().units(), 110);
  EXPECT_EQ(client().ListAllDatasets()->size(), 1u);
}

TEST_F(ServerIntegrationTest, UploadStreamsLargeDatasetsInChunks) {
  std::vector<v1::TradeFlow> flows;
  for (int year = 1901; year <= 2100; ++year) {
    for (int d = 1; d <= 2; ++d) {
      v1::TradeFlow f = Flow(year, year, static_cast<v1::FlowDirection>(d));
      for (int month = 1; month <= 12; ++month) {
        f.mutable_period()->set_month(month);
        flows.push_back(f);
      }
    }
  }
  v1::Dataset meta;
  meta.set_display_name("synthetic");
  absl::StatusOr<v1::Dataset> created = client().UploadNewDataset("synthetic", meta, flows);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->flow_count(), static_cast<int64_t>(flows.size()));
  absl::StatusOr<v1::Dataset> full =
      client().GetDataset("datasets/synthetic", v1::DATASET_VIEW_FULL);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->flows_size(), static_cast<int>(flows.size()));
}

TEST_F(ServerIntegrationTest, DuplicateFlowsComeBackAsFieldViolations) {
  const std::vector<v1::TradeFlow> flows = {Flow(2020, 1, v1::FLOW_DIRECTION_EXPORT),
                                            Flow(2020, 1, v1::FLOW_DIRECTION_EXPORT)};
  absl::StatusOr<v1::Dataset> created = client().UploadNewDataset("twice", v1::Dataset(), flows);
  ASSERT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument) << created.status();
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(created.status())) fields.push_back(v.field());
  EXPECT_EQ(fields, (std::vector<std::string>{"block[0].reporter[1]"}));
}

TEST_F(ServerIntegrationTest, BadFlowsComeBackAsFieldViolations) {
  std::vector<v1::TradeFlow> flows = {Flow(2020, 1, v1::FLOW_DIRECTION_EXPORT),
                                      Flow(2020, 1, v1::FLOW_DIRECTION_EXPORT)};
  flows.push_back(Flow(2020, -5, v1::FLOW_DIRECTION_IMPORT));
  flows.back().set_partner("korea");
  absl::StatusOr<v1::Dataset> created = client().UploadNewDataset("bad", v1::Dataset(), flows);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(created.status())) fields.push_back(v.field());
  // The SDK sends blocks: a bad code is named once, as its block's dictionary entry, a bad
  // value by its row. The duplicate of flows[0] is looked for only in a block without them.
  EXPECT_EQ(fields, (std::vector<std::string>{"block[0].economies[2]", "block[0].value_units[2]"}));
  // Nothing of the refused upload was stored.
  EXPECT_EQ(client().GetDataset("datasets/bad").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ServerIntegrationTest, StandardMethodErrors) {
  v1::Dataset d;
  *d.add_flows() = Flow(2020, 1, v1::FLOW_DIRECTION_EXPORT);
  absl::StatusOr<v1::Dataset> created = client().CreateDataset("small", d);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(client().CreateDataset("small", d).status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(client().CreateDataset("Not_An_Id", d).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(client().GetDataset("datasets/missing").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FieldViolationsOf(client().GetDataset("nonsense").status())[0].field(), "name");
  EXPECT_EQ(FieldViolationsOf(client().ListDatasets(5000).status())[0].field(), "page_size");
  EXPECT_EQ(FieldViolationsOf(client().ListDatasets(1, "garbage").status())[0].field(),
            "page_token");

  std::vector<v1::TradeFlow> more = {Flow(2021, 2, v1::FLOW_DIRECTION_EXPORT)};
  absl::StatusOr<v1::Dataset> appended =
      client().AppendFlows("datasets/small", more, created->etag());
  ASSERT_TRUE(appended.ok()) << appended.status();
  EXPECT_EQ(appended->flow_count(), 2);
  more[0].mutable_period()->set_year(2022);
  EXPECT_EQ(client().AppendFlows("datasets/small", more, created->etag()).status().code(),
            absl::StatusCode::kAborted);
  // Appending a flow the dataset already has is a duplicate key.
  EXPECT_EQ(client()
                .AppendFlows("datasets/small", {Flow(2020, 9, v1::FLOW_DIRECTION_EXPORT)})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(client().DeleteDataset("datasets/small", appended->etag()).ok());
  EXPECT_EQ(client().DeleteDataset("datasets/small").code(), absl::StatusCode::kNotFound);
}

TEST_F(ServerIntegrationTest, ListPagesOnDemand) {
  for (const char* id : {"a1", "a2", "a3"}) ASSERT_TRUE(client().CreateDataset(id, {}).ok());
  absl::StatusOr<v1::ListDatasetsResponse> first = client().ListDatasets(2);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->datasets_size(), 2);
  ASSERT_FALSE(first->next_page_token().empty());
  absl::StatusOr<v1::ListDatasetsResponse> second =
      client().ListDatasets(2, first->next_page_token());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->datasets_size(), 2);
  EXPECT_TRUE(second->next_page_token().empty());
}

TEST_F(ServerIntegrationTest, DataSurvivesARestartAndDeletesStayFinal) {
  ASSERT_TRUE(client().CreateDataset("kept", {}).ok());
  ASSERT_TRUE(client().DeleteDataset("datasets/china-korea-tv-dramas").ok());
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  StartServer();
  absl::StatusOr<std::vector<v1::Dataset>> all = client().ListAllDatasets();
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].name(), "datasets/kept");
}

// The standard grpc.health.v1 service answers for the whole server and for both probes.
TEST_F(ServerIntegrationTest, HealthServiceAnswers) {
  for (const char* service : {"", "culturetrade.liveness", "culturetrade.readiness"}) {
    EXPECT_EQ(testing::HealthStatus(server_->endpoint(), service), 1) << service;
  }
}

TEST_F(ServerIntegrationTest, SigtermDrainsAndExitsZero) {
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
}

TEST_F(ServerIntegrationTest, UnreachableServerIsUnavailableAfterRetries) {
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  Options options;
  options.endpoint = server_->endpoint();
  options.timeout = absl::Seconds(3);
  Client dead(MakeConnection(options));
  const absl::StatusCode code = dead.ListDatasets().status().code();
  EXPECT_TRUE(code == absl::StatusCode::kUnavailable || code == absl::StatusCode::kDeadlineExceeded)
      << code;
}

}  // namespace
}  // namespace culturetrade
