#include "service/analysis_service.h"

#include "proto/status_convert.h"
#include "service/analyses.h"

namespace culturetrade {

grpc::Status AnalysisServiceImpl::AnalyzeBalance(grpc::ServerContext*, const v1::AnalyzeBalanceRequest* request,
                                                 v1::AnalyzeBalanceResponse* response) {
  return Reply(culturetrade::AnalyzeBalance(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::AnalyzeGrowth(grpc::ServerContext*, const v1::AnalyzeGrowthRequest* request,
                                                v1::AnalyzeGrowthResponse* response) {
  return Reply(culturetrade::AnalyzeGrowth(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::CompareExporters(grpc::ServerContext*, const v1::CompareExportersRequest* request,
                                                   v1::CompareExportersResponse* response) {
  return Reply(culturetrade::CompareExporters(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::AnalyzeDealPrices(grpc::ServerContext*, const v1::AnalyzeDealPricesRequest* request,
                                                    v1::AnalyzeDealPricesResponse* response) {
  return Reply(culturetrade::AnalyzeDealPrices(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::EstimateSpillover(grpc::ServerContext*, const v1::EstimateSpilloverRequest* request,
                                                    v1::EstimateSpilloverResponse* response) {
  return Reply(culturetrade::EstimateSpillover(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::ProjectBalance(grpc::ServerContext*, const v1::ProjectBalanceRequest* request,
                                                 v1::ProjectBalanceResponse* response) {
  return Reply(culturetrade::ProjectBalance(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::ComputeIndicators(grpc::ServerContext*, const v1::ComputeIndicatorsRequest* request,
                                                    v1::ComputeIndicatorsResponse* response) {
  return Reply(culturetrade::ComputeIndicators(store_, *request), response);
}

grpc::Status AnalysisServiceImpl::ReconcileMirror(grpc::ServerContext*, const v1::ReconcileMirrorRequest* request,
                                                  v1::ReconcileMirrorResponse* response) {
  return Reply(culturetrade::ReconcileMirror(store_, *request), response);
}

}  // namespace culturetrade
