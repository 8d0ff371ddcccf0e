#include "import/csv_periods.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
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

absl::Status DayRefused(absl::string_view text) {
  return CsvError("'", text, "' is a day; a flow covers a year, a month or a quarter");
}

absl::Status SetDay(absl::string_view digits, absl::string_view text, bool allow_day,
                    v1::Period& p) {
  if (!allow_day) return DayRefused(text);
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

// The two numbers of a numeric date before its year, as written.
struct DatePrefix {
  int first = 0;
  int second = 0;
};

// `15/01/2001`, `01-15-2001` or `15.01.2001`: the two parts before a four-digit year.
std::optional<DatePrefix> NumericDatePrefix(absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, absl::ByAnyChar("-/."));
  DatePrefix d;
  if (parts.size() != 3 || parts[2].size() != 4 || !AllDigits(parts[2])) return std::nullopt;
  for (auto [part, value] : {std::pair{parts[0], &d.first}, std::pair{parts[1], &d.second}}) {
    if (part.empty() || part.size() > 2 || !absl::SimpleAtoi(part, value)) return std::nullopt;
  }
  return d;
}

// Whether the month of a numeric date comes first, by `order` or else by a part above 12.
absl::StatusOr<bool> MonthFirst(const DatePrefix& d, absl::string_view text, DateOrder order) {
  if (order != DateOrder::kUnknown) return order == DateOrder::kMonthFirst;
  if (d.first > 12 || d.first == d.second) return false;
  if (d.second > 12) return true;
  return CsvError("'", text, "' is ambiguous: the ", d.first, "th of month ", d.second, ", or the ",
                  d.second, "th of month ", d.first, ", and no date of the file ",
                  "tells; give --date-format DMY (day first) or MDY (month first)");
}

// A day written before its year: `15-Jan-2001` (the IMF's), `15 January 2001`, or numeric
// `15/01/2001` with the day or the month first as `order` or the date itself says.
absl::StatusOr<v1::Period> DayBeforeYear(absl::string_view text, bool allow_day, DateOrder order) {
  const std::vector<absl::string_view> parts =
      absl::StrSplit(text, absl::ByAnyChar("-/. "), absl::SkipEmpty());
  if (parts.size() != 3) return BadPeriod(text);
  v1::Period p;
  if (absl::Status s = SetYear(parts[2], text, p); !s.ok()) return s;
  absl::string_view day = parts[0];
  if (const int named = MonthFromName(parts[1]); named != 0) {
    p.set_month(named);
  } else {
    absl::string_view month = parts[1];
    const std::optional<DatePrefix> prefix = NumericDatePrefix(text);
    if (!prefix.has_value()) return BadPeriod(text);
    if (!allow_day) return DayRefused(text);
    absl::StatusOr<bool> month_first = MonthFirst(*prefix, text, order);
    if (!month_first.ok()) return month_first.status();
    if (*month_first) std::swap(day, month);
    if (absl::Status s = SetMonth(month, text, p); !s.ok()) return s;
  }
  if (absl::Status s = SetDay(day, text, allow_day, p); !s.ok()) return s;
  return p;
}

// Whether `text` starts with a one- or two-digit day rather than a four-digit year.
bool StartsWithDay(absl::string_view text) {
  const size_t digits = text.find_first_not_of("0123456789");
  return digits == 1 || digits == 2;
}

}  // namespace

absl::StatusOr<DateOrder> ParseDateOrder(absl::string_view name) {
  const std::string n = absl::AsciiStrToLower(name);
  if (n == "dmy") return DateOrder::kDayFirst;
  if (n == "mdy") return DateOrder::kMonthFirst;
  return absl::InvalidArgumentError(absl::StrCat(
      "--date-format is DMY (day first, 31/01/2001) or MDY (month first, 01/31/2001), not '", name,
      "'"));
}

absl::StatusOr<DateOrder> DateOrderOf(absl::string_view text) {
  std::string day_first, month_first;  // the first date of the file that tells each order
  for (absl::string_view cell : absl::StrSplit(text, absl::ByAnyChar(",;\t\r\n\""))) {
    cell = absl::StripAsciiWhitespace(cell);
    const std::optional<DatePrefix> d = NumericDatePrefix(cell);
    if (!d.has_value()) continue;
    if (d->first > 12 && day_first.empty()) day_first = std::string(cell);
    if (d->second > 12 && month_first.empty()) month_first = std::string(cell);
  }
  if (!day_first.empty() && !month_first.empty()) {
    return CsvError("the file writes dates day first ('", day_first, "') and month first ('",
                    month_first, "'); write them one way");
  }
  if (!day_first.empty()) return DateOrder::kDayFirst;
  return month_first.empty() ? DateOrder::kUnknown : DateOrder::kMonthFirst;
}

absl::StatusOr<v1::Period> ParseCsvPeriod(absl::string_view text, bool allow_day, DateOrder order) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return CsvError("the cell is empty where a period belongs");
  if (absl::ascii_isalpha(static_cast<unsigned char>(text[0]))) return NamedMonthPeriod(text);
  if (StartsWithDay(text)) return DayBeforeYear(text, allow_day, order);
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
  absl::StatusOr<v1::Period> p = ParseCsvPeriod(row.Cell(columns.period), allow_day, columns.order);
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
