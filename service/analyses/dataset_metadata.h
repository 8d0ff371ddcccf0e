// A dataset's metadata as the analyses read it: the Dataset resource without its flows, its
// exchange rates, economy groups, product concordances and price indexes, decoded once per
// revision and kept with the cached flows.
#ifndef CULTURETRADE_SERVICE_ANALYSES_DATASET_METADATA_H_
#define CULTURETRADE_SERVICE_ANALYSES_DATASET_METADATA_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/economy_group.h"
#include "core/exchange_rates.h"
#include "core/price_index.h"
#include "core/product_concordance.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/storage/analyzable_dataset.h"

namespace culturetrade {

struct DatasetMetadata : DerivedData {
  absl::Status status;   // why the metadata is unusable: corrupt, or a rate that is not one
  v1::Dataset resource;  // name, etag and times set for a stored dataset; no flows
  ExchangeRates rates;
  std::vector<EconomyGroup> groups;  // the dataset's own, besides the built-in ones
  std::vector<ProductConcordance> concordances;
  std::vector<PriceIndex> price_indexes;
};

// The metadata of `dataset`, decoded on first use. A dataset without an id was sent inline:
// it has no name or etag.
absl::StatusOr<const DatasetMetadata*> MetadataOf(const AnalyzableDataset& dataset);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_DATASET_METADATA_H_
