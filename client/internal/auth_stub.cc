#include "client/internal/auth_stub.h"

namespace culturetrade {
namespace internal {

void AuthStub::Authorize(grpc::ClientContext& context) const {
  context.AddMetadata("authorization", authorization_);
}

absl::StatusOr<v1::Dataset> AuthStub::CreateDataset(grpc::ClientContext& context,
                                                    const v1::CreateDatasetRequest& request) {
  Authorize(context);
  return child_->CreateDataset(context, request);
}

absl::StatusOr<v1::Dataset> AuthStub::GetDataset(grpc::ClientContext& context,
                                                 const v1::GetDatasetRequest& request) {
  Authorize(context);
  return child_->GetDataset(context, request);
}

absl::StatusOr<v1::ListDatasetsResponse> AuthStub::ListDatasets(
    grpc::ClientContext& context, const v1::ListDatasetsRequest& request) {
  Authorize(context);
  return child_->ListDatasets(context, request);
}

absl::StatusOr<google::protobuf::Empty> AuthStub::DeleteDataset(
    grpc::ClientContext& context, const v1::DeleteDatasetRequest& request) {
  Authorize(context);
  return child_->DeleteDataset(context, request);
}

absl::StatusOr<v1::Dataset> AuthStub::UploadFlows(grpc::ClientContext& context,
                                                  const v1::UploadFlowsHeader& header,
                                                  FlowBlockSource& blocks) {
  Authorize(context);
  return child_->UploadFlows(context, header, blocks);
}

absl::Status AuthStub::ReadFlows(
    grpc::ClientContext& context, const v1::ReadFlowsRequest& request,
    absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)> on_message) {
  Authorize(context);
  return child_->ReadFlows(context, request, on_message);
}

absl::StatusOr<v1::AnalyzeBalanceResponse> AuthStub::AnalyzeBalance(
    grpc::ClientContext& context, const v1::AnalyzeBalanceRequest& request) {
  Authorize(context);
  return child_->AnalyzeBalance(context, request);
}

absl::StatusOr<v1::AnalyzeGrowthResponse> AuthStub::AnalyzeGrowth(
    grpc::ClientContext& context, const v1::AnalyzeGrowthRequest& request) {
  Authorize(context);
  return child_->AnalyzeGrowth(context, request);
}

absl::StatusOr<v1::CompareExportersResponse> AuthStub::CompareExporters(
    grpc::ClientContext& context, const v1::CompareExportersRequest& request) {
  Authorize(context);
  return child_->CompareExporters(context, request);
}

absl::StatusOr<v1::AnalyzeDealPricesResponse> AuthStub::AnalyzeDealPrices(
    grpc::ClientContext& context, const v1::AnalyzeDealPricesRequest& request) {
  Authorize(context);
  return child_->AnalyzeDealPrices(context, request);
}

absl::StatusOr<v1::EstimateSpilloverResponse> AuthStub::EstimateSpillover(
    grpc::ClientContext& context, const v1::EstimateSpilloverRequest& request) {
  Authorize(context);
  return child_->EstimateSpillover(context, request);
}

absl::StatusOr<v1::ProjectBalanceResponse> AuthStub::ProjectBalance(
    grpc::ClientContext& context, const v1::ProjectBalanceRequest& request) {
  Authorize(context);
  return child_->ProjectBalance(context, request);
}

absl::StatusOr<v1::ComputeIndicatorsResponse> AuthStub::ComputeIndicators(
    grpc::ClientContext& context, const v1::ComputeIndicatorsRequest& request) {
  Authorize(context);
  return child_->ComputeIndicators(context, request);
}

absl::StatusOr<v1::ReconcileMirrorResponse> AuthStub::ReconcileMirror(
    grpc::ClientContext& context, const v1::ReconcileMirrorRequest& request) {
  Authorize(context);
  return child_->ReconcileMirror(context, request);
}

}  // namespace internal
}  // namespace culturetrade
