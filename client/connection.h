// The Connection interface: one virtual per RPC, so that code using the Client can be tested
// with a mock connection and no server.
#ifndef CULTURETRADE_CLIENT_CONNECTION_H_
#define CULTURETRADE_CLIENT_CONNECTION_H_

#include <memory>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "client/flow_block_source.h"
#include "client/options.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset_service.pb.h"

namespace culturetrade {

class Connection {
 public:
  virtual ~Connection() = default;

  virtual absl::StatusOr<v1::Dataset> CreateDataset(const v1::CreateDatasetRequest& request) = 0;
  virtual absl::StatusOr<v1::Dataset> GetDataset(const v1::GetDatasetRequest& request) = 0;
  virtual absl::StatusOr<v1::ListDatasetsResponse> ListDatasets(
      const v1::ListDatasetsRequest& request) = 0;
  virtual absl::Status DeleteDataset(const v1::DeleteDatasetRequest& request) = 0;
  // Sends `header`, then `flows` in blocks of Options::upload_chunk_flows, as one upload.
  virtual absl::StatusOr<v1::Dataset> UploadFlows(const v1::UploadFlowsHeader& header,
                                                  absl::Span<const v1::TradeFlow> flows) = 0;
  // Sends `header`, then every block of a source `open` opens, as one upload; an attempt that
  // is retried opens a fresh source.
  virtual absl::StatusOr<v1::Dataset> UploadBlocks(const v1::UploadFlowsHeader& header,
                                                   const FlowBlockSourceFactory& open) = 0;
  // Hands each block of the dataset to `visit` as it arrives; the etag the blocks were read at.
  virtual absl::StatusOr<std::string> ReadFlows(
      const v1::ReadFlowsRequest& request,
      absl::FunctionRef<absl::Status(const v1::FlowBlock&)> visit) = 0;
  virtual absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(
      const v1::AnalyzeBalanceRequest& request) = 0;
  virtual absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(
      const v1::AnalyzeGrowthRequest& request) = 0;
  virtual absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
      const v1::CompareExportersRequest& request) = 0;
  virtual absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
      const v1::AnalyzeDealPricesRequest& request) = 0;
  virtual absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
      const v1::EstimateSpilloverRequest& request) = 0;
  virtual absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(
      const v1::ProjectBalanceRequest& request) = 0;
  virtual absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
      const v1::ComputeIndicatorsRequest& request) = 0;
  virtual absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(
      const v1::ReconcileMirrorRequest& request) = 0;
};

// The default connection: a gRPC channel to `options.endpoint`, with the bearer token, the
// deadline and the retry, backoff and idempotency policies of `options`.
std::shared_ptr<Connection> MakeConnection(const Options& options);

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_CONNECTION_H_
