#include "import/csv_periods.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"

namespace culturetrade::import {
namespace {

// The API's years (trade_flow.proto): checked here so that a bad year names its line.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

constexpr absl::string_view kMonthNames[] = {"january",   "february", "march",    "april",
                                             "may",       "june",     "july",     "august",
                                             "september", "october",  "november", "december"};

// 1-12 for an English month name or its first three letters (and "Sept"); 0 when not one.
int MonthFromName(absl::string_view name) {
  std::string n = absl::AsciiStrToLower(absl::StripSuffix(name, "."));
  if (n == "sept") n = "sep";
  for (int m = 0; m < 12; ++m) {
    if (n == kMonthNames[m] || (n.size() == 3 && absl::StartsWith(kMonthNames[m], n))) {
      return m + 1;
    }
  }
  return 0;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

absl::Status BadPeriod(absl::string_view text) {
  return CsvError("'", text, "' is not a period such as 2001, 2001-01, 2001.01, 2001M01, ",
                  "2001Q1 or January 2001");
}

absl::Status SetYear(absl::string_view digits, absl::string_view text, v1::Period& p) {
  int year = 0;
  if (digits.size() != 4 || !AllDigits(digits) || !absl::SimpleAtoi(digits, &year)) {
    return BadPeriod(text);
  }
  if (year < kMinYear || year > kMaxYear) {
    return CsvError("year ", year, " is outside ", kMinYear, "-", kMaxYear);
  }
  p.set_year(year);
  return absl::OkStatus();
}

// `digits` (one or two) as the month of `p`.
absl::Status SetMonth(absl::string_view digits, absl::string_view text, v1::Period& p) {
  int month = 0;
  if (digits.size() > 2 || !AllDigits(digits) || !absl::SimpleAtoi(digits, &month)) {
    return BadPeriod(text);
  }
  if (month < 1 || month > 12) return CsvError("month ", month, " in '", text, "' is outside 1-12");
  p.set_month(month);
  return absl::OkStatus();
}

absl::Status SetDay(absl::string_view digits, absl::string_view text, bool allow_day,
                    v1::Period& p) {
  if (!allow_day) {
    return CsvError("'", text, "' is a day; a flow covers a year, a month or a quarter");
  }
  int day = 0;
  if (digits.size() > 2 || !AllDigits(digits) || !absl::SimpleAtoi(digits, &day)) {
    return BadPeriod(text);
  }
  if (day < 1 || day > DaysIn(p.year(), p.month())) {
    return CsvError("'", text, "' is not a day of the calendar");
  }
  p.set_day(day);
  return absl::OkStatus();
}

// `January 2001`, `Jan 2001`, `Jan-2001`, `Jan. 2001`.
absl::StatusOr<v1::Period> NamedMonthPeriod(absl::string_view text) {
  size_t end = 0;
  while (end < text.size() &&
         (absl::ascii_isalpha(static_cast<unsigned char>(text[end])) || text[end] == '.')) {
    ++end;
  }
  v1::Period p;
  const int month = MonthFromName(text.substr(0, end));
  if (month == 0) return BadPeriod(text);
  p.set_month(month);
  absl::string_view year = text.substr(end);
  while (!year.empty() && absl::StrContains(" -/,.", year.front())) year.remove_prefix(1);
  if (absl::Status s = SetYear(year, text, p); !s.ok()) return s;
  return p;
}

// The part after the year: `-01`, `/01`, `.01`, `M01`, `Q1`, `-Q1` or a day `-01-15`.
absl::Status PeriodAfterYear(absl::string_view rest, absl::string_view text, bool allow_day,
                             v1::Period& p) {
  if (AllDigits(rest)) {  // Comtrade's YYYYMM, or YYYYMMDD
    if (rest.size() == 2) return SetMonth(rest, text, p);
    if (rest.size() != 4) return BadPeriod(text);
    if (absl::Status s = SetMonth(rest.substr(0, 2), text, p); !s.ok()) return s;
    return SetDay(rest.substr(2), text, allow_day, p);
  }
  char sep = absl::ascii_toupper(static_cast<unsigned char>(rest[0]));
  rest.remove_prefix(1);
  if (sep == '-' && !rest.empty() &&
      absl::ascii_toupper(static_cast<unsigned char>(rest[0])) == 'Q') {
    sep = 'Q';
    rest.remove_prefix(1);
  }
  if (sep == 'Q') {
    if (rest.size() != 1 || !AllDigits(rest)) return BadPeriod(text);
    if (rest[0] < '1' || rest[0] > '4') {
      return CsvError("quarter ", rest, " in '", text, "' is outside 1-4");
    }
    p.set_quarter(rest[0] - '0');
    return absl::OkStatus();
  }
  if (sep == 'M') return SetMonth(rest, text, p);
  if (sep != '-' && sep != '/' && sep != '.') return BadPeriod(text);
  const std::vector<absl::string_view> parts = absl::StrSplit(rest, sep);
  if (parts.size() > 2) return BadPeriod(text);
  // To a spreadsheet 2001.10 is the number 2001.1: a one-digit month after a dot may be
  // October with its zero lost, so it is refused rather than read as January.
  if (sep == '.' && parts[0].size() != 2) {
    return CsvError("'", text, "' is ambiguous: January, or October (2001.10) with its zero ",
                    "lost; write the month with two digits");
  }
  if (absl::Status s = SetMonth(parts[0], text, p); !s.ok()) return s;
  return parts.size() == 2 ? SetDay(parts[1], text, allow_day, p) : absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Period> ParseCsvPeriod(absl::string_view text, bool allow_day) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return CsvError("the cell is empty where a period belongs");
  if (absl::ascii_isalpha(static_cast<unsigned char>(text[0]))) return NamedMonthPeriod(text);
  v1::Period p;
  if (absl::Status s = SetYear(text.substr(0, 4), text, p); !s.ok()) return s;
  if (text.size() == 4) return p;
  if (absl::Status s = PeriodAfterYear(text.substr(4), text, allow_day, p); !s.ok()) return s;
  return p;
}

// ---- Period columns ----

PeriodColumns ClaimPeriodColumns(CsvHeader& header, bool allow_day) {
  const std::string meaning = allow_day ? "date (year, month or day)" : "period";
  PeriodColumns c;
  c.period = header.Claim({"period", "date", "time_period", "time", "year"}, meaning);
  if (c.period < 0) {
    c.period = header.Claim({"month"}, meaning);
  } else {
    c.month = header.Claim({"month"}, "month of the period");
  }
  if (allow_day && c.period < 0) c.period = header.Claim({"day"}, meaning);
  if (!allow_day) c.quarter = header.Claim({"quarter"}, "quarter of the period");
  return c;
}

namespace {

absl::Status RefineMonth(const std::string& cell, v1::Period& p) {
  if (p.month() != 0 || p.quarter() != 0) return CsvError("the period already has a month");
  int month = MonthFromName(cell);
  if (month == 0 && !absl::SimpleAtoi(cell, &month)) {
    return CsvError("'", cell, "' is not a month (1-12 or a month's name)");
  }
  if (month < 1 || month > 12) return CsvError("month ", month, " is outside 1-12");
  p.set_month(month);
  return absl::OkStatus();
}

absl::Status RefineQuarter(const std::string& cell, v1::Period& p) {
  if (p.month() != 0 || p.quarter() != 0) return CsvError("the period already has a month");
  int quarter = 0;
  if (!absl::SimpleAtoi(absl::StripPrefix(absl::AsciiStrToUpper(cell), "Q"), &quarter)) {
    return CsvError("'", cell, "' is not a quarter (1-4)");
  }
  if (quarter < 1 || quarter > 4) return CsvError("quarter ", quarter, " is outside 1-4");
  p.set_quarter(quarter);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Period> ReadPeriod(const CsvRow& row, const PeriodColumns& columns,
                                      bool allow_day) {
  absl::StatusOr<v1::Period> p = ParseCsvPeriod(row.Cell(columns.period), allow_day);
  if (!p.ok()) return row.Bad(columns.period, p.status());
  if (const std::string month = row.Cell(columns.month); !month.empty()) {
    if (absl::Status s = RefineMonth(month, *p); !s.ok()) return row.Bad(columns.month, s);
  }
  if (const std::string quarter = row.Cell(columns.quarter); !quarter.empty()) {
    if (absl::Status s = RefineQuarter(quarter, *p); !s.ok()) return row.Bad(columns.quarter, s);
  }
  return p;
}

}  // namespace culturetrade::import
