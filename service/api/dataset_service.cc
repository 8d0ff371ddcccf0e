#include "service/api/dataset_service.h"

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "proto/flow_block_convert.h"
#include "proto/status_convert.h"
#include "service/api/dataset_creation.h"
#include "service/api/flow_upload.h"
#include "service/api/raw_message.h"
#include "service/api/upload_reactor.h"
#include "service/model/dataset_resource.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr absl::string_view kTokenPrefix = "after:";

std::string PageToken(const std::string& last_id) {
  return last_id.empty() ? "" : absl::WebSafeBase64Escape(absl::StrCat(kTokenPrefix, last_id));
}

absl::StatusOr<std::string> AfterIdFromToken(const std::string& token) {
  if (token.empty()) return std::string();
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(token, &decoded) || !absl::StartsWith(decoded, kTokenPrefix) ||
      !IsValidDatasetId(decoded.substr(kTokenPrefix.size()))) {
    return InvalidField("page_token", "not a token returned by ListDatasets");
  }
  return decoded.substr(kTokenPrefix.size());
}

}  // namespace

DatasetServiceImpl::DatasetServiceImpl(DatasetStore& store, RpcGate& gate,
                                       DatasetServiceLimits limits)
    : store_(store), gate_(gate), limits_(limits), upload_budget_(limits.upload_memory_bytes) {}

absl::StatusOr<v1::Dataset> DatasetServiceImpl::Create(const v1::CreateDatasetRequest& request) {
  FieldViolations violations;
  if (!IsValidDatasetId(request.dataset_id())) {
    violations.Add("dataset_id",
                   absl::StrCat("'", request.dataset_id(), "' is not a dataset id: 1 to 63 ",
                                "lower-case letters, digits and hyphens, starting with a letter"));
  }
  CheckRequestId(request.request_id(), "request_id", violations);
  ValidateDatasetContent(request.dataset(), "dataset.", violations);
  if (!violations.empty()) return violations.ToStatus();
  const int64_t limit = limits_.upload.max_flows_per_dataset;
  if (request.dataset().flows_size() > limit) {
    return TooManyFlows(request.dataset().flows_size(), limit);
  }
  absl::StatusOr<Creation> creation = BeginCreate(store_, request, request.SerializeAsString());
  if (!creation.ok()) return creation.status();
  if (creation->earlier) return ResourceOf(*creation->earlier);
  absl::StatusOr<DatasetRecord> record =
      WriteAndCommit(*creation->writer, request.dataset().flows());
  if (!record.ok()) return record.status();
  return ResourceOf(*record);
}

absl::StatusOr<v1::Dataset> DatasetServiceImpl::Get(const v1::GetDatasetRequest& request,
                                                    const CallLiveness& alive) {
  absl::StatusOr<std::string> id = DatasetIdFromName(request.name(), "name");
  if (!id.ok()) return id.status();
  if (!v1::DatasetView_IsValid(request.view())) return InvalidField("view", "unknown view");
  if (request.view() != v1::DATASET_VIEW_FULL) {
    absl::StatusOr<DatasetRecord> record = store_.Get(*id);
    if (!record.ok()) return record.status();
    return ResourceOf(*record);
  }
  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  absl::StatusOr<DatasetRecord> record = store_.ReadBlocks(
      *id, BlockFilter{}, [&](const FlowBlock& block) { return AppendTradeFlows(block, &flows); },
      alive);
  if (!record.ok()) return record.status();
  absl::StatusOr<v1::Dataset> dataset = ResourceOf(*record);
  if (dataset.ok()) dataset->mutable_flows()->Swap(&flows);
  return dataset;
}

absl::StatusOr<v1::ListDatasetsResponse> DatasetServiceImpl::List(
    const v1::ListDatasetsRequest& request) {
  if (request.page_size() < 0 || request.page_size() > limits_.max_page_size) {
    return InvalidField("page_size", absl::StrCat("must be 0 to ", limits_.max_page_size, ", not ",
                                                  request.page_size()));
  }
  absl::StatusOr<std::string> after = AfterIdFromToken(request.page_token());
  if (!after.ok()) return after.status();
  absl::StatusOr<DatasetPage> page =
      store_.List(request.page_size() == 0 ? kDefaultPageSize : request.page_size(), *after);
  if (!page.ok()) return page.status();
  v1::ListDatasetsResponse response;
  for (const DatasetRecord& record : page->datasets) {
    absl::StatusOr<v1::Dataset> d = ResourceOf(record);
    if (!d.ok()) return d.status();
    *response.add_datasets() = *std::move(d);
  }
  response.set_next_page_token(PageToken(page->last_id));
  return response;
}

