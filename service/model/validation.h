// Checks requests before any work is done, naming every field that is wrong.
#ifndef CULTURETRADE_SERVICE_MODEL_VALIDATION_H_
#define CULTURETRADE_SERVICE_MODEL_VALIDATION_H_

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/dataset.pb.h"
#include "service/model/field_violations.h"
#include "service/model/flow_keys.h"

namespace culturetrade {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

// A dataset id: 1 to 63 of [a-z0-9-], starting with a letter, not ending with a hyphen.
bool IsValidDatasetId(absl::string_view id);
// The id inside `datasets/{dataset}`, or INVALID_ARGUMENT naming `field`.
absl::StatusOr<std::string> DatasetIdFromName(absl::string_view name, absl::string_view field);
std::string DatasetName(absl::string_view id);

// Adds a violation of `field` unless `code` looks like an ISO 3166-1 alpha-3 code.
void CheckCountry(absl::string_view code, const std::string& field, FieldViolations& violations);

// Adds a violation unless `code` looks like an ISO 4217 code (or is empty when `optional`).
void CheckCurrency(absl::string_view code, const std::string& field, bool optional,
                   FieldViolations& violations);
// Adds a violation unless `year` is in the supported range (or 0 when `optional`).
// An AIP-155 request id: empty (none), or up to 64 letters, digits, hyphens and underscores.
void CheckRequestId(absl::string_view id, const std::string& field, FieldViolations& violations);
void CheckYear(int year, const std::string& field, bool optional, FieldViolations& violations);
// Adds a violation when the product code is empty.
void CheckProductCode(absl::string_view code, const std::string& field,
                      FieldViolations& violations);
// Adds a violation of `field`.classification unless it names one, and of `field`.code unless
// the code is 1 to 64 letters, digits, `_`, `-` or `.` (for HS, 2 to 6 digits).
void CheckProduct(const v1::Product& product, const std::string& field,
                  FieldViolations& violations);

// Adds a violation for every bad field of the flows, deals and rates, under `prefix`
// (for example `dataset`). Valid flows' keys go into `seen`, which may hold an earlier batch's;
// a flow already invalid is not also checked against them.
void ValidateFlows(const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows,
                   const std::string& prefix, FlowKeySet& seen, FieldViolations& violations);
void ValidateDatasetContent(const v1::Dataset& dataset, const std::string& prefix,
                            FieldViolations& violations);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_VALIDATION_H_
