// Reads a product concordance from a CSV file, one row a mapping from a product code to a group
// code with an optional weight (the share of the product's value the group gets):
//
//   product_code,group_code,weight
//   852580,852580,0.25
//   852580,852589,0.75
//
// The columns are found by the names in the options, so that a published table's own
// columns can be read as they are (the UN correlation tables' `HS22` and `HS07`, say). A blank
// or absent weight is 1; a product's weights must sum to exactly 1. Errors name the line and
// the column at fault.
#ifndef CULTURETRADE_IMPORT_CONCORDANCE_CSV_H_
#define CULTURETRADE_IMPORT_CONCORDANCE_CSV_H_

#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

struct ConcordanceCsvOptions {
  std::string product_column = "product_code";
  std::string group_column = "group_code";
  // A weight column is optional: without one, every weight is 1.
  std::string weight_column = "weight";
  char delimiter = 0;  // 0: detect from the header
};

struct ConcordanceCsv {
  std::vector<v1::ProductMapping> mappings;  // in file order
  CsvReport report;
};

absl::StatusOr<ConcordanceCsv> ReadConcordanceCsv(std::istream& in,
                                                  const ConcordanceCsvOptions& options);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CONCORDANCE_CSV_H_
