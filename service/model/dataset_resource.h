// The Dataset resource of the API and what a store keeps of it: the store holds a dataset's
// metadata as opaque bytes beside its flows, and this is where they are made and read.
#ifndef CULTURETRADE_SERVICE_MODEL_DATASET_RESOURCE_H_
#define CULTURETRADE_SERVICE_MODEL_DATASET_RESOURCE_H_

#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/dataset_record.h"

namespace culturetrade {

// The metadata bytes of `dataset`: every field but the flows and the output-only ones.
std::string StoredMetadata(const v1::Dataset& dataset);

// The basic view of a stored dataset: its metadata with name, etag, times and flow count set.
// DATA_LOSS when the metadata does not parse.
absl::StatusOr<v1::Dataset> ResourceOf(const DatasetRecord& record);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_DATASET_RESOURCE_H_
