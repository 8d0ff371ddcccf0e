// The analyses of AnalysisService, one function per RPC, without the transport: each validates
// its request (INVALID_ARGUMENT with field violations), loads the data, and runs the analysis
// library. AnalysisServiceImpl only converts their results for the wire.
#ifndef CULTURETRADE_SERVICE_ANALYSES_H_
#define CULTURETRADE_SERVICE_ANALYSES_H_

#include "absl/status/statusor.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "service/dataset_store.h"

namespace culturetrade {

absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(DatasetStore& store,
                                                          const v1::AnalyzeBalanceRequest& r);
absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(DatasetStore& store,
                                                        const v1::AnalyzeGrowthRequest& r);
absl::StatusOr<v1::CompareExportersResponse> CompareExporters(
    DatasetStore& store, const v1::CompareExportersRequest& r);
absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
    DatasetStore& store, const v1::AnalyzeDealPricesRequest& r);
absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
    DatasetStore& store, const v1::EstimateSpilloverRequest& r);
absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(DatasetStore& store,
                                                          const v1::ProjectBalanceRequest& r);
absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
    DatasetStore& store, const v1::ComputeIndicatorsRequest& r);
absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(DatasetStore& store,
                                                            const v1::ReconcileMirrorRequest& r);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_H_
