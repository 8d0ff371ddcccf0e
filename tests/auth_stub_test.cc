// AuthStub over a mock Stub: the bearer token reaches every call's context.
#include "client/internal/auth_stub.h"

#include <gmock/gmock.h>
#include <grpcpp/test/client_context_test_peer.h>
#include <gtest/gtest.h>

#include "client/internal/mock_stub.h"
#include "client/internal/trade_flow_blocks.h"

namespace culturetrade {
namespace internal {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::Pair;

std::multimap<std::string, std::string> SentMetadata(grpc::ClientContext& context) {
  return grpc::testing::ClientContextTestPeer(&context).GetSendInitialMetadata();
}

TEST(AuthStubTest, TheTokenReachesTheContext) {
  auto mock = std::make_shared<MockStub>();
  EXPECT_CALL(*mock, GetDataset(_, _))
      .WillOnce([](grpc::ClientContext& context, const v1::GetDatasetRequest& request) {
        EXPECT_THAT(SentMetadata(context), ElementsAre(Pair("authorization", "Bearer t0ken")));
        v1::Dataset dataset;
        dataset.set_name(request.name());
        return dataset;
      });
  EXPECT_CALL(*mock, UploadFlows(_, _, _))
      .WillOnce([](grpc::ClientContext& context, const v1::UploadFlowsHeader&,
                   FlowBlockSource&) -> absl::StatusOr<v1::Dataset> {
        EXPECT_THAT(SentMetadata(context), ElementsAre(Pair("authorization", "Bearer t0ken")));
        return absl::UnavailableError("down");
      });
  EXPECT_CALL(*mock, ReadFlows(_, _, _))
      .WillOnce([](grpc::ClientContext& context, const v1::ReadFlowsRequest&,
                   absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)>) {
        EXPECT_THAT(SentMetadata(context), ElementsAre(Pair("authorization", "Bearer t0ken")));
        return absl::NotFoundError("no such dataset");
      });
  AuthStub stub(mock, "t0ken");
  grpc::ClientContext read;
  v1::GetDatasetRequest request;
  request.set_name("datasets/a");
  EXPECT_EQ(stub.GetDataset(read, request)->name(), "datasets/a");
  grpc::ClientContext upload;
  TradeFlowBlocks no_blocks({}, 1, nullptr);
  EXPECT_EQ(stub.UploadFlows(upload, {}, no_blocks).status().code(),
            absl::StatusCode::kUnavailable);
  grpc::ClientContext read_flows;
  EXPECT_EQ(
      stub.ReadFlows(read_flows, {}, [](const v1::ReadFlowsResponse&) { return absl::OkStatus(); })
          .code(),
      absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace internal
}  // namespace culturetrade
