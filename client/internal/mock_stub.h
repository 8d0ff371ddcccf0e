// A gmock Stub, so that the layers above the transport can be tested without a server.
#ifndef CULTURETRADE_CLIENT_INTERNAL_MOCK_STUB_H_
#define CULTURETRADE_CLIENT_INTERNAL_MOCK_STUB_H_

#include <gmock/gmock.h>

#include "client/internal/stub.h"

namespace culturetrade {
namespace internal {

class MockStub : public Stub {
 public:
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, CreateDataset,
              (grpc::ClientContext&, const v1::CreateDatasetRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, GetDataset,
              (grpc::ClientContext&, const v1::GetDatasetRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListDatasetsResponse>, ListDatasets,
              (grpc::ClientContext&, const v1::ListDatasetsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<google::protobuf::Empty>, DeleteDataset,
              (grpc::ClientContext&, const v1::DeleteDatasetRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, UploadFlows,
              (grpc::ClientContext&, const v1::UploadFlowsHeader&, FlowBlockSource&), (override));
  MOCK_METHOD(absl::Status, ReadFlows,
              (grpc::ClientContext&, const v1::ReadFlowsRequest&,
               absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)>),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::AnalyzeBalanceResponse>, AnalyzeBalance,
              (grpc::ClientContext&, const v1::AnalyzeBalanceRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::AnalyzeGrowthResponse>, AnalyzeGrowth,
              (grpc::ClientContext&, const v1::AnalyzeGrowthRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::CompareExportersResponse>, CompareExporters,
              (grpc::ClientContext&, const v1::CompareExportersRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::AnalyzeDealPricesResponse>, AnalyzeDealPrices,
              (grpc::ClientContext&, const v1::AnalyzeDealPricesRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::EstimateSpilloverResponse>, EstimateSpillover,
              (grpc::ClientContext&, const v1::EstimateSpilloverRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ProjectBalanceResponse>, ProjectBalance,
              (grpc::ClientContext&, const v1::ProjectBalanceRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ComputeIndicatorsResponse>, ComputeIndicators,
              (grpc::ClientContext&, const v1::ComputeIndicatorsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ReconcileMirrorResponse>, ReconcileMirror,
              (grpc::ClientContext&, const v1::ReconcileMirrorRequest&), (override));
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_MOCK_STUB_H_
