// The period a CSV cell, or a row's year, month and quarter columns together, gives: a year
// (1900-2100), a month, a quarter or, where allowed, a calendar day, in any of the formats
// statistical offices write; an ambiguous one (2001.1) is refused rather than guessed.
#ifndef CULTURETRADE_IMPORT_CSV_PERIODS_H_
#define CULTURETRADE_IMPORT_CSV_PERIODS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

// The order of day and month in numeric dates such as 02/01/2001: unknown until a file or
// --date-format says.
enum class DateOrder { kUnknown, kDayFirst, kMonthFirst };

// --date-format: DMY (day first) or MDY (month first).
absl::StatusOr<DateOrder> ParseDateOrder(absl::string_view name);

// The order of the numeric dates of a whole file (`text`): day first when one of them has a
// first part above 12 (31/01/2001), month first when one has a second part above 12; unknown
// when none tells, and an error when some tell one and some the other.
absl::StatusOr<DateOrder> DateOrderOf(absl::string_view text);

// A period: `2001`, `2001.01`, `2001/01`, `2001-01`, `2001M01`, `2001M1`, `200101`, `2001Q1`,
// `January 2001`, `Jan 2001` or `Jan-2001`; with `allow_day` also a day: `2001-01-15`,
// `15-Jan-2001` or a numeric `15/01/2001` read in `order` (unknown: an error unless a part is
// above 12).
absl::StatusOr<v1::Period> ParseCsvPeriod(absl::string_view text, bool allow_day,
                                          DateOrder order = DateOrder::kUnknown);

// The columns that make a period: one of period, date, year or month, refined by separate
// month and quarter columns where a file splits the period (year 2001, month 1).
struct PeriodColumns {
  int period = -1;
  int month = -1;
  int quarter = -1;
  DateOrder order = DateOrder::kUnknown;  // of numeric dates such as 02/01/2001
};
PeriodColumns ClaimPeriodColumns(CsvHeader& header, bool allow_day);
absl::StatusOr<v1::Period> ReadPeriod(const CsvRow& row, const PeriodColumns& columns,
                                      bool allow_day);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CSV_PERIODS_H_
