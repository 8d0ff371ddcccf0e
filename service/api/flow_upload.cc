#include "service/api/flow_upload.h"

#include <memory>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "proto/flow_block_convert.h"
#include "service/api/dataset_creation.h"
#include "service/model/block_validation.h"
#include "service/model/dataset_resource.h"
#include "service/model/field_violations.h"
#include "service/model/flow_keys.h"
#include "service/model/validation.h"
#include "service/storage/upload_writer.h"

namespace culturetrade {
namespace {

// The message in flight, parsed, and decoded into columns.
constexpr int64_t kMessageCopies = 3;

absl::Status Unparsable(const std::string& field) {
  return InvalidField(field, "does not parse as an UploadFlowsRequest (are its strings UTF-8?)");
}

class Upload {
 public:
  Upload(DatasetStore& store, const UploadSettings& settings, UploadBudget& budget,
         const CallLiveness& alive)
      : store_(store), settings_(settings), lease_(budget), alive_(alive) {}

  // Opens the write the header asks for.
  absl::Status Start(const v1::UploadFlowsHeader& header, std::string& dataset);
  // Validates and writes one message after the header.
  absl::Status Add(v1::UploadFlowsRequest& message, int64_t index);
  absl::StatusOr<v1::Dataset> Finish();

 private:
  absl::Status StartCreate(const v1::UploadFlowsHeader& header);
  absl::Status StartAppend(const v1::UploadFlowsHeader& header);
  // Leases what the upload holds now: a few messages, the writer's batch and the keys of every
  // flow seen.
  absl::Status Lease();
  // Counts `flows` more flows against the limits and leases the memory their keys take.
  absl::Status Count(size_t flows);
  // Writes `block`, unless the upload already failed validation (it then only goes on to find
  // every violation).
  absl::Status Write(const FlowBlock& block);
  absl::Status AddChunk(const v1::FlowChunk& chunk, const std::string& field);
  absl::Status AddBlock(const v1::FlowBlock& block, const std::string& field);

