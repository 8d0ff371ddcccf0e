#include "client/idempotency_policy.h"

namespace culturetrade {

Idempotency IdempotencyPolicy::CreateDataset(const v1::CreateDatasetRequest& request) const {
  return request.request_id().empty() ? Idempotency::kNonIdempotent : Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::GetDataset(const v1::GetDatasetRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::ListDatasets(const v1::ListDatasetsRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::DeleteDataset(const v1::DeleteDatasetRequest&) const {
  return Idempotency::kNonIdempotent;
}

Idempotency IdempotencyPolicy::UploadFlows(const v1::UploadFlowsHeader& header) const {
  const bool identified_create = header.has_create() && !header.create().request_id().empty();
  return identified_create ? Idempotency::kIdempotent : Idempotency::kNonIdempotent;
}

Idempotency IdempotencyPolicy::ReadFlows(const v1::ReadFlowsRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::AnalyzeBalance(const v1::AnalyzeBalanceRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::AnalyzeGrowth(const v1::AnalyzeGrowthRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::CompareExporters(const v1::CompareExportersRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::AnalyzeDealPrices(const v1::AnalyzeDealPricesRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::EstimateSpillover(const v1::EstimateSpilloverRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::ProjectBalance(const v1::ProjectBalanceRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::ComputeIndicators(const v1::ComputeIndicatorsRequest&) const {
  return Idempotency::kIdempotent;
}

Idempotency IdempotencyPolicy::ReconcileMirror(const v1::ReconcileMirrorRequest&) const {
  return Idempotency::kIdempotent;
}

}  // namespace culturetrade
