#include "service/analyses/dataset_metadata.h"

#include <memory>
#include <utility>

#include "service/model/dataset_resource.h"
#include "service/model/proto_convert.h"

namespace culturetrade {
namespace {

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
