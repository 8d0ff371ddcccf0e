#include "service/api/analysis_service.h"

#include "service/analyses/analyses.h"

namespace culturetrade {

grpc::ServerUnaryReactor* AnalysisServiceImpl::WithoutMessage(
    grpc::CallbackServerContext* context) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(
      grpc::Status(grpc::StatusCode::CANCELLED, "the call ended before its request message came"));
  return reactor;
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::AnalyzeBalance(grpc::CallbackServerContext* context,
                                                              const grpc::ByteBuffer* request,
                                                              grpc::ByteBuffer* response) {
  return Serve(context, "AnalyzeBalance", request, response, &culturetrade::AnalyzeBalance);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::AnalyzeGrowth(grpc::CallbackServerContext* context,
                                                             const grpc::ByteBuffer* request,
                                                             grpc::ByteBuffer* response) {
  return Serve(context, "AnalyzeGrowth", request, response, &culturetrade::AnalyzeGrowth);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::CompareExporters(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Serve(context, "CompareExporters", request, response, &culturetrade::CompareExporters);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::AnalyzeDealPrices(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Serve(context, "AnalyzeDealPrices", request, response, &culturetrade::AnalyzeDealPrices);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::EstimateSpillover(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Serve(context, "EstimateSpillover", request, response, &culturetrade::EstimateSpillover);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::ProjectBalance(grpc::CallbackServerContext* context,
                                                              const grpc::ByteBuffer* request,
                                                              grpc::ByteBuffer* response) {
  return Serve(context, "ProjectBalance", request, response, &culturetrade::ProjectBalance);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::ComputeIndicators(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Serve(context, "ComputeIndicators", request, response, &culturetrade::ComputeIndicators);
}

grpc::ServerUnaryReactor* AnalysisServiceImpl::ReconcileMirror(grpc::CallbackServerContext* context,
                                                               const grpc::ByteBuffer* request,
                                                               grpc::ByteBuffer* response) {
  return Serve(context, "ReconcileMirror", request, response, &culturetrade::ReconcileMirror);
}

}  // namespace culturetrade
