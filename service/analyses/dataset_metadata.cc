#include "service/analyses/dataset_metadata.h"

#include <memory>
#include <utility>

#include "service/model/aggregation_convert.h"
#include "service/model/dataset_resource.h"
#include "service/model/proto_convert.h"

namespace culturetrade {
namespace {

// The dataset's groups, concordances and indexes in core's terms; validated when the dataset
// was created, so a failure here means the stored metadata is corrupt.
absl::Status DecodeAggregation(const v1::Dataset& resource, DatasetMetadata& out) {
  for (const v1::CountryGroup& g : resource.country_groups()) {
    out.groups.push_back(GroupFromProto(g));
  }
  for (const v1::ProductConcordance& c : resource.product_concordances()) {
    absl::StatusOr<ProductConcordance> table = ConcordanceFromProto(c);
    if (!table.ok()) return table.status();
    out.concordances.push_back(*std::move(table));
  }
  for (const v1::PriceIndex& p : resource.price_indexes()) {
    absl::StatusOr<PriceIndex> index = PriceIndexFromProto(p);
    if (!index.ok()) return index.status();
    out.price_indexes.push_back(*std::move(index));
  }
  return absl::OkStatus();
}

std::unique_ptr<DerivedData> Decode(const DatasetRecord& record) {
  auto out = std::make_unique<DatasetMetadata>();
  absl::StatusOr<v1::Dataset> resource = ResourceOf(record);
  if (!resource.ok()) {
    out->status = resource.status();
    return out;
  }
  if (record.id.empty()) {
    resource->clear_name();
    resource->clear_etag();
  }
  absl::StatusOr<ExchangeRates> rates = RatesFromProto(resource->exchange_rates());
  if (!rates.ok()) {
    out->status = rates.status();
    return out;
  }
  out->rates = *std::move(rates);
  out->status = DecodeAggregation(*resource, *out);
  out->resource = *std::move(resource);
  return out;
}

}  // namespace

absl::StatusOr<const DatasetMetadata*> MetadataOf(const AnalyzableDataset& dataset) {
  const auto& metadata =
      static_cast<const DatasetMetadata&>(dataset.Derived([&] { return Decode(dataset.record); }));
  if (!metadata.status.ok()) return metadata.status;
  return &metadata;
}

}  // namespace culturetrade
