// Bad uploads: streams the SDK would never send, written message by message, and more flows
// than the server holds. Each is refused whole, and leaves the store as it was.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "proto/status_convert.h"
#include "tests/bad_input_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::BadInputTest;
using ::culturetrade::testing::ExpectRefused;
using ::culturetrade::testing::Flow;
using ::culturetrade::testing::Flows;
using ::culturetrade::testing::kStudy;
using ::culturetrade::testing::OptionsFor;
using ::testing::HasSubstr;
using ::testing::Not;

v1::UploadFlowsRequest Create(const std::string& id, const std::vector<v1::TradeFlow>& flows = {}) {
  v1::UploadFlowsRequest m;
  m.mutable_header()->mutable_create()->set_dataset_id(id);
  for (const v1::TradeFlow& f : flows)
    *m.mutable_header()->mutable_create()->mutable_dataset()->add_flows() = f;
  return m;
}

v1::UploadFlowsRequest AddTo(const std::string& name, const std::string& etag = "") {
  v1::UploadFlowsRequest m;
  m.mutable_header()->set_dataset(name);
  m.mutable_header()->set_etag(etag);
  return m;
}

v1::UploadFlowsRequest Chunk(const std::vector<v1::TradeFlow>& flows) {
  v1::UploadFlowsRequest m;
  for (const v1::TradeFlow& f : flows) *m.mutable_chunk()->add_flows() = f;
  return m;
}

absl::Status Upload(const std::string& endpoint,
                    const std::vector<v1::UploadFlowsRequest>& messages) {
  auto stub = v1::DatasetService::NewStub(
      grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::Dataset response;
  std::unique_ptr<grpc::ClientWriter<v1::UploadFlowsRequest>> writer =
      stub->UploadFlows(&context, &response);
  for (const v1::UploadFlowsRequest& m : messages) {
    if (!writer->Write(m)) break;  // the server has answered already
  }
  writer->WritesDone();
  return FromGrpcStatus(writer->Finish());
}

TEST_F(BadInputTest, UploadStreamsNameWhatIsWrong) {
  Start();
  absl::StatusOr<v1::Dataset> study = client().GetDataset(kStudy, v1::DATASET_VIEW_FULL);
  ASSERT_TRUE(study.ok()) << study.status();
  const v1::TradeFlow stored = study->flows(0);
  v1::TradeFlow stored_by_month = stored;
  stored_by_month.mutable_period()->set_month(1);
  v1::TradeFlow bad = Flow(2021);
  bad.set_reporter("Korea");
  v1::UploadFlowsRequest no_target;
  no_target.mutable_header();
  // Not UTF-8: the C++ runtime sends it (and logs), and the server cannot parse the message.
  v1::TradeFlow not_utf8 = Flow(2021);
  not_utf8.mutable_product()->set_code("\xff\xfe");
  v1::UploadFlowsRequest header_not_utf8 = Create("fresh");
  header_not_utf8.mutable_header()->mutable_create()->mutable_dataset()->set_display_name("\xff");
  struct Case {
    std::string what;
    std::vector<v1::UploadFlowsRequest> messages;
    std::vector<std::string> fields;
  };
  const std::vector<Case> cases = {
      {"an empty stream", {}, {"header"}},
      {"flows before the header", {Chunk({Flow(2020)}), Create("fresh")}, {"header"}},
      {"a header naming no dataset", {no_target}, {"header"}},
      {"a bad id to create", {Create("Bad_Id")}, {"header.create.dataset_id"}},
      {"a bad flow in the header",
       {Create("fresh", {bad})},
       {"header.create.dataset.flows[0].reporter"}},
      {"a bad name to add to", {AddTo("nonsense")}, {"header.dataset"}},
      {"a second header", {Create("fresh"), Chunk({Flow(2020)}), Create("again")}, {"chunk[1]"}},
      {"a bad flow in a later chunk",
       {Create("fresh"), Chunk({Flow(2020)}), Chunk({bad})},
       {"chunk[1].flows[0].reporter"}},
      {"a chunk repeating the header's flow",
       {Create("fresh", {Flow(2020)}), Chunk({Flow(2020)})},
       {"chunk[0].flows[0]"}},
      {"a flow the dataset holds", {AddTo(kStudy), Chunk({stored})}, {"chunk[0].flows[0]"}},
      {"a header that does not parse", {header_not_utf8, Chunk({Flow(2020)})}, {"header"}},
      {"a later chunk that does not parse",
       {Create("fresh"), Chunk({Flow(2020)}), Chunk({not_utf8}), Chunk({Flow(2022)})},
       {"chunk[1]"}},
      {"a chunk adding to the study that does not parse",
       {AddTo(kStudy), Chunk({Flow(2020)}), Chunk({not_utf8})},
       {"chunk[1]"}},
      {"by month a year the dataset holds whole",
       {AddTo(kStudy), Chunk({stored_by_month})},
       {"chunk[0].flows[0].period"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    ExpectRefused(Upload(server_->endpoint(), c.messages), c.fields);
  }
  EXPECT_EQ(Upload(server_->endpoint(), {AddTo("datasets/missing"), Chunk({Flow(2020)})}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Upload(server_->endpoint(), {AddTo(kStudy, "999"), Chunk({Flow(2020)})}).code(),
            absl::StatusCode::kAborted);
  ExpectStoreUntouched();
}

TEST_F(BadInputTest, MoreFlowsThanTheServerHoldsAreRefusedWhole) {
  Start({"--max_flows_per_dataset=10"});
  const auto expect_exhausted = [](const absl::Status& s) {
    EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
    EXPECT_THAT(s.message(), HasSubstr("at most 10 flows"));
  };
  v1::Dataset eleven;
  for (const v1::TradeFlow& f : Flows(11)) *eleven.add_flows() = f;
  expect_exhausted(client().CreateDataset("big", eleven).status());
  Options chunked = OptionsFor(server_->endpoint());
  chunked.upload_chunk_flows = 4;
  expect_exhausted(Client(MakeConnection(chunked)).UploadNewDataset("big", {}, Flows(11)).status());
  // The study holds 8 flows: 3 more are one too many.
  expect_exhausted(client().AppendFlows(kStudy, Flows(3)).status());
  ExpectStoreUntouched();
}

}  // namespace
}  // namespace culturetrade
