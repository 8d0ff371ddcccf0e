#include "service/model/dataset_resource.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/util/field_mask_util.h"
#include "google/protobuf/util/time_util.h"
#include "service/model/validation.h"

namespace culturetrade {
namespace {

// The Dataset fields kept in the metadata, derived from the descriptor so that a field added
// to the API is stored without anyone remembering to list it here.
const google::protobuf::FieldMask& MetadataFields() {
  static const google::protobuf::FieldMask* const mask = [] {
    auto* m = new google::protobuf::FieldMask;
    const google::protobuf::Descriptor* d = v1::Dataset::descriptor();
    for (int i = 0; i < d->field_count(); ++i) {
      const int number = d->field(i)->number();
      // Flows live in blocks; the rest are output only, derived from the record.
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

google::protobuf::Timestamp TimestampOf(absl::Time t) {
  return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

}  // namespace

std::string StoredMetadata(const v1::Dataset& dataset) {
  // Merging the kept fields, rather than copying the dataset and clearing, never copies the
  // flows, which may be millions.
  v1::Dataset meta;
  google::protobuf::util::FieldMaskUtil::MergeMessageTo(
      dataset, MetadataFields(), google::protobuf::util::FieldMaskUtil::MergeOptions(), &meta);
  return meta.SerializeAsString();
}

absl::StatusOr<v1::Dataset> ResourceOf(const DatasetRecord& record) {
  v1::Dataset d;
  if (!d.ParseFromString(record.metadata)) {
    return absl::DataLossError(absl::StrCat("store: metadata of ", record.id, " is corrupt"));
  }
  d.set_name(DatasetName(record.id));
  d.set_etag(EtagOf(record.revision));
  *d.mutable_create_time() = TimestampOf(record.create_time);
  *d.mutable_update_time() = TimestampOf(record.update_time);
  d.set_flow_count(record.flow_count);
  return d;
}

}  // namespace culturetrade
