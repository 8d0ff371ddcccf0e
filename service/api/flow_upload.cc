#include "service/api/flow_upload.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

// What the header says: the dataset's id, the keys it already holds and how many flows.
struct UploadTarget {
  std::string id;
  FlowKeySet seen;
  int64_t flows = 0;
};

absl::StatusOr<UploadTarget> ReadTarget(DatasetStore& store, const v1::UploadFlowsHeader& header,
                                        const CallLiveness& alive, std::string& dataset) {
  UploadTarget target;
  if (header.has_create()) {
    FieldViolations violations;
    if (!IsValidDatasetId(header.create().dataset_id())) {
      violations.Add("header.create.dataset_id", "not a dataset id");
    }
    ValidateDatasetContent(header.create().dataset(), "header.create.dataset.", violations);
    if (!violations.empty()) return violations.ToStatus();
    for (const v1::TradeFlow& f : header.create().dataset().flows()) target.seen.Remember(f);
    target.id = header.create().dataset_id();
    target.flows = header.create().dataset().flows_size();
    dataset = DatasetName(target.id);
    return target;
  }
  if (header.target_case() != v1::UploadFlowsHeader::kDataset) {
    return InvalidField("header", "say which dataset to create or add to");
  }
  absl::StatusOr<std::string> parsed = DatasetIdFromName(header.dataset(), "header.dataset");
  if (!parsed.ok()) return parsed.status();
  target.id = *std::move(parsed);
  dataset = header.dataset();
  absl::StatusOr<v1::Dataset> existing = store.Get(target.id, /*with_flows=*/true, alive);
  if (!existing.ok()) return existing.status();
  for (const v1::TradeFlow& f : existing->flows()) target.seen.Remember(f);
  target.flows = existing->flows_size();
  return target;
}

absl::Status Unparsable(const std::string& field) {
  return InvalidField(field, "does not parse as an UploadFlowsRequest (are its strings UTF-8?)");
}

}  // namespace

absl::Status TooManyFlows(int64_t count, int64_t limit) {
  return absl::ResourceExhaustedError(absl::StrCat(
      "a dataset holds at most ", limit, " flows on this server; this one would hold ", count));
}

absl::StatusOr<v1::Dataset> UploadFlowStream(
    DatasetStore& store, int64_t max_flows_per_dataset,
    absl::FunctionRef<StreamRead(v1::UploadFlowsRequest&)> next, const CallLiveness& alive,
    std::string& dataset) {
  v1::UploadFlowsRequest message;
  const StreamRead first = next(message);
  if (first == StreamRead::kUnparsable) return Unparsable("header");
  if (first == StreamRead::kEnd || !message.has_header()) {
    return InvalidField("header", "the first message of an upload must be its header");
  }
  const v1::UploadFlowsHeader header = message.header();
  absl::StatusOr<UploadTarget> target = ReadTarget(store, header, alive, dataset);
  if (!target.ok()) return target.status();

  FieldViolations violations;
  google::protobuf::RepeatedPtrField<v1::TradeFlow> flows;
  int64_t total = target->flows;
  for (int64_t chunk = 0;; ++chunk) {
    const StreamRead read = next(message);
    if (read == StreamRead::kEnd) break;
    if (read == StreamRead::kUnparsable) return Unparsable(absl::StrCat("chunk[", chunk, "]"));
    if (!message.has_chunk()) {
      violations.Add(absl::StrCat("chunk[", chunk, "]"), "only the first message is a header");
      continue;
    }
    ValidateFlows(message.chunk().flows(), absl::StrCat("chunk[", chunk, "]."), target->seen,
                  violations);
    total += message.chunk().flows_size();
    if (total > max_flows_per_dataset) return TooManyFlows(total, max_flows_per_dataset);
    for (v1::TradeFlow& f : *message.mutable_chunk()->mutable_flows()) flows.Add(std::move(f));
  }
  if (!alive.Check().ok()) return absl::CancelledError("the upload was cancelled by the caller");
  if (!violations.empty()) return violations.ToStatus();
  if (header.has_create()) {
    v1::Dataset created = header.create().dataset();
    for (v1::TradeFlow& f : flows) created.mutable_flows()->Add(std::move(f));
    return store.Create(target->id, created);
  }
  return store.AppendFlows(target->id, header.etag(), flows);
}

}  // namespace culturetrade
