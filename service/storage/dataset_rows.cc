#include "service/storage/dataset_rows.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "culturetrade/v1/dataset_service.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/util/field_mask_util.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

void SetTimestamp(int64_t micros, google::protobuf::Timestamp* ts) {
  ts->set_seconds(micros / 1000000);
  ts->set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);
}

// The Dataset fields kept in `meta`, derived from the descriptor so a field added to the API
// is stored without anyone remembering to list it here.
const google::protobuf::FieldMask& MetadataFields() {
  static const google::protobuf::FieldMask* const mask = [] {
    auto* m = new google::protobuf::FieldMask;
    const google::protobuf::Descriptor* d = v1::Dataset::descriptor();
    for (int i = 0; i < d->field_count(); ++i) {
      const int number = d->field(i)->number();
      // Flows live in chunks; the rest are output only, derived from the row's columns.
      if (number == v1::Dataset::kFlowsFieldNumber || number == v1::Dataset::kNameFieldNumber ||
          number == v1::Dataset::kEtagFieldNumber ||
          number == v1::Dataset::kCreateTimeFieldNumber ||
          number == v1::Dataset::kUpdateTimeFieldNumber ||
          number == v1::Dataset::kFlowCountFieldNumber) {
        continue;
      }
      m->add_paths(d->field(i)->name());
    }
    return m;
  }();
  return *mask;
}

}  // namespace

int64_t NowMicros() { return absl::ToUnixMicros(absl::Now()); }

std::string StoredMetadata(const v1::Dataset& dataset) {
  // Merging the kept fields, rather than copying the dataset and clearing, never copies the
  // flows, which may be millions.
  v1::Dataset meta;
  google::protobuf::util::FieldMaskUtil::MergeMessageTo(
      dataset, MetadataFields(), google::protobuf::util::FieldMaskUtil::MergeOptions(), &meta);
  return meta.SerializeAsString();
}

absl::StatusOr<v1::Dataset> DatasetFromRow(const DatasetRow& row) {
  v1::Dataset d;
  if (!d.ParseFromString(row.meta)) {
    return absl::DataLossError(absl::StrCat("store: metadata of ", row.id, " is corrupt"));
  }
  d.set_name(DatasetName(row.id));
  d.set_etag(absl::StrCat(row.revision));
  SetTimestamp(row.create_time_us, d.mutable_create_time());
  SetTimestamp(row.update_time_us, d.mutable_update_time());
  d.set_flow_count(row.flow_count);
  return d;
}

absl::StatusOr<DatasetPage> PageFromRows(std::vector<DatasetRow> rows, int page_size) {
  DatasetPage page;
  if (page_size >= 0 && static_cast<int>(rows.size()) > page_size) {
    rows.resize(page_size);
    if (!rows.empty()) page.last_id = rows.back().id;
  }
  for (const DatasetRow& row : rows) {
    absl::StatusOr<v1::Dataset> d = DatasetFromRow(row);
    if (!d.ok()) return d.status();
    page.datasets.push_back(*std::move(d));
  }
  return page;
}

absl::Status ForEachChunk(const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows,
                          const std::function<absl::Status(const std::string& blob)>& write) {
  v1::FlowChunk chunk;
  std::string blob;
  for (int start = 0; start < flows.size(); start += kFlowsPerChunk) {
    chunk.Clear();
    const int end = std::min(flows.size(), start + kFlowsPerChunk);
    for (int i = start; i < end; ++i) *chunk.add_flows() = flows[i];
    blob.clear();
    chunk.SerializeToString(&blob);
    if (absl::Status s = write(blob); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status AddChunkFlows(absl::string_view blob, const std::string& id, v1::Dataset* dataset,
                           const CallLiveness& alive) {
  if (absl::Status s = alive.Check(); !s.ok()) return s;
  v1::FlowChunk chunk;
  if (!chunk.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
    return absl::DataLossError(absl::StrCat("store: a flow chunk of ", id, " is corrupt"));
  }
  for (v1::TradeFlow& f : *chunk.mutable_flows()) dataset->mutable_flows()->Add(std::move(f));
  return absl::OkStatus();
}

absl::Status DatasetNotFound(const std::string& id) {
  return absl::NotFoundError(absl::StrCat("dataset ", DatasetName(id), " does not exist"));
}

absl::Status DatasetAlreadyExists(const std::string& id) {
  return absl::AlreadyExistsError(absl::StrCat("dataset ", DatasetName(id), " already exists"));
}

absl::Status CheckEtag(const std::string& id, int64_t revision, const std::string& etag) {
  const std::string current = absl::StrCat(revision);
  if (etag.empty() || etag == current) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat("dataset ", DatasetName(id), " has changed: etag is ",
                                         current, ", not ", etag, "; read it again"));
}

absl::Status NewerSchema(int found, int known) {
  return absl::FailedPreconditionError(absl::StrCat("store: schema version ", found,
                                                    " is newer than this server's ", known,
                                                    "; run a newer culturetrade-server"));
}

}  // namespace culturetrade
