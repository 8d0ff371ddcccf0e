#include "service/api/dataset_creation.h"

#include <cstdint>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "proto/flow_block_convert.h"
#include "service/model/dataset_resource.h"
#include "service/model/field_violations.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

// FNV-1a: stable across processes and builds, unlike absl::Hash, since the key outlives them.
uint64_t Digest(const std::string& bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string RequestKey(const std::string& request_id, const std::string& content) {
  return absl::StrFormat("%s#%016x", request_id, Digest(content));
}

}  // namespace

absl::StatusOr<Creation> BeginCreate(DatasetStore& store, const v1::CreateDatasetRequest& request,
                                     const std::string& content) {
  const std::string& id = request.dataset_id();
  const std::string key =
      request.request_id().empty() ? "" : RequestKey(request.request_id(), content);
  if (!key.empty()) {
    absl::StatusOr<DatasetRecord> existing = store.Get(id);
    if (existing.ok() && existing->request_id == key) return Creation{nullptr, *existing};
    if (existing.ok() && absl::StartsWith(existing->request_id, request.request_id() + "#")) {
      return InvalidField("request_id",
                          absl::StrCat("'", request.request_id(), "' already created ",
                                       DatasetName(id), " from other content; use a new id"));
    }
  }
  absl::StatusOr<std::unique_ptr<DatasetWriter>> writer =
      store.Create(NewDataset{id, StoredMetadata(request.dataset()), key});
  if (!writer.ok()) return writer.status();
  return Creation{*std::move(writer), std::nullopt};
}

absl::StatusOr<DatasetRecord> WriteAndCommit(
    DatasetWriter& writer, const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows) {
  absl::Status s = ForEachBlock(flows, kFlowsPerBlock,
                                [&](const FlowBlock& block) { return writer.Write(block); });
  if (!s.ok()) return s;
  return writer.Commit();
}

absl::StatusOr<DatasetRecord> CreateDataset(DatasetStore& store, const std::string& id,
                                            const v1::Dataset& dataset) {
  absl::StatusOr<std::unique_ptr<DatasetWriter>> writer =
      store.Create(NewDataset{id, StoredMetadata(dataset), ""});
  if (!writer.ok()) return writer.status();
  return WriteAndCommit(**writer, dataset.flows());
}

}  // namespace culturetrade
