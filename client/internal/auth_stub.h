// A Stub decorator that sends the bearer token on every call, as `authorization` metadata.
#ifndef CULTURETRADE_CLIENT_INTERNAL_AUTH_STUB_H_
#define CULTURETRADE_CLIENT_INTERNAL_AUTH_STUB_H_

#include <memory>
#include <string>
#include <utility>

#include "client/internal/stub.h"

namespace culturetrade {
namespace internal {

class AuthStub : public Stub {
 public:
  AuthStub(std::shared_ptr<Stub> child, const std::string& bearer_token)
      : child_(std::move(child)), authorization_("Bearer " + bearer_token) {}

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
  void Authorize(grpc::ClientContext& context) const;

  std::shared_ptr<Stub> child_;
  std::string authorization_;
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_AUTH_STUB_H_
