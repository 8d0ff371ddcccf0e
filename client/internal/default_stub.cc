#include "client/internal/default_stub.h"

#include <utility>

#include "proto/status_convert.h"

namespace culturetrade {
namespace internal {
namespace {

// One unary call of `service`'s `rpc`.
template <typename Service, typename Request, typename Response>
absl::StatusOr<Response> Unary(Service& service,
                               grpc::Status (Service::*rpc)(grpc::ClientContext*, const Request&,
                                                            Response*),
                               grpc::ClientContext& context, const Request& request) {
  Response response;
  absl::Status status = FromGrpcStatus((service.*rpc)(&context, request, &response));
  if (!status.ok()) return status;
  return response;
}

}  // namespace

absl::StatusOr<v1::Dataset> DefaultStub::CreateDataset(grpc::ClientContext& context,
                                                       const v1::CreateDatasetRequest& request) {
  return Unary(*datasets_, &v1::DatasetService::StubInterface::CreateDataset, context, request);
}

absl::StatusOr<v1::Dataset> DefaultStub::GetDataset(grpc::ClientContext& context,
                                                    const v1::GetDatasetRequest& request) {
  return Unary(*datasets_, &v1::DatasetService::StubInterface::GetDataset, context, request);
}

absl::StatusOr<v1::ListDatasetsResponse> DefaultStub::ListDatasets(
    grpc::ClientContext& context, const v1::ListDatasetsRequest& request) {
  return Unary(*datasets_, &v1::DatasetService::StubInterface::ListDatasets, context, request);
}

absl::StatusOr<google::protobuf::Empty> DefaultStub::DeleteDataset(
    grpc::ClientContext& context, const v1::DeleteDatasetRequest& request) {
  return Unary(*datasets_, &v1::DatasetService::StubInterface::DeleteDataset, context, request);
}

absl::StatusOr<v1::Dataset> DefaultStub::UploadFlows(grpc::ClientContext& context,
                                                     const v1::UploadFlowsHeader& header,
                                                     FlowBlockSource& blocks) {
  v1::Dataset response;
  std::unique_ptr<grpc::ClientWriterInterface<v1::UploadFlowsRequest>> writer =
      datasets_->UploadFlows(&context, &response);
  v1::UploadFlowsRequest message;
  *message.mutable_header() = header;
  // A write fails once the stream is broken; Finish() then says why.
  bool open = writer->Write(message);
  absl::StatusOr<bool> more = true;
  while (open) {
    more = blocks.Next(*message.mutable_block());
    if (!more.ok() || !*more) break;
    open = writer->Write(message);
  }
  if (!more.ok()) {
    // Closing the stream would store the blocks sent so far; a cancelled upload stores nothing.
    context.TryCancel();
    writer->Finish();
    return more.status();
  }
  writer->WritesDone();
  absl::Status status = FromGrpcStatus(writer->Finish());
  if (!status.ok()) return status;
  return response;
}

absl::Status DefaultStub::ReadFlows(
    grpc::ClientContext& context, const v1::ReadFlowsRequest& request,
    absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)> on_message) {
  std::unique_ptr<grpc::ClientReaderInterface<v1::ReadFlowsResponse>> reader =
      datasets_->ReadFlows(&context, request);
  v1::ReadFlowsResponse message;
  while (reader->Read(&message)) {
    if (absl::Status s = on_message(message); !s.ok()) {
      // The caller wants no more: stop the server sending the rest, and drop what is on the way.
      context.TryCancel();
      while (reader->Read(&message)) {
      }
      reader->Finish();
      return s;
    }
  }
  return FromGrpcStatus(reader->Finish());
}

absl::StatusOr<v1::AnalyzeBalanceResponse> DefaultStub::AnalyzeBalance(
    grpc::ClientContext& context, const v1::AnalyzeBalanceRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::AnalyzeBalance, context, request);
}

absl::StatusOr<v1::AnalyzeGrowthResponse> DefaultStub::AnalyzeGrowth(
    grpc::ClientContext& context, const v1::AnalyzeGrowthRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::AnalyzeGrowth, context, request);
}

absl::StatusOr<v1::CompareExportersResponse> DefaultStub::CompareExporters(
    grpc::ClientContext& context, const v1::CompareExportersRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::CompareExporters, context, request);
}

absl::StatusOr<v1::AnalyzeDealPricesResponse> DefaultStub::AnalyzeDealPrices(
    grpc::ClientContext& context, const v1::AnalyzeDealPricesRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::AnalyzeDealPrices, context,
               request);
}

absl::StatusOr<v1::EstimateSpilloverResponse> DefaultStub::EstimateSpillover(
    grpc::ClientContext& context, const v1::EstimateSpilloverRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::EstimateSpillover, context,
               request);
}

absl::StatusOr<v1::ProjectBalanceResponse> DefaultStub::ProjectBalance(
    grpc::ClientContext& context, const v1::ProjectBalanceRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::ProjectBalance, context, request);
}

absl::StatusOr<v1::ComputeIndicatorsResponse> DefaultStub::ComputeIndicators(
    grpc::ClientContext& context, const v1::ComputeIndicatorsRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::ComputeIndicators, context,
               request);
}

absl::StatusOr<v1::ReconcileMirrorResponse> DefaultStub::ReconcileMirror(
    grpc::ClientContext& context, const v1::ReconcileMirrorRequest& request) {
  return Unary(*analysis_, &v1::AnalysisService::StubInterface::ReconcileMirror, context, request);
}

}  // namespace internal
}  // namespace culturetrade
