// The AnalysisService RPCs on the wire: each hands its request to the analysis of the same
// name (analyses.h) and converts the result into a gRPC reply. They are raw callback methods:
// gRPC's event thread parses the request (raw_message.h says why the server parses) and admits
// the call, and a CallExecutor worker analyses and finishes it (call_executor.h says why).
#ifndef CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_
#define CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_

#include <memory>
#include <utility>

#include "culturetrade/v1/analysis_service.grpc.pb.h"
#include "proto/status_convert.h"
#include "service/api/call_executor.h"
#include "service/api/raw_message.h"
#include "service/api/rpc_gate.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

// Every method of the service, raw.
using RawAnalysisService = v1::AnalysisService::WithRawCallbackMethod_AnalyzeBalance<
    v1::AnalysisService::WithRawCallbackMethod_AnalyzeGrowth<
        v1::AnalysisService::WithRawCallbackMethod_CompareExporters<
            v1::AnalysisService::WithRawCallbackMethod_AnalyzeDealPrices<
                v1::AnalysisService::WithRawCallbackMethod_EstimateSpillover<
                    v1::AnalysisService::WithRawCallbackMethod_ProjectBalance<
                        v1::AnalysisService::WithRawCallbackMethod_ComputeIndicators<
                            v1::AnalysisService::WithRawCallbackMethod_ReconcileMirror<
                                v1::AnalysisService::Service>>>>>>>>;

class AnalysisServiceImpl final : public RawAnalysisService {
 public:
  AnalysisServiceImpl(DatasetStore& store, RpcGate& gate, CallExecutor& executor)
      : store_(store), gate_(gate), executor_(executor) {}

  grpc::ServerUnaryReactor* AnalyzeBalance(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* AnalyzeGrowth(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* CompareExporters(grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* AnalyzeDealPrices(grpc::CallbackServerContext* context,
                                              const grpc::ByteBuffer* request,
                                              grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* EstimateSpillover(grpc::CallbackServerContext* context,
                                              const grpc::ByteBuffer* request,
                                              grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ProjectBalance(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ComputeIndicators(grpc::CallbackServerContext* context,
                                              const grpc::ByteBuffer* request,
                                              grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ReconcileMirror(grpc::CallbackServerContext* context,
                                            const grpc::ByteBuffer* request,
                                            grpc::ByteBuffer* response) override;

 private:
  // Serves the request in `bytes` with `analysis` (one of analyses.h), named `method`.
  template <typename Request, typename Response>
  grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context, const char* method,
                                  const grpc::ByteBuffer* bytes, grpc::ByteBuffer* reply,
                                  absl::StatusOr<Response> (*analysis)(DatasetStore&,
                                                                       const Request&,
                                                                       const CallLiveness&)) {
    if (!bytes->Valid()) return WithoutMessage(context);
    auto request = std::make_unique<Request>();
    const bool parsed = ParseRaw(*bytes, *request);
    // The reference stays valid: the request moves into the body by its pointer.
    const std::string& dataset = request->dataset();
    return gate_.ServeUnary(context, method, Role::kReader, dataset, executor_,
                            [this, parsed, request = std::move(request), reply,
                             analysis](const CallLiveness& alive) -> grpc::Status {
                              if (!parsed) return Unparsable(Request::descriptor()->full_name());
                              absl::StatusOr<Response> result = analysis(store_, *request, alive);
                              if (!result.ok()) return ToGrpcStatus(result.status());
                              *reply = SerializedReply(*result);
                              return grpc::Status::OK;
                            });
  }

  // A call that ended before its message came (a client cut off mid-call), which the callback
  // API hands over anyway: answered at once, unlogged, as a synchronous method never sees it.
  static grpc::ServerUnaryReactor* WithoutMessage(grpc::CallbackServerContext* context);

  DatasetStore& store_;
  RpcGate& gate_;
  CallExecutor& executor_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_ANALYSIS_SERVICE_H_
