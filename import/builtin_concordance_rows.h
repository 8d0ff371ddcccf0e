// The rows of the built-in concordances, generated at build time from the CSV files of
// import/data/hs_concordances (cmake/BuiltinConcordances.cmake). Only builtin_concordances.cc
// and its test read them; everything else asks BuiltinConcordance for a ProductConcordance.
#ifndef CULTURETRADE_IMPORT_BUILTIN_CONCORDANCE_ROWS_H_
#define CULTURETRADE_IMPORT_BUILTIN_CONCORDANCE_ROWS_H_

#include "absl/types/span.h"

namespace culturetrade::import {

// One CSV row: a product code of the newer HS edition, the code of the older edition it is
// converted to, and the share of its value that goes there, as decimal text.
struct ConcordanceRow {
  const char* product_code;
  const char* group_code;
  const char* weight;
};

// import/data/hs_concordances/hs2022_to_hs2007.csv, in file order.
absl::Span<const ConcordanceRow> Hs2022ToHs2007Rows();
// import/data/hs_concordances/hs2017_to_hs2007.csv, in file order.
absl::Span<const ConcordanceRow> Hs2017ToHs2007Rows();

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_BUILTIN_CONCORDANCE_ROWS_H_