  DatasetStore& store_;
  const UploadSettings& settings_;
  UploadBudget::Lease lease_;
  const CallLiveness& alive_;
  std::unique_ptr<DatasetWriter> writer_;
  std::optional<DatasetRecord> earlier_;  // an earlier try of this create request made it
  FlowKeySet keys_;
  FieldViolations violations_;
  int64_t flows_ = 0;
};

absl::Status Upload::Start(const v1::UploadFlowsHeader& header, std::string& dataset) {
  if (absl::Status s = Lease(); !s.ok()) return s;
  if (header.has_create()) {
    dataset = DatasetName(header.create().dataset_id());
    return StartCreate(header);
  }
  if (header.target_case() != v1::UploadFlowsHeader::kDataset) {
    return InvalidField("header", "say which dataset to create or add to");
  }
  dataset = header.dataset();
  return StartAppend(header);
}

absl::Status Upload::StartCreate(const v1::UploadFlowsHeader& header) {
  const v1::CreateDatasetRequest& create = header.create();
  if (!IsValidDatasetId(create.dataset_id())) {
    violations_.Add("header.create.dataset_id", "not a dataset id");
  }
  CheckRequestId(create.request_id(), "header.create.request_id", violations_);
  ValidateDatasetContent(create.dataset(), "header.create.dataset.", violations_);
  if (!violations_.empty()) return violations_.ToStatus();
  absl::StatusOr<Creation> creation = BeginCreate(store_, create, header.SerializeAsString());
  if (!creation.ok()) return creation.status();
  writer_ = std::move(creation->writer);
  earlier_ = std::move(creation->earlier);
  if (absl::Status s = Count(create.dataset().flows_size()); !s.ok()) return s;
  for (const v1::TradeFlow& f : create.dataset().flows()) keys_.Remember(f);
  return ForEachBlock(create.dataset().flows(), kFlowsPerBlock,
                      [&](const FlowBlock& block) { return Write(block); });
}

absl::Status Upload::StartAppend(const v1::UploadFlowsHeader& header) {
  absl::StatusOr<std::string> id = DatasetIdFromName(header.dataset(), "header.dataset");
  if (!id.ok()) return id.status();
  absl::StatusOr<std::unique_ptr<DatasetWriter>> writer = store_.Append(*id, header.etag());
  if (!writer.ok()) return writer.status();
  writer_ = *std::move(writer);
  // The flows already stored take part in the duplicate check.
  FieldViolations none;
  absl::StatusOr<DatasetRecord> read = store_.ReadBlocks(
      *id, BlockFilter{},
      [&](const FlowBlock& block) {
        flows_ += static_cast<int64_t>(block.size());
        absl::Status s = Lease();
        if (s.ok()) keys_.CheckAndRemember(block, "", none);
        return s;
      },
      alive_);
  return read.status();
}

absl::Status Upload::Lease() {
  return lease_.GrowTo(kMessageCopies * settings_.max_message_bytes + kUploadBatchBytes +
                       FlowKeySet::BytesToHold(flows_));
}

absl::Status Upload::Count(size_t flows) {
  flows_ += static_cast<int64_t>(flows);
  if (flows_ > settings_.max_flows_per_dataset) {
    return TooManyFlows(flows_, settings_.max_flows_per_dataset);
  }
  return Lease();
}

absl::Status Upload::Write(const FlowBlock& block) {
  if (earlier_ || !violations_.empty()) return absl::OkStatus();
  return writer_->Write(block);
}

absl::Status Upload::AddChunk(const v1::FlowChunk& chunk, const std::string& field) {
  ValidateFlows(chunk.flows(), field + ".", keys_, violations_);
  if (!violations_.empty()) return absl::OkStatus();
  if (absl::Status s = Count(chunk.flows_size()); !s.ok()) return s;
  return ForEachBlock(chunk.flows(), kFlowsPerBlock,
                      [&](const FlowBlock& block) { return Write(block); });
}

absl::Status Upload::AddBlock(const v1::FlowBlock& wire, const std::string& field) {
  const int before = violations_.count();
  ValidateBlock(wire, field + ".", violations_);
  if (violations_.count() != before) return absl::OkStatus();
  absl::StatusOr<FlowBlock> block = BlockFromProto(wire);
  if (!block.ok()) return InvalidField(field, std::string(block.status().message()));
  if (absl::Status s = Count(block->size()); !s.ok()) return s;
  keys_.CheckAndRemember(*block, field + ".", violations_);
  if (block->empty()) return absl::OkStatus();
  return Write(*block);
}

absl::Status Upload::Add(v1::UploadFlowsRequest& message, int64_t index) {
  switch (message.payload_case()) {
    case v1::UploadFlowsRequest::kChunk:
      return AddChunk(message.chunk(), absl::StrCat("chunk[", index, "]"));
    case v1::UploadFlowsRequest::kBlock:
      return AddBlock(message.block(), absl::StrCat("block[", index, "]"));
    default:
      violations_.Add(absl::StrCat("chunk[", index, "]"), "only the first message is a header");
      return absl::OkStatus();
  }
}

absl::StatusOr<v1::Dataset> Upload::Finish() {
  if (!alive_.Check().ok()) return absl::CancelledError("the upload was cancelled by the caller");
  if (!violations_.empty()) return violations_.ToStatus();
  if (earlier_) return ResourceOf(*earlier_);
  absl::StatusOr<DatasetRecord> record = writer_->Commit();
  if (!record.ok()) return record.status();
  return ResourceOf(*record);
}

}  // namespace

absl::Status TooManyFlows(int64_t count, int64_t limit) {
  return absl::ResourceExhaustedError(absl::StrCat(
      "a dataset holds at most ", limit, " flows on this server; this one would hold ", count));
}

absl::StatusOr<v1::Dataset> UploadFlowStream(
    DatasetStore& store, const UploadSettings& settings, UploadBudget& budget,
    absl::FunctionRef<StreamRead(v1::UploadFlowsRequest&)> next, const CallLiveness& alive,
    std::string& dataset) {
  v1::UploadFlowsRequest message;
  const StreamRead first = next(message);
  if (first == StreamRead::kUnparsable) return Unparsable("header");
  if (first == StreamRead::kEnd || !message.has_header()) {
    return InvalidField("header", "the first message of an upload must be its header");
  }
  Upload upload(store, settings, budget, alive);
  if (absl::Status s = upload.Start(message.header(), dataset); !s.ok()) return s;
  for (int64_t index = 0;; ++index) {
    const StreamRead read = next(message);
    if (read == StreamRead::kEnd) break;
    if (read == StreamRead::kUnparsable) return Unparsable(absl::StrCat("chunk[", index, "]"));
    if (absl::Status s = upload.Add(message, index); !s.ok()) return s;
  }
  return upload.Finish();
}

}  // namespace culturetrade
