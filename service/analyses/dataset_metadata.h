// A dataset's metadata as the analyses read it: the Dataset resource without its flows and
// its exchange rates, decoded once per revision and kept with the cached flows.
#ifndef CULTURETRADE_SERVICE_ANALYSES_DATASET_METADATA_H_
#define CULTURETRADE_SERVICE_ANALYSES_DATASET_METADATA_H_

#include "absl/status/statusor.h"
#include "core/exchange_rates.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/storage/analyzable_dataset.h"

namespace culturetrade {

struct DatasetMetadata : DerivedData {
  absl::Status status;   // why the metadata is unusable: corrupt, or a rate that is not one
  v1::Dataset resource;  // name, etag and times set for a stored dataset; no flows
  ExchangeRates rates;
};

// The metadata of `dataset`, decoded on first use. A dataset without an id was sent inline:
// it has no name or etag.
absl::StatusOr<const DatasetMetadata*> MetadataOf(const AnalyzableDataset& dataset);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_DATASET_METADATA_H_
