// The product concordances culturetrade ships, so that a request can name one (for example
// `hs2022-to-hs2007`) without a file: the UN Statistics Division's conversion tables from newer
// HS editions to HS 2007, converted once from UNSD's workbooks into the CSV files of
// import/data/hs_concordances (its README cites the source and says how) and compiled in.
//
// A conversion table gives each code of the newer edition exactly one code of the older one,
// weight 1. Where the scope of a newer code is split over several older codes, UNSD's choice of
// one of them is an approximation; the README says how many codes that concerns.
#ifndef CULTURETRADE_IMPORT_BUILTIN_CONCORDANCES_H_
#define CULTURETRADE_IMPORT_BUILTIN_CONCORDANCES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::import {

// What a built-in concordance is, without its mappings: enough to list and cite it.
struct BuiltinConcordanceInfo {
  std::string id;
  std::string display_name;
  culturetrade::v1::Citation source;
};

// Every built-in concordance, in a fixed order.
std::vector<BuiltinConcordanceInfo> BuiltinConcordances();

// The built-in concordance `id` with all its mappings, in the source's order; an unknown id is
// a NotFound error naming it and the ids there are.
absl::StatusOr<culturetrade::v1::ProductConcordance> BuiltinConcordance(absl::string_view id);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_BUILTIN_CONCORDANCES_H_
