// The Stub over gRPC's generated stubs: one attempt per call, gRPC statuses made absl ones
// (with their rich error details).
#ifndef CULTURETRADE_CLIENT_INTERNAL_DEFAULT_STUB_H_
#define CULTURETRADE_CLIENT_INTERNAL_DEFAULT_STUB_H_

#include <memory>
#include <utility>

#include "client/internal/stub.h"
#include "culturetrade/v1/analysis_service.grpc.pb.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"

namespace culturetrade {
namespace internal {

class DefaultStub : public Stub {
 public:
  DefaultStub(std::unique_ptr<v1::DatasetService::StubInterface> datasets,
              std::unique_ptr<v1::AnalysisService::StubInterface> analysis)
      : datasets_(std::move(datasets)), analysis_(std::move(analysis)) {}

  absl::StatusOr<v1::Dataset> CreateDataset(grpc::ClientContext& context,
                                            const v1::CreateDatasetRequest& request) override;
  absl::StatusOr<v1::Dataset> GetDataset(grpc::ClientContext& context,
                                         const v1::GetDatasetRequest& request) override;
  absl::StatusOr<v1::ListDatasetsResponse> ListDatasets(
      grpc::ClientContext& context, const v1::ListDatasetsRequest& request) override;
  absl::StatusOr<google::protobuf::Empty> DeleteDataset(
      grpc::ClientContext& context, const v1::DeleteDatasetRequest& request) override;
  absl::StatusOr<v1::Dataset> UploadFlows(grpc::ClientContext& context,
                                          const v1::UploadFlowsHeader& header,
                                          FlowBlockSource& blocks) override;
  absl::Status ReadFlows(
      grpc::ClientContext& context, const v1::ReadFlowsRequest& request,
      absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)> on_message) override;
  absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(
      grpc::ClientContext& context, const v1::AnalyzeBalanceRequest& request) override;
  absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(
      grpc::ClientContext& context, const v1::AnalyzeGrowthRequest& request) override;
  absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
      grpc::ClientContext& context, const v1::CompareExportersRequest& request) override;
  absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
      grpc::ClientContext& context, const v1::AnalyzeDealPricesRequest& request) override;
  absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
      grpc::ClientContext& context, const v1::EstimateSpilloverRequest& request) override;
  absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(
      grpc::ClientContext& context, const v1::ProjectBalanceRequest& request) override;
  absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
      grpc::ClientContext& context, const v1::ComputeIndicatorsRequest& request) override;
  absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(
      grpc::ClientContext& context, const v1::ReconcileMirrorRequest& request) override;

 private:
  std::unique_ptr<v1::DatasetService::StubInterface> datasets_;
  std::unique_ptr<v1::AnalysisService::StubInterface> analysis_;
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_DEFAULT_STUB_H_
