// The AnalysisService RPCs: resolve the dataset, run the analysis library, reply.
#ifndef CULTURETRADE_SERVICE_ANALYSIS_SERVICE_H_
#define CULTURETRADE_SERVICE_ANALYSIS_SERVICE_H_

#include "culturetrade/v1/analysis_service.grpc.pb.h"
#include "service/dataset_store.h"

namespace culturetrade {

class AnalysisServiceImpl final : public v1::AnalysisService::Service {
 public:
  explicit AnalysisServiceImpl(DatasetStore& store) : store_(store) {}

  grpc::Status AnalyzeBalance(grpc::ServerContext* context,
                              const v1::AnalyzeBalanceRequest* request,
                              v1::AnalyzeBalanceResponse* response) override;

  // The RPC without the transport, for callers inside the process and for tests.
  absl::StatusOr<v1::AnalyzeBalanceResponse> Balance(const v1::AnalyzeBalanceRequest& request);

 private:
  DatasetStore& store_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSIS_SERVICE_H_
