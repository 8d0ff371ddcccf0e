// What one CSV cell may hold besides a period (csv_periods.h): a number as tables print it,
// read as a plain decimal string and never guessed at; an ISO 4217 currency code; and the
// digit and capital-letter tests those rules are made of.
#ifndef CULTURETRADE_IMPORT_CSV_CELLS_H_
#define CULTURETRADE_IMPORT_CSV_CELLS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

// Whether `s` is one or more ASCII digits.
bool AllDigits(absl::string_view s);

// Whether every character of `s` is a capital A-Z (so the empty string is).
bool AllUpper(absl::string_view s);

// A number as tables print it, as a plain decimal string: `1,187.5` -> `1187.5`. A comma is a
// thousands separator only between groups of three digits before any dot; anything else with
// a comma (`12,5`, `1.187,5`) is refused rather than guessed to be a decimal comma.
absl::StatusOr<std::string> ParseCsvNumber(absl::string_view text);

// A number as ParseCsvNumber reads it that must be greater than zero: `what` names it in the
// error ("the rate", "the index").
absl::StatusOr<std::string> ParsePositiveNumber(absl::string_view text, absl::string_view what);

// A year as a cell writes it: four digits, such as 2004.
absl::StatusOr<int> ParseYear(absl::string_view text);

// An ISO 4217 code such as USD, upper-cased.
absl::StatusOr<std::string> ParseCurrencyCode(absl::string_view text);

// The currency code in the row's `column`, or `flag` for column -1; a bad one is the error of
// the column.
absl::StatusOr<std::string> ReadCurrency(const CsvRow& row, int column, const std::string& flag);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CSV_CELLS_H_
