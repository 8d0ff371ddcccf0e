// AIP-155 request ids against a real server that is killed right after it committed a create,
// as when a create's reply is lost: the repeated request, to the restarted server, gets the
// dataset the first made, and the same id with other content is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <optional>
#include <string>

#include "client/client.h"
#include "client/connection.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;

class RequestIdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/culturetrade.db";
    Start();
  }
  void Start() {
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(db_);
    ASSERT_TRUE(s.ok()) << s.status();
    server_.emplace(*std::move(s));
    Options options;
    options.endpoint = server_->endpoint();
    connection_ = MakeConnection(options);
  }
  // Kills the server without a chance to answer anything more, and starts it again.
  void KillAndRestart() {
    EXPECT_EQ(server_->StopWith(SIGKILL), 128 + SIGKILL);
    server_.reset();
    Start();
  }

  static v1::CreateDatasetRequest Request(const std::string& title) {
    v1::CreateDatasetRequest r;
    r.set_dataset_id("retried");
    r.set_request_id("0b7d2a4e-5c1f-4e8b-9a63-2f0d1c8e7b45");
    r.mutable_dataset()->set_display_name(title);
    v1::TradeFlow* f = r.mutable_dataset()->add_flows();
    f->set_reporter("KOR");
    f->set_partner("CHN");
    f->mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
    f->mutable_product()->set_code("TV_DRAMAS");
    f->set_direction(v1::FLOW_DIRECTION_EXPORT);
    f->mutable_period()->set_year(2016);
    f->mutable_value()->set_currency_code("USD");
    f->mutable_value()->set_units(16960000);
    return r;
  }

  std::string db_;
  std::optional<ServerProcess> server_;
  std::shared_ptr<Connection> connection_;
};

TEST_F(RequestIdTest, ARepeatAfterTheServerDiedGetsTheDatasetTheFirstMade) {
  absl::StatusOr<v1::Dataset> first = connection_->CreateDataset(Request("dramas"));
  ASSERT_TRUE(first.ok()) << first.status();
  KillAndRestart();
  absl::StatusOr<v1::Dataset> again = connection_->CreateDataset(Request("dramas"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->etag(), first->etag());
  EXPECT_EQ(again->flow_count(), 1);
}

TEST_F(RequestIdTest, TheSameIdWithOtherContentIsRefused) {
  ASSERT_TRUE(connection_->CreateDataset(Request("dramas")).ok());
  absl::StatusOr<v1::Dataset> other = connection_->CreateDataset(Request("films"));
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(other.status().message(), HasSubstr("request_id"));
}

TEST_F(RequestIdTest, ACreateWithoutAnIdStillFindsTheNameTaken) {
  v1::CreateDatasetRequest r = Request("dramas");
  ASSERT_TRUE(connection_->CreateDataset(r).ok());
  r.clear_request_id();
  EXPECT_EQ(connection_->CreateDataset(r).status().code(), absl::StatusCode::kAlreadyExists);
}

TEST_F(RequestIdTest, ARetriedUploadThatCreatesIsStoredOnce) {
  Client client(connection_);
  v1::CreateDatasetRequest r = Request("dramas");
  v1::UploadFlowsHeader header;
  *header.mutable_create() = r;
  absl::StatusOr<v1::Dataset> first = connection_->UploadFlows(header, {});
  ASSERT_TRUE(first.ok()) << first.status();
  KillAndRestart();
  absl::StatusOr<v1::Dataset> again = connection_->UploadFlows(header, {});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->etag(), first->etag());
  EXPECT_EQ(again->flow_count(), 1);
}

}  // namespace
}  // namespace culturetrade