absl::Status DatasetServiceImpl::Read(const v1::ReadFlowsRequest& request,
                                      grpc::ServerWriter<v1::ReadFlowsResponse>& writer,
                                      const CallLiveness& alive) {
  absl::StatusOr<std::string> id = DatasetIdFromName(request.name(), "name");
  if (!id.ok()) return id.status();
  // Every message names the revision read, so it must be known before the first block; a
  // write landing between this and the read below makes the read fail rather than mislabel.
  absl::StatusOr<DatasetRecord> before = store_.Get(*id);
  if (!before.ok()) return before.status();
  if (!request.etag().empty() && request.etag() != EtagOf(before->revision)) {
    return absl::AbortedError(absl::StrCat("dataset ", request.name(), " has changed: etag is ",
                                           EtagOf(before->revision), ", not ", request.etag(),
                                           "; read it again"));
  }
  v1::ReadFlowsResponse response;
  response.set_etag(EtagOf(before->revision));
  absl::StatusOr<DatasetRecord> read = store_.ReadBlocks(
      *id, BlockFilter{},
      [&](const FlowBlock& block) {
        *response.mutable_block() = BlockToProto(block);
        if (!writer.Write(response)) return absl::CancelledError("the reader went away");
        return absl::OkStatus();
      },
      alive);
  if (!read.ok()) return read.status();
  if (read->revision != before->revision) {
    return absl::AbortedError(
        absl::StrCat("dataset ", request.name(), " changed while it was read; read it again"));
  }
  return absl::OkStatus();
}

grpc::Status DatasetServiceImpl::CreateDataset(grpc::ServerContext* context,
                                               const v1::CreateDatasetRequest* request,
                                               v1::Dataset* response) {
  return gate_.Serve(context, "CreateDataset", Role::kWriter, request->dataset_id(),
                     [&](const CallLiveness&) { return Reply(Create(*request), response); });
}

grpc::Status DatasetServiceImpl::GetDataset(grpc::ServerContext* context,
                                            const v1::GetDatasetRequest* request,
                                            v1::Dataset* response) {
  return gate_.Serve(
      context, "GetDataset", Role::kReader, request->name(),
      [&](const CallLiveness& alive) { return Reply(Get(*request, alive), response); });
}

grpc::Status DatasetServiceImpl::ListDatasets(grpc::ServerContext* context,
                                              const v1::ListDatasetsRequest* request,
                                              v1::ListDatasetsResponse* response) {
  static const std::string kNone;
  return gate_.Serve(context, "ListDatasets", Role::kReader, kNone,
                     [&](const CallLiveness&) { return Reply(List(*request), response); });
}

grpc::Status DatasetServiceImpl::DeleteDataset(grpc::ServerContext* context,
                                               const v1::DeleteDatasetRequest* request,
                                               google::protobuf::Empty*) {
  return gate_.Serve(context, "DeleteDataset", Role::kWriter, request->name(),
                     [&](const CallLiveness&) {
                       absl::StatusOr<std::string> id = DatasetIdFromName(request->name(), "name");
                       if (!id.ok()) return ToGrpcStatus(id.status());
                       return ToGrpcStatus(store_.Delete(*id, request->etag()));
                     });
}

grpc::Status DatasetServiceImpl::ReadFlows(grpc::ServerContext* context,
                                           const v1::ReadFlowsRequest* request,
                                           grpc::ServerWriter<v1::ReadFlowsResponse>* writer) {
  return gate_.Serve(
      context, "ReadFlows", Role::kReader, request->name(),
      [&](const CallLiveness& alive) { return ToGrpcStatus(Read(*request, *writer, alive)); });
}

grpc::ServerReadReactor<grpc::ByteBuffer>* DatasetServiceImpl::UploadFlows(
    grpc::CallbackServerContext* context, grpc::ByteBuffer* response) {
  return new UploadReactor([this, context, response](UploadReactor::Next next) {
    std::string dataset;
    return gate_.Serve(
        context, "UploadFlows", Role::kWriter, dataset, [&](const CallLiveness& alive) {
          v1::Dataset reply;
          grpc::Status status =
              Reply(UploadFlowStream(store_, limits_.upload, upload_budget_, next, alive, dataset),
                    &reply);
          if (status.ok()) *response = SerializedReply(reply);
          return status;
        });
  });
}

}  // namespace culturetrade
