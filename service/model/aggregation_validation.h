// Checks a dataset's economy groups, product concordances and price indexes when it is
// created, and the economy groups and aggregation of analysis requests.
#ifndef CULTURETRADE_SERVICE_MODEL_AGGREGATION_VALIDATION_H_
#define CULTURETRADE_SERVICE_MODEL_AGGREGATION_VALIDATION_H_

#include <string>

#include "absl/strings/string_view.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/field_violations.h"

namespace culturetrade {

// Whether `code` is spelled like an economy group: 3 to 12 upper-case letters, digits or `_`.
bool IsGroupCodeSyntax(absl::string_view code);

// Adds a violation of `field` unless `code` is an economy (CheckCountry), a built-in group
// (WLD, EUU) or spelled like a group a dataset may define; whether the dataset does is known
// only once it is loaded (ResolveAggregation).
void CheckEconomyOrGroup(absl::string_view code, const std::string& field,
                         FieldViolations& violations);

// Adds violations for an aggregation that cannot be meant: a base year without a price index,
// a price index without a base year, ids that no dataset can have.
void CheckAggregation(const v1::FlowAggregation& aggregation, FieldViolations& violations);

// Adds a violation for every bad field of the dataset's country groups, product concordances
// and price indexes, under `prefix` (for example `dataset.`).
void ValidateAggregationContent(const v1::Dataset& dataset, const std::string& prefix,
                                FieldViolations& violations);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_AGGREGATION_VALIDATION_H_
