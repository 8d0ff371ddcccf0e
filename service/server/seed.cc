#include "service/server/seed.h"

#include "absl/status/status.h"
#include "google/protobuf/text_format.h"
#include "service/api/dataset_creation.h"

namespace culturetrade {

// Generated from seed/china_korea_tv_dramas.txtpb at build time.
extern const char kStudyDatasetText[];

absl::StatusOr<v1::Dataset> StudyDataset() {
  v1::Dataset dataset;
  if (!google::protobuf::TextFormat::ParseFromString(kStudyDatasetText, &dataset)) {
    return absl::InternalError("the built-in study dataset does not parse");
  }
  return dataset;
}

absl::Status SeedIfNew(DatasetStore& store) {
  if (!store.created_now()) return absl::OkStatus();
  absl::StatusOr<v1::Dataset> dataset = StudyDataset();
  if (!dataset.ok()) return dataset.status();
  absl::Status created = CreateDataset(store, kStudyDatasetId, *dataset).status();
  // Two servers starting on one fresh SQLite file may both seed it; the second finds it done.
  return absl::IsAlreadyExists(created) ? absl::OkStatus() : created;
}

}  // namespace culturetrade
