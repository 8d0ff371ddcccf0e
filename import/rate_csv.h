// Reads exchange rates from CSV files, with the reading rules the flow importer shares
// (csv_reader.h, csv_cells.h, csv_periods.h): delimiter, quotes, BOM, CRLF, thousands
// separators and period formats.
//
// Two layouts, told apart by the header:
//   long   one rate a row: a rate column, base and quote columns (or --base and --quote for
//          every row) and a date or period column: a year, a month or a day.
//   daily  one row a day and one column a currency, as central banks publish them. A column
//          named by a currency code is a quote currency priced in --base (ECB: EUR), or, with
//          --quote, a base currency priced in it; a column named like USD/CNY is that pair.
//          Blank cells (empty, n/a, -, ND, ..) are days without a rate, skipped.
// Each rate is a decimal string, units of the quote currency per unit of the base currency.
#ifndef CULTURETRADE_IMPORT_RATE_CSV_H_
#define CULTURETRADE_IMPORT_RATE_CSV_H_

#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/dataset.pb.h"
#include "import/csv_periods.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

struct RateCsvOptions {
  std::string base;    // the priced currency of every row or column that names none
  std::string quote;   // the pricing currency of every row or column that names none
  char delimiter = 0;  // 0: detect `,` `;` or tab from the header line
  bool skip_bad = false;
  // Of numeric dates such as 02/01/2001; unknown: told by the file's dates, else an error.
  DateOrder date_order = DateOrder::kUnknown;
};

struct RateCsv {
  std::vector<v1::ExchangeRate> rates;
  CsvReport report;
};

absl::StatusOr<RateCsv> ReadRatesCsv(std::istream& in, const RateCsvOptions& options);

// Whether a cell of a daily table says "no rate that day": empty, n/a, NA, -, ND, .., #N/A.
bool IsBlankRate(absl::string_view cell);

// Appends `added` to `rates`, leaving out those `rates` already holds. A rate for a pair and
// period that `rates` holds with another value is an error naming both, since the analyses
// would refuse the dataset for it later.
absl::Status AddRates(const std::vector<v1::ExchangeRate>& added,
                      google::protobuf::RepeatedPtrField<v1::ExchangeRate>& rates);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_RATE_CSV_H_
