// The AnalysisService RPCs on the wire: each hands its request to the analysis of the same
// name (analyses.h) and converts the result into a gRPC reply.
#ifndef CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_
#define CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_

#include "culturetrade/v1/analysis_service.grpc.pb.h"
#include "service/api/rpc_gate.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

class AnalysisServiceImpl final : public v1::AnalysisService::Service {
 public:
  AnalysisServiceImpl(DatasetStore& store, RpcGate& gate) : store_(store), gate_(gate) {}

  grpc::Status AnalyzeBalance(grpc::ServerContext* context,
                              const v1::AnalyzeBalanceRequest* request,
                              v1::AnalyzeBalanceResponse* response) override;
  grpc::Status AnalyzeGrowth(grpc::ServerContext* context, const v1::AnalyzeGrowthRequest* request,
                             v1::AnalyzeGrowthResponse* response) override;
  grpc::Status CompareExporters(grpc::ServerContext* context,
                                const v1::CompareExportersRequest* request,
                                v1::CompareExportersResponse* response) override;
  grpc::Status AnalyzeDealPrices(grpc::ServerContext* context,
                                 const v1::AnalyzeDealPricesRequest* request,
                                 v1::AnalyzeDealPricesResponse* response) override;
  grpc::Status EstimateSpillover(grpc::ServerContext* context,
                                 const v1::EstimateSpilloverRequest* request,
                                 v1::EstimateSpilloverResponse* response) override;
  grpc::Status ProjectBalance(grpc::ServerContext* context,
                              const v1::ProjectBalanceRequest* request,
                              v1::ProjectBalanceResponse* response) override;
  grpc::Status ComputeIndicators(grpc::ServerContext* context,
                                 const v1::ComputeIndicatorsRequest* request,
                                 v1::ComputeIndicatorsResponse* response) override;
  grpc::Status ReconcileMirror(grpc::ServerContext* context,
                               const v1::ReconcileMirrorRequest* request,
                               v1::ReconcileMirrorResponse* response) override;

 private:
  DatasetStore& store_;
  RpcGate& gate_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_
