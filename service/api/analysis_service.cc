#include "service/api/analysis_service.h"

#include "proto/status_convert.h"
#include "service/analyses/analyses.h"

namespace culturetrade {

grpc::Status AnalysisServiceImpl::AnalyzeBalance(grpc::ServerContext* context,
                                                 const v1::AnalyzeBalanceRequest* request,
                                                 v1::AnalyzeBalanceResponse* response) {
  return gate_.Serve(
      context, "AnalyzeBalance", Role::kReader, request->dataset(), [&](const CallLiveness& alive) {
        return Reply(culturetrade::AnalyzeBalance(store_, *request, alive), response);
      });
}

grpc::Status AnalysisServiceImpl::AnalyzeGrowth(grpc::ServerContext* context,
                                                const v1::AnalyzeGrowthRequest* request,
                                                v1::AnalyzeGrowthResponse* response) {
  return gate_.Serve(context, "AnalyzeGrowth", Role::kReader, request->dataset(),
                     [&](const CallLiveness& alive) {
                       return Reply(culturetrade::AnalyzeGrowth(store_, *request, alive), response);
                     });
}

grpc::Status AnalysisServiceImpl::CompareExporters(grpc::ServerContext* context,
                                                   const v1::CompareExportersRequest* request,
                                                   v1::CompareExportersResponse* response) {
  return gate_.Serve(context, "CompareExporters", Role::kReader, request->dataset(),
                     [&](const CallLiveness& alive) {
                       return Reply(culturetrade::CompareExporters(store_, *request, alive),
                                    response);
                     });
}

grpc::Status AnalysisServiceImpl::AnalyzeDealPrices(grpc::ServerContext* context,
                                                    const v1::AnalyzeDealPricesRequest* request,
                                                    v1::AnalyzeDealPricesResponse* response) {
  return gate_.Serve(context, "AnalyzeDealPrices", Role::kReader, request->dataset(),
                     [&](const CallLiveness& alive) {
                       return Reply(culturetrade::AnalyzeDealPrices(store_, *request, alive),
                                    response);
                     });
}

grpc::Status AnalysisServiceImpl::EstimateSpillover(grpc::ServerContext* context,
                                                    const v1::EstimateSpilloverRequest* request,
                                                    v1::EstimateSpilloverResponse* response) {
  return gate_.Serve(context, "EstimateSpillover", Role::kReader, request->dataset(),
                     [&](const CallLiveness& alive) {
                       return Reply(culturetrade::EstimateSpillover(store_, *request, alive),
                                    response);
                     });
}

grpc::Status AnalysisServiceImpl::ProjectBalance(grpc::ServerContext* context,
                                                 const v1::ProjectBalanceRequest* request,
                                                 v1::ProjectBalanceResponse* response) {
  return gate_.Serve(
      context, "ProjectBalance", Role::kReader, request->dataset(), [&](const CallLiveness& alive) {
        return Reply(culturetrade::ProjectBalance(store_, *request, alive), response);
      });
}

grpc::Status AnalysisServiceImpl::ComputeIndicators(grpc::ServerContext* context,
                                                    const v1::ComputeIndicatorsRequest* request,
                                                    v1::ComputeIndicatorsResponse* response) {
  return gate_.Serve(context, "ComputeIndicators", Role::kReader, request->dataset(),
                     [&](const CallLiveness& alive) {
                       return Reply(culturetrade::ComputeIndicators(store_, *request, alive),
                                    response);
                     });
}

grpc::Status AnalysisServiceImpl::ReconcileMirror(grpc::ServerContext* context,
                                                  const v1::ReconcileMirrorRequest* request,
                                                  v1::ReconcileMirrorResponse* response) {
  return gate_.Serve(context, "ReconcileMirror", Role::kReader, request->dataset(),
                     [&](const CallLiveness& alive) {
                       return Reply(culturetrade::ReconcileMirror(store_, *request, alive),
                                    response);
                     });
}

}  // namespace culturetrade
