// Conversions of economy groups, product concordances, price indexes and aggregation reports
// between the v1 wire messages and core.
#ifndef CULTURETRADE_SERVICE_MODEL_AGGREGATION_CONVERT_H_
#define CULTURETRADE_SERVICE_MODEL_AGGREGATION_CONVERT_H_

#include "absl/status/statusor.h"
#include "core/economy_group.h"
#include "core/flow_aggregation.h"
#include "core/price_index.h"
#include "core/product_concordance.h"
#include "culturetrade/v1/aggregation.pb.h"

namespace culturetrade {

EconomyGroup GroupFromProto(const v1::CountryGroup& group);
// Fails on a weight that is not a decimal share and on a table whose weights do not add up
// (ProductConcordance::Make).
absl::StatusOr<ProductConcordance> ConcordanceFromProto(const v1::ProductConcordance& table);
// Fails on a value that is not a positive decimal and on a year given twice.
absl::StatusOr<PriceIndex> PriceIndexFromProto(const v1::PriceIndex& index);
// A mapping's weight: empty is 1.
absl::StatusOr<Decimal> WeightFromProto(const v1::ProductMapping& mapping);

// What `plan` did to `flows`, as the responses report it; the base value of constant prices as
// `price_indexes` (the dataset's, which the plan's index came from) store it.
absl::StatusOr<v1::AggregationReport> ReportToProto(
    const AggregatedFlows& flows, const AggregationPlan& plan,
    const google::protobuf::RepeatedPtrField<v1::PriceIndex>& price_indexes);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_AGGREGATION_CONVERT_H_
