// Reads a price index (a consumer price index, a deflator) from a CSV file in one of two
// layouts, told apart by the header:
//   long   one year a row: `year,value`.
//   WDI    the World Bank's World Development Indicators download: `Country Name,Country
//          Code,Indicator Name,Indicator Code,1960,1961,...`, one row an economy; the row of
//          the chosen country code is read, its blank years skipped. The lines the download has
//          before its header (`Data Source`, `Last Updated Date`) are skipped.
// Each value is a positive decimal string; a year given twice is an error. Errors name the line
// and the column at fault.
#ifndef CULTURETRADE_IMPORT_PRICE_INDEX_CSV_H_
#define CULTURETRADE_IMPORT_PRICE_INDEX_CSV_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/aggregation.pb.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

struct PriceIndexCsvOptions {
  // The WDI layout's row: an ISO alpha-3 code such as KOR. Unused by the long layout.
  std::string country;
  char delimiter = 0;  // 0: detect from the header
};

struct PriceIndexCsv {
  // The values in file order; the WDI layout also names the index (`Korea, Rep.: Consumer
  // price index (2010 = 100)`). The id, currency and source are the caller's to set.
  v1::PriceIndex index;
  CsvReport report;
};

absl::StatusOr<PriceIndexCsv> ReadPriceIndexCsv(std::istream& in,
                                                const PriceIndexCsvOptions& options);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_PRICE_INDEX_CSV_H_
