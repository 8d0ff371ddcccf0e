// Which economy groups, product concordance and price index an analysis request means, found
// in the built-in groups and the dataset's metadata.
#ifndef CULTURETRADE_SERVICE_ANALYSES_AGGREGATION_PLAN_H_
#define CULTURETRADE_SERVICE_ANALYSES_AGGREGATION_PLAN_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "core/flow_aggregation.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "service/analyses/dataset_metadata.h"

namespace culturetrade {

// The economy and product codes a request names, each with its field, for example
// {"reporter", "EUU"}.
struct RequestCodes {
  std::vector<std::pair<std::string, std::string>> economies;
  std::vector<std::pair<std::string, std::string>> products;
};

// Whether the request needs its flows grouped, mapped or deflated: it sets a concordance or a
// price index, or names an economy group (WLD, EUU or a code that is no economy's).
bool AggregationInPlay(const v1::FlowAggregation& aggregation, const RequestCodes& codes);

// The plan for `aggregation` and `codes` on a dataset with `metadata`, which it points into.
// INVALID_ARGUMENT naming the field when a group, concordance, product group or base year is
// not the dataset's.
absl::StatusOr<AggregationPlan> ResolveAggregation(const DatasetMetadata& metadata,
                                                   const v1::FlowAggregation& aggregation,
                                                   const RequestCodes& codes,
                                                   const std::string& target_currency);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_ANALYSES_AGGREGATION_PLAN_H_
