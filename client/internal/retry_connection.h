// The Connection over a Stub: each call under one overall deadline (Options::timeout, or the
// thread's ScopedTimeout), retrying what the idempotency policy says is safe to repeat for as
// long as the retry policy allows, pausing as long as the backoff policy says.
#ifndef CULTURETRADE_CLIENT_INTERNAL_RETRY_CONNECTION_H_
#define CULTURETRADE_CLIENT_INTERNAL_RETRY_CONNECTION_H_

#include <memory>

#include "client/connection.h"
#include "client/internal/clock.h"
#include "client/internal/stub.h"

namespace culturetrade {
namespace internal {

class RetryConnection : public Connection {
 public:
  RetryConnection(std::shared_ptr<Stub> stub, const Options& options, Clock clock = {});

  absl::StatusOr<v1::Dataset> CreateDataset(const v1::CreateDatasetRequest& request) override;
  absl::StatusOr<v1::Dataset> GetDataset(const v1::GetDatasetRequest& request) override;
  absl::StatusOr<v1::ListDatasetsResponse> ListDatasets(
      const v1::ListDatasetsRequest& request) override;
  absl::Status DeleteDataset(const v1::DeleteDatasetRequest& request) override;
  absl::StatusOr<v1::Dataset> UploadFlows(const v1::UploadFlowsHeader& header,
                                          absl::Span<const v1::TradeFlow> flows) override;
  absl::StatusOr<v1::Dataset> UploadBlocks(const v1::UploadFlowsHeader& header,
                                           const FlowBlockSourceFactory& open) override;
  absl::StatusOr<std::string> ReadFlows(
      const v1::ReadFlowsRequest& request,
      absl::FunctionRef<absl::Status(const v1::FlowBlock&)> visit) override;
  absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(
      const v1::AnalyzeBalanceRequest& request) override;
  absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(
      const v1::AnalyzeGrowthRequest& request) override;
  absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
      const v1::CompareExportersRequest& request) override;
  absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
      const v1::AnalyzeDealPricesRequest& request) override;
  absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
      const v1::EstimateSpilloverRequest& request) override;
  absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(
      const v1::ProjectBalanceRequest& request) override;
  absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
      const v1::ComputeIndicatorsRequest& request) override;
  absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(
      const v1::ReconcileMirrorRequest& request) override;

 private:
  // Calls `rpc` with a fresh context per attempt until it succeeds or may not be retried:
  // `may_retry` is asked after each failure, as a call can stop being safe to repeat part-way.
  template <typename Rpc>
  auto Call(absl::FunctionRef<bool()> may_retry, Rpc rpc);
  // Call() for the unary RPC `rpc`, asking the policy's method `idempotency` about `request`.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Unary(Idempotency (IdempotencyPolicy::*idempotency)(const Request&)
                                     const,
                                 absl::StatusOr<Response> (Stub::*rpc)(grpc::ClientContext&,
                                                                       const Request&),
                                 const Request& request);

  std::shared_ptr<Stub> stub_;
  Options options_;
  std::shared_ptr<const RetryPolicy> retry_policy_;
  std::shared_ptr<const BackoffPolicy> backoff_policy_;
  std::shared_ptr<const IdempotencyPolicy> idempotency_policy_;
  Clock clock_;
};

}  // namespace internal
}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_INTERNAL_RETRY_CONNECTION_H_
