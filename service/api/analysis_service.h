// The AnalysisService RPCs on the wire: each hands its request to the analysis of the same
// name (analyses.h) and converts the result into a gRPC reply. They use the callback API: gRPC's
// event thread admits the call and queues it for a CallExecutor worker, which analyses and
// finishes it (see call_executor.h for why).
#ifndef CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_
#define CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_

#include "culturetrade/v1/analysis_service.grpc.pb.h"
#include "proto/status_convert.h"
#include "service/api/call_executor.h"
#include "service/api/rpc_gate.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

class AnalysisServiceImpl final : public v1::AnalysisService::CallbackService {
 public:
  AnalysisServiceImpl(DatasetStore& store, RpcGate& gate, CallExecutor& executor)
      : store_(store), gate_(gate), executor_(executor) {}

  grpc::ServerUnaryReactor* AnalyzeBalance(grpc::CallbackServerContext* context,
                                           const v1::AnalyzeBalanceRequest* request,
                                           v1::AnalyzeBalanceResponse* response) override;
  grpc::ServerUnaryReactor* AnalyzeGrowth(grpc::CallbackServerContext* context,
                                          const v1::AnalyzeGrowthRequest* request,
                                          v1::AnalyzeGrowthResponse* response) override;
  grpc::ServerUnaryReactor* CompareExporters(grpc::CallbackServerContext* context,
                                             const v1::CompareExportersRequest* request,
                                             v1::CompareExportersResponse* response) override;
  grpc::ServerUnaryReactor* AnalyzeDealPrices(grpc::CallbackServerContext* context,
                                              const v1::AnalyzeDealPricesRequest* request,
                                              v1::AnalyzeDealPricesResponse* response) override;
  grpc::ServerUnaryReactor* EstimateSpillover(grpc::CallbackServerContext* context,
                                              const v1::EstimateSpilloverRequest* request,
                                              v1::EstimateSpilloverResponse* response) override;
  grpc::ServerUnaryReactor* ProjectBalance(grpc::CallbackServerContext* context,
                                           const v1::ProjectBalanceRequest* request,
                                           v1::ProjectBalanceResponse* response) override;
  grpc::ServerUnaryReactor* ComputeIndicators(grpc::CallbackServerContext* context,
                                              const v1::ComputeIndicatorsRequest* request,
                                              v1::ComputeIndicatorsResponse* response) override;
  grpc::ServerUnaryReactor* ReconcileMirror(grpc::CallbackServerContext* context,
                                            const v1::ReconcileMirrorRequest* request,
                                            v1::ReconcileMirrorResponse* response) override;

 private:
  // Serves `request` with `analysis` (one of analyses.h), whose name is `method`.
  template <typename Request, typename Response, typename Analysis>
  grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context, const char* method,
                                  const Request* request, Response* response, Analysis analysis) {
    return gate_.ServeUnary(context, method, Role::kReader, request->dataset(), executor_,
                            [this, request, response, analysis](const CallLiveness& alive) {
                              return Reply(analysis(store_, *request, alive), response);
                            });
  }

  DatasetStore& store_;
  RpcGate& gate_;
  CallExecutor& executor_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_
