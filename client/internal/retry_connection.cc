#include "client/internal/retry_connection.h"

#include <utility>

#include "client/internal/trade_flow_blocks.h"

namespace culturetrade {
namespace internal {
namespace {

std::shared_ptr<const RetryPolicy> RetryPolicyOf(const Options& options) {
  if (options.retry_policy) return options.retry_policy;
  return std::make_shared<LimitedErrorCountRetryPolicy>(options.retry.max_attempts - 1);
}

std::shared_ptr<const BackoffPolicy> BackoffPolicyOf(const Options& options) {
  if (options.backoff_policy) return options.backoff_policy;
  return std::make_shared<ExponentialBackoffPolicy>(
      options.retry.initial_backoff, options.retry.max_backoff, options.retry.multiplier);
}

std::shared_ptr<const IdempotencyPolicy> IdempotencyPolicyOf(const Options& options) {
  if (options.idempotency_policy) return options.idempotency_policy;
  return std::make_shared<IdempotencyPolicy>();
}

bool IsIdempotent(Idempotency idempotency) { return idempotency == Idempotency::kIdempotent; }

}  // namespace

RetryConnection::RetryConnection(std::shared_ptr<Stub> stub, const Options& options, Clock clock)
    : stub_(std::move(stub)),
      options_(options),
      retry_policy_(RetryPolicyOf(options)),
      backoff_policy_(BackoffPolicyOf(options)),
      idempotency_policy_(IdempotencyPolicyOf(options)),
      clock_(std::move(clock)) {}

template <typename Rpc>
auto RetryConnection::Call(absl::FunctionRef<bool()> may_retry, Rpc rpc) {
  const absl::Time deadline = clock_.now() + ScopedTimeout::Current(options_.timeout);
  std::unique_ptr<RetryPolicy> retry = retry_policy_->Clone();
  std::unique_ptr<BackoffPolicy> backoff = backoff_policy_->Clone();
  for (;;) {
    // A context serves one attempt only; each gets what is left of the call's deadline.
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(deadline));
    auto result = rpc(context);
    if (result.ok() || !may_retry() || !retry->OnFailure(result.status())) {
      return result;
    }
    const absl::Duration pause = backoff->OnCompletion();
    // An attempt that could not start before the deadline would only fail the later.
    if (clock_.now() + pause >= deadline) return result;
    clock_.sleep(pause);
  }
}

template <typename Request, typename Response>
absl::StatusOr<Response> RetryConnection::Unary(
    Idempotency (IdempotencyPolicy::*idempotency)(const Request&) const,
    absl::StatusOr<Response> (Stub::*rpc)(grpc::ClientContext&, const Request&),
    const Request& request) {
  const bool idempotent = IsIdempotent((*idempotency_policy_.*idempotency)(request));
  return Call([idempotent] { return idempotent; },
              [&](grpc::ClientContext& context) { return (*stub_.*rpc)(context, request); });
}

absl::StatusOr<v1::Dataset> RetryConnection::CreateDataset(
    const v1::CreateDatasetRequest& request) {
  return Unary(&IdempotencyPolicy::CreateDataset, &Stub::CreateDataset, request);
}

absl::StatusOr<v1::Dataset> RetryConnection::GetDataset(const v1::GetDatasetRequest& request) {
  return Unary(&IdempotencyPolicy::GetDataset, &Stub::GetDataset, request);
}

absl::StatusOr<v1::ListDatasetsResponse> RetryConnection::ListDatasets(
    const v1::ListDatasetsRequest& request) {
  return Unary(&IdempotencyPolicy::ListDatasets, &Stub::ListDatasets, request);
}

absl::Status RetryConnection::DeleteDataset(const v1::DeleteDatasetRequest& request) {
  return Unary(&IdempotencyPolicy::DeleteDataset, &Stub::DeleteDataset, request).status();
}

absl::StatusOr<v1::Dataset> RetryConnection::UploadFlows(const v1::UploadFlowsHeader& header,
                                                         absl::Span<const v1::TradeFlow> flows) {
  return UploadBlocks(
      header, TradeFlowBlockFactory(flows, options_.upload_chunk_flows, options_.upload_progress));
}

absl::StatusOr<v1::Dataset> RetryConnection::UploadBlocks(const v1::UploadFlowsHeader& header,
                                                          const FlowBlockSourceFactory& open) {
  const bool idempotent = IsIdempotent(idempotency_policy_->UploadFlows(header));
  return Call([idempotent] { return idempotent; },
              [&](grpc::ClientContext& context) -> absl::StatusOr<v1::Dataset> {
                // Every attempt sends every block, from the first.
                absl::StatusOr<std::unique_ptr<FlowBlockSource>> blocks = open();
                if (!blocks.ok()) return blocks.status();
                return stub_->UploadFlows(context, header, **blocks);
              });
}

absl::StatusOr<std::string> RetryConnection::ReadFlows(
    const v1::ReadFlowsRequest& request,
    absl::FunctionRef<absl::Status(const v1::FlowBlock&)> visit) {
  const bool idempotent = IsIdempotent(idempotency_policy_->ReadFlows(request));
  bool delivered = false;
  return Call([&] { return idempotent && !delivered; },
              [&](grpc::ClientContext& context) -> absl::StatusOr<std::string> {
                std::string etag;
                absl::Status s =
                    stub_->ReadFlows(context, request, [&](const v1::ReadFlowsResponse& message) {
                      delivered = true;
                      etag = message.etag();
                      return visit(message.block());
                    });
                if (!s.ok()) return s;
                return etag;
              });
}

absl::StatusOr<v1::AnalyzeBalanceResponse> RetryConnection::AnalyzeBalance(
    const v1::AnalyzeBalanceRequest& request) {
  return Unary(&IdempotencyPolicy::AnalyzeBalance, &Stub::AnalyzeBalance, request);
}

absl::StatusOr<v1::AnalyzeGrowthResponse> RetryConnection::AnalyzeGrowth(
    const v1::AnalyzeGrowthRequest& request) {
  return Unary(&IdempotencyPolicy::AnalyzeGrowth, &Stub::AnalyzeGrowth, request);
}

absl::StatusOr<v1::CompareExportersResponse> RetryConnection::CompareExporters(
    const v1::CompareExportersRequest& request) {
  return Unary(&IdempotencyPolicy::CompareExporters, &Stub::CompareExporters, request);
}

absl::StatusOr<v1::AnalyzeDealPricesResponse> RetryConnection::AnalyzeDealPrices(
    const v1::AnalyzeDealPricesRequest& request) {
  return Unary(&IdempotencyPolicy::AnalyzeDealPrices, &Stub::AnalyzeDealPrices, request);
}

absl::StatusOr<v1::EstimateSpilloverResponse> RetryConnection::EstimateSpillover(
    const v1::EstimateSpilloverRequest& request) {
  return Unary(&IdempotencyPolicy::EstimateSpillover, &Stub::EstimateSpillover, request);
}

absl::StatusOr<v1::ProjectBalanceResponse> RetryConnection::ProjectBalance(
    const v1::ProjectBalanceRequest& request) {
  return Unary(&IdempotencyPolicy::ProjectBalance, &Stub::ProjectBalance, request);
}

absl::StatusOr<v1::ComputeIndicatorsResponse> RetryConnection::ComputeIndicators(
    const v1::ComputeIndicatorsRequest& request) {
  return Unary(&IdempotencyPolicy::ComputeIndicators, &Stub::ComputeIndicators, request);
}

absl::StatusOr<v1::ReconcileMirrorResponse> RetryConnection::ReconcileMirror(
    const v1::ReconcileMirrorRequest& request) {
  return Unary(&IdempotencyPolicy::ReconcileMirror, &Stub::ReconcileMirror, request);
}

}  // namespace internal
}  // namespace culturetrade
