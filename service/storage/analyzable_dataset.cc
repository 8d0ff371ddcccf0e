#include "service/storage/analyzable_dataset.h"

#include "service/model/proto_convert.h"

namespace culturetrade {

absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> MakeAnalyzable(v1::Dataset dataset,
                                                                        const CallLiveness& alive) {
  auto out = std::make_shared<AnalyzableDataset>();
  absl::StatusOr<FlowTable> flows = FlowTableFromProto(dataset.flows(), alive);
  if (!flows.ok()) return flows.status();
  absl::StatusOr<ExchangeRates> rates = RatesFromProto(dataset.exchange_rates());
  if (!rates.ok()) return rates.status();
  out->flows = *std::move(flows);
  out->rates = *std::move(rates);
  dataset.clear_flows();
  out->meta = std::move(dataset);
  return std::shared_ptr<const AnalyzableDataset>(std::move(out));
}

}  // namespace culturetrade
