// The study's dataset, shipped as a text-format Dataset and compiled into the server so that a
// fresh store can be seeded without any file beside the binary.
#ifndef CULTURETRADE_SERVICE_SERVER_SEED_H_
#define CULTURETRADE_SERVICE_SERVER_SEED_H_

#include "absl/status/statusor.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/storage/dataset_store.h"

namespace culturetrade {

inline constexpr char kStudyDatasetId[] = "china-korea-tv-dramas";

// The parsed study dataset.
absl::StatusOr<v1::Dataset> StudyDataset();

// Stores the study dataset in a fresh store (one that has never held a dataset, see
// DatasetStore::created_now), so a first start that died before seeding seeds on the next;
// a store that has held datasets is left as it is, so a dataset its users deleted stays
// deleted.
absl::Status SeedIfNew(DatasetStore& store);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_SEED_H_
