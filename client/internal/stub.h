// The transport under the SDK's Connection: one virtual per RPC, each a single attempt under
// the context it is given. Retries, deadlines and credentials are the decorators' business, so
// that each layer can be tested over a mock of the one below.
#ifndef CULTURETRADE_CLIENT_INTERNAL_STUB_H_
#define CULTURETRADE_CLIENT_INTERNAL_STUB_H_

#include <grpcpp/client_context.h>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "client/flow_block_source.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "google/protobuf/empty.pb.h"

namespace culturetrade {
namespace internal {

class Stub {
 public:
  virtual ~Stub() = default;

  virtual absl::StatusOr<v1::Dataset> CreateDataset(grpc::ClientContext& context,
                                                    const v1::CreateDatasetRequest& request) = 0;
  virtual absl::StatusOr<v1::Dataset> GetDataset(grpc::ClientContext& context,
                                                 const v1::GetDatasetRequest& request) = 0;
  virtual absl::StatusOr<v1::ListDatasetsResponse> ListDatasets(
      grpc::ClientContext& context, const v1::ListDatasetsRequest& request) = 0;
  virtual absl::StatusOr<google::protobuf::Empty> DeleteDataset(
      grpc::ClientContext& context, const v1::DeleteDatasetRequest& request) = 0;
  // Sends `header`, then each block of `blocks` in order, as one stream; the stream's status or
  // the dataset it made. A block is asked for only once the one before it was written, and an
  // error of `blocks` cancels the stream (so the server stores nothing) and is returned.
  virtual absl::StatusOr<v1::Dataset> UploadFlows(grpc::ClientContext& context,
                                                  const v1::UploadFlowsHeader& header,
                                                  FlowBlockSource& blocks) = 0;
  // Hands each message of the stream to `on_message` as it arrives. An error of `on_message`
  // cancels the stream and is returned; otherwise the stream's status.
  virtual absl::Status ReadFlows(
      grpc::ClientContext& context, const v1::ReadFlowsRequest& request,
      absl::FunctionRef<absl::Status(const v1::ReadFlowsResponse&)> on_message) = 0;
  virtual absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(
      grpc::ClientContext& context, const v1::AnalyzeBalanceRequest& request) = 0;
  virtual absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(
      grpc::ClientContext& context, const v1::AnalyzeGrowthRequest& request) = 0;
  virtual absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
      grpc::ClientContext& context, const v1::CompareExportersRequest& request) = 0;
  virtual absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
      grpc::ClientContext& context, const v1::AnalyzeDealPricesRequest& request) = 0;
  virtual absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
      grpc::ClientContext& context, const v1::EstimateSpilloverRequest& request) = 0;
  virtual absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(
      grpc::ClientContext& context, const v1::ProjectBalanceRequest& request) = 0;
  virtual absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
      grpc::ClientContext& context, const v1::ComputeIndicatorsRequest& request) = 0;
  virtual absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(
      grpc::ClientContext& context, const v1::ReconcileMirrorRequest& request) = 0;
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_STUB_H_
