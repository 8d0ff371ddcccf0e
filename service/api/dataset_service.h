// The DatasetService RPCs: validation, then the store. Errors are absl::Status inside and
// become grpc::Status only on return.
#ifndef CULTURETRADE_SERVICE_API_DATASET_SERVICE_H_
#define CULTURETRADE_SERVICE_API_DATASET_SERVICE_H_

#include <cstdint>

#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "service/api/rpc_gate.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

struct DatasetServiceLimits {
  int max_page_size = 1000;
  int64_t max_flows_per_dataset = 50'000'000;
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
  grpc::ServerReadReactor<grpc::ByteBuffer>* UploadFlows(grpc::CallbackServerContext* context,
                                                         grpc::ByteBuffer* response) override;

 private:
  absl::StatusOr<v1::Dataset> Create(const v1::CreateDatasetRequest& request);
  absl::StatusOr<v1::ListDatasetsResponse> List(const v1::ListDatasetsRequest& request);

  DatasetStore& store_;
  RpcGate& gate_;
  const DatasetServiceLimits limits_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_API_DATASET_SERVICE_H_
