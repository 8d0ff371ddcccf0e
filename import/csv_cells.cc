#include "import/csv_cells.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "core/decimal.h"
#include "import/csv_error.h"

namespace culturetrade::import {

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

bool AllUpper(absl::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ---- Numbers ----

namespace {

// Whether the commas of `whole` (the digits before any dot) separate groups of three digits.
bool ThousandsGrouped(absl::string_view whole) {
  const std::vector<absl::string_view> groups = absl::StrSplit(whole, ',');
  for (size_t i = 0; i < groups.size(); ++i) {
    const bool size_ok =
        i == 0 ? !groups[i].empty() && groups[i].size() <= 3 : groups[i].size() == 3;
    if (!size_ok || !AllDigits(groups[i])) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<std::string> ParseCsvNumber(absl::string_view text) {
  absl::string_view s = absl::StripAsciiWhitespace(text);
  if (s.empty()) return CsvError("the cell is empty where a number belongs");
  const absl::string_view original = s;
  std::string sign;
  if (s[0] == '-' || s[0] == '+') {
    if (s[0] == '-') sign = "-";
    s.remove_prefix(1);
  }
  if (!std::all_of(s.begin(), s.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
      })) {
    return CsvError("'", original, "' is not a number");
  }
  const size_t dot = s.find('.');
  if (dot != absl::string_view::npos && s.find('.', dot + 1) != absl::string_view::npos) {
    return CsvError("'", original, "' has more than one dot: dots are not read as thousands ",
                    "separators; write 1187500 or 1,187,500");
  }
  const absl::string_view whole = s.substr(0, dot);
  const absl::string_view fraction = dot == absl::string_view::npos ? "" : s.substr(dot);
  // A decimal comma (12,5 or 1.187,5) cannot be told from a thousands separator in general,
  // so only the unambiguous grouping is read and anything else is refused, not guessed.
  if (absl::StrContains(fraction, ',') ||
      (absl::StrContains(whole, ',') && !ThousandsGrouped(whole))) {
    return CsvError("'", original, "' is not a number ctrade reads: a comma is only a ",
                    "thousands separator before groups of three digits (1,187.5), never a ",
                    "decimal comma; write 12.5 rather than 12,5");
  }
  std::string plain = absl::StrCat(sign, absl::StrReplaceAll(whole, {{",", ""}}), fraction);
  absl::StatusOr<Decimal> check = Decimal::Parse(plain);
  if (!check.ok()) return CsvError("'", original, "' is not a decimal number ctrade can hold");
  return plain;
}

absl::StatusOr<std::string> ParsePositiveNumber(absl::string_view text, absl::string_view what) {
  absl::StatusOr<std::string> number = ParseCsvNumber(text);
  if (!number.ok()) return number.status();
  if (!Decimal::Parse(*number)->is_positive()) {
    return CsvError(what, " '", text, "' is not positive");
  }
  return number;
}

absl::StatusOr<int> ParseYear(absl::string_view text) {
  const absl::string_view s = absl::StripAsciiWhitespace(text);
  int year = 0;
  if (s.size() != 4 || !AllDigits(s) || !absl::SimpleAtoi(s, &year)) {
    return CsvError("'", text, "' is not a year such as 2004");
  }
  return year;
}

// ---- Currencies ----

absl::StatusOr<std::string> ParseCurrencyCode(absl::string_view text) {
  const std::string code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  if (code.size() == 3 && AllUpper(code)) return code;
  if (code.empty()) return CsvError("no currency: give a currency column or --currency");
  return CsvError("'", text, "' is not an ISO 4217 currency code such as USD or CNY");
}

absl::StatusOr<std::string> ReadCurrency(const CsvRow& row, int column, const std::string& flag) {
  absl::StatusOr<std::string> code = ParseCurrencyCode(row.CellOr(column, flag));
  if (!code.ok()) return row.Bad(column, code.status());
  return code;
}

}  // namespace culturetrade::import
