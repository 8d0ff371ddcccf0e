// The SDK against a mock connection: how users test their own code without a server, and the
// Client's own logic (paging, field violations) in isolation.
#include "client/client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "client/mock_connection.h"
#include "proto/status_convert.h"

namespace culturetrade {
namespace {

using ::testing::_;
using ::testing::Return;

v1::ListDatasetsResponse Page(const std::vector<std::string>& names, std::string next) {
  v1::ListDatasetsResponse page;
  for (const std::string& n : names) page.add_datasets()->set_name(n);
  page.set_next_page_token(next);
  return page;
}

// Code a user might write: the total flow count of all datasets.
absl::StatusOr<int64_t> TotalFlows(Client& client) {
  int64_t total = 0;
  for (const absl::StatusOr<v1::Dataset>& d : client.ListDatasetsRange()) {
    if (!d.ok()) return d.status();
    total += d->flow_count();
  }
  return total;
}

TEST(ClientTest, UsersTestTheirCodeWithTheMock) {
  auto mock = std::make_shared<MockConnection>();
  v1::ListDatasetsResponse page;
  page.add_datasets()->set_flow_count(6);
  page.add_datasets()->set_flow_count(4);
  EXPECT_CALL(*mock, ListDatasets(_)).WillOnce(Return(page));
  Client client(mock);
  EXPECT_EQ(*TotalFlows(client), 10);
}

TEST(ClientTest, PagesAreFetchedOnlyWhenNeeded) {
  auto mock = std::make_shared<MockConnection>();
  Client client(mock);
  PaginatedRange<v1::Dataset> range = client.ListDatasetsRange(2);
  ::testing::Mock::VerifyAndClearExpectations(mock.get());  // nothing fetched yet
  EXPECT_CALL(*mock, ListDatasets(_))
      .WillOnce([](const v1::ListDatasetsRequest& r) {
        EXPECT_EQ(r.page_size(), 2);
        EXPECT_EQ(r.page_token(), "");
        return Page({"datasets/a", "datasets/b"}, "t1");
      })
      .WillOnce([](const v1::ListDatasetsRequest& r) {
        EXPECT_EQ(r.page_token(), "t1");
        return Page({"datasets/c"}, "");
      });
  std::vector<std::string> names;
  for (const auto& d : range) names.push_back(d->name());
  EXPECT_EQ(names, (std::vector<std::string>{"datasets/a", "datasets/b", "datasets/c"}));
}

TEST(ClientTest, APageThatFailsEndsTheRangeWithItsError) {
  auto mock = std::make_shared<MockConnection>();
  // Twice over: once iterated here, once through TotalFlows.
  EXPECT_CALL(*mock, ListDatasets(_))
      .Times(4)
      .WillRepeatedly(
          [](const v1::ListDatasetsRequest& r) -> absl::StatusOr<v1::ListDatasetsResponse> {
            if (r.page_token().empty()) return Page({"datasets/a"}, "t1");
            return absl::UnavailableError("down");
          });
  Client client(mock);
  std::vector<absl::StatusCode> seen;
  for (const auto& d : client.ListDatasetsRange()) seen.push_back(d.status().code());
  EXPECT_EQ(seen,
            (std::vector<absl::StatusCode>{absl::StatusCode::kOk, absl::StatusCode::kUnavailable}));
  EXPECT_EQ(TotalFlows(client).status().code(), absl::StatusCode::kUnavailable);
}

TEST(ClientTest, AnEmptyListIsAnEmptyRange) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ListDatasets(_)).WillOnce(Return(Page({}, "")));
  Client client(mock);
  int n = 0;
  for (const auto& d : client.ListDatasetsRange()) n += d.ok() ? 1 : 100;
  EXPECT_EQ(n, 0);
}

TEST(ClientTest, FieldViolationsSurviveTheStatus) {
  google::rpc::BadRequest bad;
  auto* v = bad.add_field_violations();
  v->set_field("reporter");
  v->set_description("not a code");
  absl::Status status = absl::InvalidArgumentError("bad");
  AttachDetail(status, bad);
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, GetDataset(_)).WillOnce(Return(status));
  Client client(mock);
  const auto violations = FieldViolationsOf(client.GetDataset("datasets/x").status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field(), "reporter");
  EXPECT_TRUE(FieldViolationsOf(absl::OkStatus()).empty());
}

}  // namespace
}  // namespace culturetrade
