#include "client/client.h"

#include "client/request_id.h"
#include "proto/status_convert.h"

namespace culturetrade {

absl::StatusOr<v1::Dataset> Client::CreateDataset(const std::string& dataset_id,
                                                  const v1::Dataset& dataset) {
  v1::CreateDatasetRequest request;
  request.set_dataset_id(dataset_id);
  *request.mutable_dataset() = dataset;
  request.set_request_id(NewRequestId());
  return connection_->CreateDataset(request);
}

absl::StatusOr<v1::Dataset> Client::GetDataset(const std::string& name, v1::DatasetView view) {
  v1::GetDatasetRequest request;
  request.set_name(name);
  request.set_view(view);
  return connection_->GetDataset(request);
}

absl::StatusOr<v1::ListDatasetsResponse> Client::ListDatasets(int page_size,
                                                              const std::string& page_token) {
  v1::ListDatasetsRequest request;
  request.set_page_size(page_size);
  request.set_page_token(page_token);
  return connection_->ListDatasets(request);
}

PaginatedRange<v1::Dataset> Client::ListDatasetsRange(int page_size) {
  // The range may outlive this Client object: it keeps the connection alive itself.
  return PaginatedRange<v1::Dataset>(
      [connection = connection_,
       page_size](const std::string& token) -> absl::StatusOr<PaginatedRange<v1::Dataset>::Page> {
        v1::ListDatasetsRequest request;
        request.set_page_size(page_size);
        request.set_page_token(token);
        absl::StatusOr<v1::ListDatasetsResponse> response = connection->ListDatasets(request);
        if (!response.ok()) return response.status();
        PaginatedRange<v1::Dataset>::Page page;
        for (v1::Dataset& d : *response->mutable_datasets()) page.items.push_back(std::move(d));
        page.next_page_token = response->next_page_token();
        return page;
      });
}

absl::StatusOr<std::vector<v1::Dataset>> Client::ListAllDatasets() {
  std::vector<v1::Dataset> out;
  for (const absl::StatusOr<v1::Dataset>& d : ListDatasetsRange()) {
    if (!d.ok()) return d.status();
    out.push_back(*d);
  }
  return out;
}

absl::Status Client::DeleteDataset(const std::string& name, const std::string& etag) {
  v1::DeleteDatasetRequest request;
  request.set_name(name);
  request.set_etag(etag);
  return connection_->DeleteDataset(request);
}

absl::StatusOr<v1::Dataset> Client::UploadNewDataset(const std::string& dataset_id,
                                                     const v1::Dataset& dataset,
                                                     absl::Span<const v1::TradeFlow> flows) {
  v1::UploadFlowsHeader header;
  header.mutable_create()->set_dataset_id(dataset_id);
  *header.mutable_create()->mutable_dataset() = dataset;
  header.mutable_create()->set_request_id(NewRequestId());
  return connection_->UploadFlows(header, flows);
}

absl::StatusOr<v1::Dataset> Client::AppendFlows(const std::string& name,
                                                absl::Span<const v1::TradeFlow> flows,
                                                const std::string& etag) {
  v1::UploadFlowsHeader header;
  header.set_dataset(name);
  header.set_etag(etag);
  return connection_->UploadFlows(header, flows);
}

absl::StatusOr<v1::Dataset> Client::UploadBlocks(const v1::UploadFlowsHeader& header,
                                                 const FlowBlockSourceFactory& open) {
  if (!header.has_create() || !header.create().request_id().empty()) {
    return connection_->UploadBlocks(header, open);
  }
  v1::UploadFlowsHeader with_id = header;
  with_id.mutable_create()->set_request_id(NewRequestId());
  return connection_->UploadBlocks(with_id, open);
}

absl::StatusOr<std::string> Client::ReadFlows(
    const std::string& name, absl::FunctionRef<absl::Status(const v1::FlowBlock&)> visit,
    const std::string& etag) {
  v1::ReadFlowsRequest request;
  request.set_name(name);
  request.set_etag(etag);
  return connection_->ReadFlows(request, visit);
}

std::vector<google::rpc::BadRequest::FieldViolation> FieldViolationsOf(const absl::Status& status) {
  google::rpc::BadRequest bad_request;
  if (!ReadDetail(status, bad_request)) return {};
  return {bad_request.field_violations().begin(), bad_request.field_violations().end()};
}

}  // namespace culturetrade
