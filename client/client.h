// culturetrade::Client: the C++ SDK's entry point. Cheap to copy (it shares its connection),
// safe to use from several threads, and it never throws: every call returns absl::Status or
// absl::StatusOr, whose payloads keep the server's google.rpc.BadRequest field violations.
#ifndef CULTURETRADE_CLIENT_CLIENT_H_
#define CULTURETRADE_CLIENT_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "client/connection.h"
#include "client/flow_block_source.h"
#include "client/paginated_range.h"
#include "google/rpc/error_details.pb.h"

namespace culturetrade {

class Client {
 public:
  explicit Client(std::shared_ptr<Connection> connection) : connection_(std::move(connection)) {}

  absl::StatusOr<v1::Dataset> CreateDataset(const std::string& dataset_id,
                                            const v1::Dataset& dataset);
  absl::StatusOr<v1::Dataset> GetDataset(const std::string& name,
                                         v1::DatasetView view = v1::DATASET_VIEW_BASIC);
  // One page of datasets; pass the previous page's `next_page_token` to continue.
  absl::StatusOr<v1::ListDatasetsResponse> ListDatasets(int page_size = 0,
                                                        const std::string& page_token = "");
  // Every dataset, in name order, fetching each page of `page_size` (0: the server's default)
  // only when the previous one is used up:
  //   for (const absl::StatusOr<v1::Dataset>& d : client.ListDatasetsRange()) { ... }
  PaginatedRange<v1::Dataset> ListDatasetsRange(int page_size = 0);
  // Every dataset at once.
  absl::StatusOr<std::vector<v1::Dataset>> ListAllDatasets();
  absl::Status DeleteDataset(const std::string& name, const std::string& etag = "");
  // Creates `dataset_id` holding `dataset` and `flows`, streamed in blocks: for large data.
  absl::StatusOr<v1::Dataset> UploadNewDataset(const std::string& dataset_id,
                                               const v1::Dataset& dataset,
                                               absl::Span<const v1::TradeFlow> flows);
  // Adds `flows` to the existing dataset `name`, if its etag still is `etag` (when set).
  absl::StatusOr<v1::Dataset> AppendFlows(const std::string& name,
                                          absl::Span<const v1::TradeFlow> flows,
                                          const std::string& etag = "");
  // Uploads into the target of `header` every block of a source `open` opens, on one stream:
  // for data too large to hold at once (read from a file block by block). The upload is
  // stored whole or not at all. It is retried as the IdempotencyPolicy's UploadFlows says (by
  // default only an upload that creates a dataset, which the Client gives a request id unless
  // the header has one); a retry calls `open` again, for a source from the first block.
  absl::StatusOr<v1::Dataset> UploadBlocks(const v1::UploadFlowsHeader& header,
                                           const FlowBlockSourceFactory& open);
  // Streams the flows of dataset `name` block by block, in the order they were stored, calling
  // `visit` on each (FlowsOfBlock in client/flows_of_block.h turns one into TradeFlows); an
  // error `visit` returns ends the read with it. With `etag`, the read happens only while the
  // dataset has that etag (else ABORTED). Returns the etag the flows were read at. A read that
  // fails before its first block is retried; one that fails later is not, as `visit` would see
  // blocks twice.
  absl::StatusOr<std::string> ReadFlows(const std::string& name,
                                        absl::FunctionRef<absl::Status(const v1::FlowBlock&)> visit,
                                        const std::string& etag = "");
  // The analyses: each passes its request to the server as it is.
  absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(
      const v1::AnalyzeBalanceRequest& request) {
    return connection_->AnalyzeBalance(request);
  }
  absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(const v1::AnalyzeGrowthRequest& request) {
    return connection_->AnalyzeGrowth(request);
  }
  absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
      const v1::CompareExportersRequest& request) {
    return connection_->CompareExporters(request);
  }
  absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
      const v1::AnalyzeDealPricesRequest& request) {
    return connection_->AnalyzeDealPrices(request);
  }
  absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
      const v1::EstimateSpilloverRequest& request) {
    return connection_->EstimateSpillover(request);
  }
  absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(
      const v1::ProjectBalanceRequest& request) {
    return connection_->ProjectBalance(request);
  }
  absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
      const v1::ComputeIndicatorsRequest& request) {
    return connection_->ComputeIndicators(request);
  }
  absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(
      const v1::ReconcileMirrorRequest& request) {
    return connection_->ReconcileMirror(request);
  }

 private:
  std::shared_ptr<Connection> connection_;
};

// The field violations an INVALID_ARGUMENT status carries (empty when it has none).
std::vector<google::rpc::BadRequest::FieldViolation> FieldViolationsOf(const absl::Status& status);

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_CLIENT_H_
