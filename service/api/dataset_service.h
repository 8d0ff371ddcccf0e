// The DatasetService RPCs: validation, then the store. Errors are absl::Status inside and
// become grpc::Status only on return.
#ifndef CULTURETRADE_SERVICE_API_DATASET_SERVICE_H_
#define CULTURETRADE_SERVICE_API_DATASET_SERVICE_H_

#include <cstdint>

#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "service/api/flow_upload.h"
#include "service/api/rpc_gate.h"
#include "service/api/upload_budget.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

struct DatasetServiceLimits {
  int max_page_size = 1000;
  UploadSettings upload;
  // The memory all uploads in progress may hold together.
  int64_t upload_memory_bytes = int64_t{1} << 30;
};

// UploadFlows is a raw callback method (upload_reactor.h); the others are synchronous.
class DatasetServiceImpl final
    : public v1::DatasetService::WithRawCallbackMethod_UploadFlows<v1::DatasetService::Service> {
 public:
  DatasetServiceImpl(DatasetStore& store, RpcGate& gate, DatasetServiceLimits limits);

  grpc::Status CreateDataset(grpc::ServerContext* context, const v1::CreateDatasetRequest* request,
                             v1::Dataset* response) override;
  grpc::Status GetDataset(grpc::ServerContext* context, const v1::GetDatasetRequest* request,
                          v1::Dataset* response) override;
  grpc::Status ListDatasets(grpc::ServerContext* context, const v1::ListDatasetsRequest* request,
                            v1::ListDatasetsResponse* response) override;
  grpc::Status DeleteDataset(grpc::ServerContext* context, const v1::DeleteDatasetRequest* request,
                             google::protobuf::Empty* response) override;
  grpc::Status ReadFlows(grpc::ServerContext* context, const v1::ReadFlowsRequest* request,
                         grpc::ServerWriter<v1::ReadFlowsResponse>* writer) override;
  grpc::ServerReadReactor<grpc::ByteBuffer>* UploadFlows(grpc::CallbackServerContext* context,
                                                         grpc::ByteBuffer* response) override;

 private:
  absl::StatusOr<v1::Dataset> Create(const v1::CreateDatasetRequest& request);
  absl::StatusOr<v1::ListDatasetsResponse> List(const v1::ListDatasetsRequest& request);
  absl::StatusOr<v1::Dataset> Get(const v1::GetDatasetRequest& request, const CallLiveness& alive);
  absl::Status Read(const v1::ReadFlowsRequest& request,
                    grpc::ServerWriter<v1::ReadFlowsResponse>& writer, const CallLiveness& alive);

  DatasetStore& store_;
  RpcGate& gate_;
  const DatasetServiceLimits limits_;
  UploadBudget upload_budget_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_DATASET_SERVICE_H_
