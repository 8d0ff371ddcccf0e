// The SDK against a mock connection: how users test their own code without a server, and the
// Client's own logic (paging, field violations) in isolation.
#include "client/client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "client/flows_of_block.h"
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

// Code a user might write: the flows of a dataset exported to 2020 or later, through ReadFlows.
absl::StatusOr<int> ExportsSince2020(Client& client, const std::string& name) {
  int n = 0;
  absl::StatusOr<std::string> etag =
      client.ReadFlows(name, [&](const v1::FlowBlock& block) -> absl::Status {
        absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> flows =
            FlowsOfBlock(block);
        if (!flows.ok()) return flows.status();
        for (const v1::TradeFlow& f : *flows) {
          n += f.direction() == v1::FLOW_DIRECTION_EXPORT && f.period().year() >= 2020;
        }
        return absl::OkStatus();
      });
  if (!etag.ok()) return etag.status();
  return n;
}

// A block of one flow a year, exported in odd years and imported in even ones.
v1::FlowBlock Years(std::initializer_list<int> years) {
  v1::FlowBlock b;
  b.add_economies("KOR");
  b.add_products()->set_code("SK1");
  b.add_currencies("USD");
  for (int year : years) {
    b.add_reporter(0);
    b.add_partner(0);
    b.add_product(0);
    b.add_currency(0);
    b.add_year(year);
    b.add_direction(year % 2 ? v1::FLOW_DIRECTION_EXPORT : v1::FLOW_DIRECTION_IMPORT);
    b.add_scaled_values(1);
  }
  return b;
}

TEST(ClientTest, ReadFlowsHandsEveryBlockToTheVisitor) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ReadFlows(_, _))
      .WillOnce([](const v1::ReadFlowsRequest& request,
                   absl::FunctionRef<absl::Status(const v1::FlowBlock&)> visit)
                    -> absl::StatusOr<std::string> {
        EXPECT_EQ(request.name(), "datasets/a");
        EXPECT_EQ(request.etag(), "");
        for (const v1::FlowBlock& b : {Years({2019, 2020, 2021}), Years({2023})}) {
          if (absl::Status s = visit(b); !s.ok()) return s;
        }
        return std::string("e7");
      });
  Client client(mock);
  EXPECT_EQ(*ExportsSince2020(client, "datasets/a"), 2);
}

TEST(ClientTest, ReadFlowsPassesTheEtagAndReturnsTheOneRead) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, ReadFlows(_, _))
      .WillOnce([](const v1::ReadFlowsRequest& request,
                   absl::FunctionRef<absl::Status(const v1::FlowBlock&)>) {
        return absl::StatusOr<std::string>(request.etag());
      });
  Client client(mock);
  absl::StatusOr<std::string> etag = client.ReadFlows(
      "datasets/a", [](const v1::FlowBlock&) { return absl::OkStatus(); }, "e3");
  EXPECT_EQ(*etag, "e3");
}

TEST(ClientTest, UploadBlocksSendsTheHeaderAndTheSource) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, UploadBlocks(_, _))
      .WillOnce([](const v1::UploadFlowsHeader& header,
                   const FlowBlockSourceFactory& open) -> absl::StatusOr<v1::Dataset> {
        EXPECT_EQ(header.create().dataset_id(), "new");
        absl::StatusOr<std::unique_ptr<FlowBlockSource>> source = open();
        if (!source.ok()) return source.status();
        v1::Dataset d;
        v1::FlowBlock block;
        while (*(*source)->Next(block)) d.set_flow_count(d.flow_count() + block.reporter_size());
        return d;
      });
  struct OneBlock : FlowBlockSource {
    absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
      if (done) return false;
      block = Years({2020, 2021});
      return done = true;
    }
    bool done = false;
  };
  v1::UploadFlowsHeader header;
  header.mutable_create()->set_dataset_id("new");
  Client client(mock);
  absl::StatusOr<v1::Dataset> d =
      client.UploadBlocks(header, []() -> absl::StatusOr<std::unique_ptr<FlowBlockSource>> {
        return std::make_unique<OneBlock>();
      });
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->flow_count(), 2);
}

}  // namespace
}  // namespace culturetrade
