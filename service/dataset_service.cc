#include "service/dataset_service.h"

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "proto/status_convert.h"
#include "service/field_violations.h"
#include "service/validation.h"

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

absl::Status TooManyFlows(int64_t count, int64_t limit) {
  return absl::ResourceExhaustedError(absl::StrCat(
      "a dataset holds at most ", limit, " flows on this server; this one would hold ", count));
}

}  // namespace

absl::StatusOr<v1::Dataset> DatasetServiceImpl::Create(const v1::CreateDatasetRequest& request) {
  FieldViolations violations;
  if (!IsValidDatasetId(request.dataset_id())) {
    violations.Add("dataset_id",
                   absl::StrCat("'", request.dataset_id(), "' is not a dataset id: 1 to 63 ",
                                "lower-case letters, digits and hyphens, starting with a letter"));
  }
  ValidateDatasetContent(request.dataset(), "dataset.", violations);
  if (!violations.empty()) return violations.ToStatus();
  if (request.dataset().flows_size() > limits_.max_flows_per_dataset) {
    return TooManyFlows(request.dataset().flows_size(), limits_.max_flows_per_dataset);
  }
  return store_.Create(request.dataset_id(), request.dataset());
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
  for (v1::Dataset& d : page->datasets) *response.add_datasets() = std::move(d);
  response.set_next_page_token(PageToken(page->last_id));
  return response;
}

absl::StatusOr<v1::Dataset> DatasetServiceImpl::Upload(
    grpc::ServerContext& context, grpc::ServerReader<v1::UploadFlowsRequest>& reader,
    std::string& dataset) {
  v1::UploadFlowsRequest message;
  if (!reader.Read(&message) || !message.has_header()) {
    return InvalidField("header", "the first message of an upload must be its header");
  }
  const v1::UploadFlowsHeader header = message.header();
  FieldViolations violations;
  FlowKeySet seen;
  std::string id;
  int64_t existing_flows = 0;
  if (header.has_create()) {
    if (!IsValidDatasetId(header.create().dataset_id())) {
      violations.Add("header.create.dataset_id", "not a dataset id");
    }
    ValidateDatasetContent(header.create().dataset(), "header.create.dataset.", violations);
    for (const v1::TradeFlow& f : header.create().dataset().flows()) RememberFlow(f, seen);
    id = header.create().dataset_id();
    dataset = DatasetName(id);
  } else if (header.target_case() == v1::UploadFlowsHeader::kDataset) {
    absl::StatusOr<std::string> parsed = DatasetIdFromName(header.dataset(), "header.dataset");
    if (!parsed.ok()) return parsed.status();
    id = *parsed;
    dataset = header.dataset();
    absl::StatusOr<v1::Dataset> existing = store_.Get(id, /*with_flows=*/true);
    if (!existing.ok()) return existing.status();
    for (const v1::TradeFlow& f : existing->flows()) RememberFlow(f, seen);
    existing_flows = existing->flows_size();
  } else {
    return InvalidField("header", "say which dataset to create or add to");
  }
  if (!violations.empty()) return violations.ToStatus();

  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  int64_t total = header.has_create() ? header.create().dataset().flows_size() : existing_flows;
  for (int64_t chunk = 0; reader.Read(&message); ++chunk) {
    if (!message.has_chunk()) {
      violations.Add(absl::StrCat("chunk[", chunk, "]"), "only the first message is a header");
      continue;
    }
    ValidateFlows(message.chunk().flows(), absl::StrCat("chunk[", chunk, "]."), seen, violations);
    total += message.chunk().flows_size();
    if (total > limits_.max_flows_per_dataset) {
      return TooManyFlows(total, limits_.max_flows_per_dataset);
    }
    for (v1::TradeFlow& f : *message.mutable_chunk()->mutable_flows()) flows.Add(std::move(f));
  }
  // A stream that ended because the caller went away is not an upload: nothing is written.
  if (context.IsCancelled()) return absl::CancelledError("the upload was cancelled by the caller");
  if (!violations.empty()) return violations.ToStatus();
  if (header.has_create()) {
    v1::Dataset created = header.create().dataset();
    for (v1::TradeFlow& f : flows) created.mutable_flows()->Add(std::move(f));
    return store_.Create(id, created);
  }
  return store_.AppendFlows(id, header.etag(), flows);
}

grpc::Status DatasetServiceImpl::CreateDataset(grpc::ServerContext* context,
                                               const v1::CreateDatasetRequest* request,
                                               v1::Dataset* response) {
  return gate_.Serve(context, "CreateDataset", Role::kWriter, request->dataset_id(),
                     [&] { return Reply(Create(*request), response); });
}

grpc::Status DatasetServiceImpl::GetDataset(grpc::ServerContext* context,
                                            const v1::GetDatasetRequest* request,
                                            v1::Dataset* response) {
  return gate_.Serve(context, "GetDataset", Role::kReader, request->name(), [&] {
    absl::StatusOr<std::string> id = DatasetIdFromName(request->name(), "name");
    if (!id.ok()) return ToGrpcStatus(id.status());
    if (!v1::DatasetView_IsValid(request->view())) {
      return ToGrpcStatus(InvalidField("view", "unknown view"));
    }
    return Reply(store_.Get(*id, request->view() == v1::DATASET_VIEW_FULL), response);
  });
}

grpc::Status DatasetServiceImpl::ListDatasets(grpc::ServerContext* context,
                                              const v1::ListDatasetsRequest* request,
                                              v1::ListDatasetsResponse* response) {
  static const std::string kNone;
  return gate_.Serve(context, "ListDatasets", Role::kReader, kNone,
                     [&] { return Reply(List(*request), response); });
}

grpc::Status DatasetServiceImpl::DeleteDataset(grpc::ServerContext* context,
                                               const v1::DeleteDatasetRequest* request,
                                               google::protobuf::Empty*) {
  return gate_.Serve(context, "DeleteDataset", Role::kWriter, request->name(), [&] {
    absl::StatusOr<std::string> id = DatasetIdFromName(request->name(), "name");
    if (!id.ok()) return ToGrpcStatus(id.status());
    return ToGrpcStatus(store_.Delete(*id, request->etag()));
  });
}

grpc::Status DatasetServiceImpl::UploadFlows(grpc::ServerContext* context,
                                             grpc::ServerReader<v1::UploadFlowsRequest>* reader,
                                             v1::Dataset* response) {
  std::string dataset;
  return gate_.Serve(context, "UploadFlows", Role::kWriter, dataset,
                     [&] { return Reply(Upload(*context, *reader, dataset), response); });
}

}  // namespace culturetrade
