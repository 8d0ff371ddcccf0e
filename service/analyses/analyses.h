// The analyses of AnalysisService, one function per RPC, without the transport: each validates
// its request (INVALID_ARGUMENT with field violations), loads the data (stopping once `alive`
// says the caller has gone), and runs the analysis library. AnalysisServiceImpl only converts their
// results for the wire.
#ifndef CULTURETRADE_SERVICE_ANALYSES_ANALYSES_H_
#define CULTURETRADE_SERVICE_ANALYSES_ANALYSES_H_

#include "absl/status/statusor.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "service/model/call_liveness.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

absl::StatusOr<v1::AnalyzeBalanceResponse> AnalyzeBalance(DatasetStore& store,
                                                          const v1::AnalyzeBalanceRequest& r,
                                                          const CallLiveness& alive);
absl::StatusOr<v1::AnalyzeGrowthResponse> AnalyzeGrowth(DatasetStore& store,
                                                        const v1::AnalyzeGrowthRequest& r,
                                                        const CallLiveness& alive);
absl::StatusOr<v1::CompareExportersResponse> CompareExporters(DatasetStore& store,
                                                              const v1::CompareExportersRequest& r,
                                                              const CallLiveness& alive);
absl::StatusOr<v1::AnalyzeDealPricesResponse> AnalyzeDealPrices(
    DatasetStore& store, const v1::AnalyzeDealPricesRequest& r, const CallLiveness& alive);
absl::StatusOr<v1::EstimateSpilloverResponse> EstimateSpillover(
    DatasetStore& store, const v1::EstimateSpilloverRequest& r, const CallLiveness& alive);
absl::StatusOr<v1::ProjectBalanceResponse> ProjectBalance(DatasetStore& store,
                                                          const v1::ProjectBalanceRequest& r,
                                                          const CallLiveness& alive);
absl::StatusOr<v1::ComputeIndicatorsResponse> ComputeIndicators(
    DatasetStore& store, const v1::ComputeIndicatorsRequest& r, const CallLiveness& alive);
absl::StatusOr<v1::ReconcileMirrorResponse> ReconcileMirror(DatasetStore& store,
                                                            const v1::ReconcileMirrorRequest& r,
                                                            const CallLiveness& alive);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_ANALYSES_H_
