// Which calls are safe to send again when an attempt failed, perhaps after the server acted on
// it. Only idempotent calls are retried. The defaults: reads and analyses (which only read)
// are idempotent, and so are a CreateDataset and an upload that creates a dataset when they
// carry a request id (AIP-155: the server answers a repeat with the dataset the first made;
// the Client sets one on every create). DeleteDataset and an upload that appends are not, as a
// repeat of one the server did carry out would fail (NOT_FOUND) or add the flows twice.
// UploadFlows answers for every upload, of TradeFlows or of blocks (Client::UploadBlocks).
// ReadFlows is repeated only while no block has reached the caller, since a repeat would hand
// the caller the same blocks again. Override a method to change one call's answer, and set the
// policy as Options::idempotency_policy.
#ifndef CULTURETRADE_CLIENT_IDEMPOTENCY_POLICY_H_
#define CULTURETRADE_CLIENT_IDEMPOTENCY_POLICY_H_

#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/dataset_service.pb.h"

namespace culturetrade {

enum class Idempotency { kIdempotent, kNonIdempotent };

class IdempotencyPolicy {
 public:
  virtual ~IdempotencyPolicy() = default;

  virtual Idempotency CreateDataset(const v1::CreateDatasetRequest& request) const;
  virtual Idempotency GetDataset(const v1::GetDatasetRequest& request) const;
  virtual Idempotency ListDatasets(const v1::ListDatasetsRequest& request) const;
  virtual Idempotency DeleteDataset(const v1::DeleteDatasetRequest& request) const;
  virtual Idempotency UploadFlows(const v1::UploadFlowsHeader& header) const;
  virtual Idempotency ReadFlows(const v1::ReadFlowsRequest& request) const;
  virtual Idempotency AnalyzeBalance(const v1::AnalyzeBalanceRequest& request) const;
  virtual Idempotency AnalyzeGrowth(const v1::AnalyzeGrowthRequest& request) const;
  virtual Idempotency CompareExporters(const v1::CompareExportersRequest& request) const;
  virtual Idempotency AnalyzeDealPrices(const v1::AnalyzeDealPricesRequest& request) const;
  virtual Idempotency EstimateSpillover(const v1::EstimateSpilloverRequest& request) const;
  virtual Idempotency ProjectBalance(const v1::ProjectBalanceRequest& request) const;
  virtual Idempotency ComputeIndicators(const v1::ComputeIndicatorsRequest& request) const;
  virtual Idempotency ReconcileMirror(const v1::ReconcileMirrorRequest& request) const;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_IDEMPOTENCY_POLICY_H_
