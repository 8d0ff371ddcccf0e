#include "client/ctrade/flow_csv.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "client/money_format.h"
#include "core/decimal.h"

namespace culturetrade::ctrade {
namespace {

// The API's years (trade_flow.proto): checked here so that a bad year names its line.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

template <typename... Parts>
absl::Status Invalid(const Parts&... parts) {
  return absl::InvalidArgumentError(absl::StrCat(parts...));
}

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

bool AllUpper(absl::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void StripCarriageReturn(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

}  // namespace

// ---- Records ----

std::vector<std::string> SplitCsvLine(const std::string& line, char delimiter) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

char DetectDelimiter(const std::string& header) {
  int tabs = 0, semicolons = 0, commas = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    tabs += c == '\t';
    semicolons += c == ';';
    commas += c == ',';
  }
  if (tabs > 0 && tabs >= semicolons && tabs >= commas) return '\t';
  if (semicolons > 0 && semicolons >= commas) return ';';
  return ',';
}

bool CsvRecords::Next(std::vector<std::string>& cells) {
  std::string line;
  while (std::getline(in_, line)) {
    ++lines_read_;
    if (lines_read_ == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
    StripCarriageReturn(line);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    line_ = lines_read_;
    // An odd number of quotes leaves a quoted field open: it goes on on the next line.
    std::string more;
    while (std::count(line.begin(), line.end(), '"') % 2 == 1 && std::getline(in_, more)) {
      ++lines_read_;
      StripCarriageReturn(more);
      absl::StrAppend(&line, "\n", more);
    }
    if (delimiter_ == 0) delimiter_ = DetectDelimiter(line);
    cells = SplitCsvLine(line, delimiter_);
    return true;
  }
  return false;
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
  if (s.empty()) return Invalid("the cell is empty where a number belongs");
  const absl::string_view original = s;
  std::string sign;
  if (s[0] == '-' || s[0] == '+') {
    if (s[0] == '-') sign = "-";
    s.remove_prefix(1);
  }
  if (!std::all_of(s.begin(), s.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
      })) {
    return Invalid("'", original, "' is not a number");
  }
  const size_t dot = s.find('.');
  if (dot != absl::string_view::npos && s.find('.', dot + 1) != absl::string_view::npos) {
    return Invalid("'", original, "' has more than one dot: dots are not read as thousands ",
                   "separators; write 1187500 or 1,187,500");
  }
  const absl::string_view whole = s.substr(0, dot);
  const absl::string_view fraction = dot == absl::string_view::npos ? "" : s.substr(dot);
  // A decimal comma (12,5 or 1.187,5) cannot be told from a thousands separator in general,
  // so only the unambiguous grouping is read and anything else is refused, not guessed.
  if (absl::StrContains(fraction, ',') ||
      (absl::StrContains(whole, ',') && !ThousandsGrouped(whole))) {
    return Invalid("'", original, "' is not a number ctrade reads: a comma is only a ",
                   "thousands separator before groups of three digits (1,187.5), never a ",
                   "decimal comma; write 12.5 rather than 12,5");
  }
  std::string plain = absl::StrCat(sign, absl::StrReplaceAll(whole, {{",", ""}}), fraction);
  absl::StatusOr<Decimal> check = Decimal::Parse(plain);
  if (!check.ok()) return Invalid("'", original, "' is not a decimal number ctrade can hold");
  return plain;
}

// ---- Periods ----

namespace {

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
  return Invalid("'", text, "' is not a period such as 2001, 2001-01, 2001.01, 2001M01, ",
                 "2001Q1 or January 2001");
}

absl::Status SetYear(absl::string_view digits, absl::string_view text, v1::Period& p) {
  int year = 0;
  if (digits.size() != 4 || !AllDigits(digits) || !absl::SimpleAtoi(digits, &year)) {
    return BadPeriod(text);
  }
  if (year < kMinYear || year > kMaxYear) {
    return Invalid("year ", year, " is outside ", kMinYear, "-", kMaxYear);
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
  if (month < 1 || month > 12) return Invalid("month ", month, " in '", text, "' is outside 1-12");
  p.set_month(month);
  return absl::OkStatus();
}

absl::Status SetDay(absl::string_view digits, absl::string_view text, bool allow_day,
                    v1::Period& p) {
  if (!allow_day) {
    return Invalid("'", text, "' is a day; a flow covers a year, a month or a quarter");
  }
  int day = 0;
  if (digits.size() > 2 || !AllDigits(digits) || !absl::SimpleAtoi(digits, &day)) {
    return BadPeriod(text);
  }
  if (day < 1 || day > DaysIn(p.year(), p.month())) {
    return Invalid("'", text, "' is not a day of the calendar");
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
      return Invalid("quarter ", rest, " in '", text, "' is outside 1-4");
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
    return Invalid("'", text, "' is ambiguous: January, or October (2001.10) with its zero ",
                   "lost; write the month with two digits");
  }
  if (absl::Status s = SetMonth(parts[0], text, p); !s.ok()) return s;
  return parts.size() == 2 ? SetDay(parts[1], text, allow_day, p) : absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Period> ParseCsvPeriod(absl::string_view text, bool allow_day) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return Invalid("the cell is empty where a period belongs");
  if (absl::ascii_isalpha(static_cast<unsigned char>(text[0]))) return NamedMonthPeriod(text);
  v1::Period p;
  if (absl::Status s = SetYear(text.substr(0, 4), text, p); !s.ok()) return s;
  if (text.size() == 4) return p;
  if (absl::Status s = PeriodAfterYear(text.substr(4), text, allow_day, p); !s.ok()) return s;
  return p;
}

absl::StatusOr<std::string> ParseCurrencyCode(absl::string_view text) {
  const std::string code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  if (code.size() == 3 && AllUpper(code)) return code;
  if (code.empty()) return Invalid("no currency: give a currency column or --currency");
  return Invalid("'", text, "' is not an ISO 4217 currency code such as USD or CNY");
}

absl::StatusOr<int> ScaleExponent(const std::string& name) {
  if (name == "units" || name.empty()) return 0;
  if (name == "thousands") return 3;
  if (name == "millions") return 6;
  if (name == "billions") return 9;
  return Invalid("the scale is units, thousands, millions or billions, not '", name, "'");
}

// ---- Countries ----

namespace {

struct NumericCountry {
  int code;
  const char* alpha3;
};

// ISO 3166-1 numeric (UN M49) codes of the largest traders and their neighbours, and the codes
// BACI uses for economies it merges with a territory (251 France with Monaco, 842 United
// States with Puerto Rico, 699 India, 757 Switzerland with Liechtenstein, 579 Norway with
// Svalbard). 490, "Other Asia, nes", is left out: it has no alpha-3 code of its own.
constexpr NumericCountry kNumericCountries[] = {
    {0, "WLD"},   {12, "DZA"},  {24, "AGO"},  {31, "AZE"},  {32, "ARG"},  {36, "AUS"},
    {40, "AUT"},  {48, "BHR"},  {50, "BGD"},  {56, "BEL"},  {68, "BOL"},  {76, "BRA"},
    {96, "BRN"},  {100, "BGR"}, {104, "MMR"}, {112, "BLR"}, {116, "KHM"}, {124, "CAN"},
    {144, "LKA"}, {152, "CHL"}, {156, "CHN"}, {158, "TWN"}, {170, "COL"}, {188, "CRI"},
    {191, "HRV"}, {196, "CYP"}, {203, "CZE"}, {208, "DNK"}, {214, "DOM"}, {218, "ECU"},
    {231, "ETH"}, {233, "EST"}, {246, "FIN"}, {250, "FRA"}, {251, "FRA"}, {276, "DEU"},
    {288, "GHA"}, {300, "GRC"}, {320, "GTM"}, {344, "HKG"}, {348, "HUN"}, {352, "ISL"},
    {356, "IND"}, {360, "IDN"}, {364, "IRN"}, {368, "IRQ"}, {372, "IRL"}, {376, "ISR"},
    {380, "ITA"}, {384, "CIV"}, {392, "JPN"}, {398, "KAZ"}, {400, "JOR"}, {404, "KEN"},
    {408, "PRK"}, {410, "KOR"}, {414, "KWT"}, {422, "LBN"}, {428, "LVA"}, {434, "LBY"},
    {440, "LTU"}, {442, "LUX"}, {446, "MAC"}, {458, "MYS"}, {470, "MLT"}, {484, "MEX"},
    {496, "MNG"}, {504, "MAR"}, {512, "OMN"}, {528, "NLD"}, {554, "NZL"}, {566, "NGA"},
    {578, "NOR"}, {579, "NOR"}, {586, "PAK"}, {591, "PAN"}, {600, "PRY"}, {604, "PER"},
    {608, "PHL"}, {616, "POL"}, {620, "PRT"}, {634, "QAT"}, {642, "ROU"}, {643, "RUS"},
    {682, "SAU"}, {688, "SRB"}, {699, "IND"}, {702, "SGP"}, {703, "SVK"}, {704, "VNM"},
    {705, "SVN"}, {710, "ZAF"}, {724, "ESP"}, {752, "SWE"}, {756, "CHE"}, {757, "CHE"},
    {764, "THA"}, {784, "ARE"}, {788, "TUN"}, {792, "TUR"}, {804, "UKR"}, {818, "EGY"},
    {826, "GBR"}, {834, "TZA"}, {840, "USA"}, {842, "USA"}, {858, "URY"}, {860, "UZB"},
    {862, "VEN"}};

}  // namespace

absl::StatusOr<std::string> CountryFromNumeric(absl::string_view code) {
  code = absl::StripAsciiWhitespace(code);
  int number = -1;
  if (!AllDigits(code) || code.size() > 3 || !absl::SimpleAtoi(code, &number)) {
    return Invalid("'", code, "' is not an ISO numeric country code");
  }
  for (const NumericCountry& c : kNumericCountries) {
    if (c.code == number) return std::string(c.alpha3);
  }
  return Invalid("unknown country code ", number,
                 ": it is not in ctrade's table of ISO numeric codes");
}

// ---- Headers and rows ----

namespace {

// The name a column is matched by: lower case, and a trailing unit in brackets dropped
// (`Exports (thousand USD)` is `exports`), since the unit is documentation, not the name.
std::string HeaderKey(absl::string_view name) {
  std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  const size_t open = key.rfind('(');
  if (absl::EndsWith(key, ")") && open != std::string::npos && open > 0) {
    key = std::string(absl::StripTrailingAsciiWhitespace(key.substr(0, open)));
  }
  return key;
}

}  // namespace

CsvHeader::CsvHeader(std::vector<std::string> cells) {
  for (std::string& cell : cells) {
    keys_.push_back(HeaderKey(cell));
    names_.emplace_back(absl::StripAsciiWhitespace(cell));
  }
  meanings_.resize(names_.size());
}

int CsvHeader::Find(std::initializer_list<absl::string_view> names) const {
  for (absl::string_view name : names) {
    for (int i = 0; i < size(); ++i) {
      if (keys_[i] == name && meanings_[i].empty()) return i;
    }
  }
  return -1;
}

int CsvHeader::Claim(std::initializer_list<absl::string_view> names, const std::string& meaning) {
  const int column = Find(names);
  if (column >= 0) meanings_[column] = meaning;
  return column;
}

std::vector<ColumnMeaning> CsvHeader::Meanings() const {
  std::vector<ColumnMeaning> out;
  for (int i = 0; i < size(); ++i) {
    out.push_back({names_[i], meanings_[i].empty() ? "ignored" : meanings_[i]});
  }
  return out;
}

std::string CsvRow::Cell(int column) const {
  if (column < 0 || column >= static_cast<int>(cells_.size())) return "";
  return std::string(absl::StripAsciiWhitespace(cells_[column]));
}

absl::Status CsvRow::Bad(int column, const absl::Status& why) const {
  if (column < 0) return why;
  return Invalid("column '", header_.name(column), "': ", why.message());
}

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
  if (p.month() != 0 || p.quarter() != 0) return Invalid("the period already has a month");
  int month = MonthFromName(cell);
  if (month == 0 && !absl::SimpleAtoi(cell, &month)) {
    return Invalid("'", cell, "' is not a month (1-12 or a month's name)");
  }
  if (month < 1 || month > 12) return Invalid("month ", month, " is outside 1-12");
  p.set_month(month);
  return absl::OkStatus();
}

absl::Status RefineQuarter(const std::string& cell, v1::Period& p) {
  if (p.month() != 0 || p.quarter() != 0) return Invalid("the period already has a month");
  int quarter = 0;
  if (!absl::SimpleAtoi(absl::StripPrefix(absl::AsciiStrToUpper(cell), "Q"), &quarter)) {
    return Invalid("'", cell, "' is not a quarter (1-4)");
  }
  if (quarter < 1 || quarter > 4) return Invalid("quarter ", quarter, " is outside 1-4");
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

absl::Status ReadCsvRows(CsvRecords& records, const CsvHeader& header, bool skip_bad,
                         const std::function<absl::Status(const CsvRow&)>& read_row,
                         CsvReport& report) {
  std::vector<std::string> cells;
  while (records.Next(cells)) {
    const absl::Status s = read_row(CsvRow(header, cells));
    if (s.ok()) {
      ++report.rows;
      continue;
    }
    if (!skip_bad) return Invalid("line ", records.line(), ", ", s.message());
    ++report.skipped;
    if (!report.first_bad) report.first_bad = BadRow{records.line(), std::string(s.message())};
  }
  if (report.rows == 0 && report.first_bad) {
    return Invalid("no row could be read: ", report.skipped, " bad (first: line ",
                   report.first_bad->line, ", ", report.first_bad->why, ")");
  }
  return absl::OkStatus();
}

// ---- Trade flows: field values ----

namespace {

absl::StatusOr<v1::FlowDirection> ParseDirection(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(text);
  if (s == "export" || s == "x") return v1::FLOW_DIRECTION_EXPORT;
  if (s == "import" || s == "m") return v1::FLOW_DIRECTION_IMPORT;
  if (s == "re-export" || s == "rx") return v1::FLOW_DIRECTION_RE_EXPORT;
  if (s == "re-import" || s == "rm") return v1::FLOW_DIRECTION_RE_IMPORT;
  return Invalid("'", text, "' is not export, import, re-export or re-import (X, M, RX, RM)");
}

absl::StatusOr<v1::ValueStatus> ParseStatus(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(text);
  if (s.empty() || s == "reported") return v1::VALUE_STATUS_REPORTED;
  if (s == "derived") return v1::VALUE_STATUS_DERIVED;
  if (s == "estimated" || s == "illustrative") return v1::VALUE_STATUS_ESTIMATED;
  return Invalid("'", text, "' is not reported, derived or estimated");
}

// Comtrade's isReported: false marks a value Comtrade estimated.
absl::StatusOr<v1::ValueStatus> ParseIsReported(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(text);
  if (s.empty() || s == "true" || s == "1") return v1::VALUE_STATUS_REPORTED;
  if (s == "false" || s == "0") return v1::VALUE_STATUS_ESTIMATED;
  return Invalid("'", text, "' is not true or false");
}

absl::StatusOr<std::string> ParseCountry(const std::string& text) {
  const std::string code = absl::AsciiStrToUpper(text);
  if (code == "W00") return std::string("WLD");  // Comtrade's code for the world
  if (code.size() == 3 && AllUpper(code)) return code;
  return Invalid("'", text, "' is not an ISO 3166-1 alpha-3 code such as CHN, KOR or WLD");
}

// A traded value, zero or more, written in 10^scale units of `currency`.
absl::StatusOr<google::type::Money> ParseValue(const std::string& text, int scale,
                                               const std::string& currency) {
  absl::StatusOr<std::string> number = ParseCsvNumber(text);
  if (!number.ok()) return number.status();
  if (absl::StartsWith(*number, "-")) {
    return Invalid("'", text, "' is negative: a traded value is zero or more");
  }
  return ParseMoney(*number, scale, currency);
}

std::string ScaleName(int exponent) {
  switch (exponent) {
    case 3: return "thousands";
    case 6: return "millions";
    case 9: return "billions";
    default: return "units";
  }
}

absl::Status NeedColumn(int column, absl::string_view what) {
  if (column >= 0) return absl::OkStatus();
  return Invalid("the header has no ", what, " column");
}

// A column, or else the flag standing in for it, noted in the report.
absl::Status ColumnOrFlag(int column, absl::string_view name, const std::string& flag,
                          CsvReport& report) {
  if (column >= 0) return absl::OkStatus();
  if (flag.empty()) return Invalid("the header has no '", name, "' column and no --", name);
  report.notes.push_back(
      absl::StrCat(name, " ", absl::AsciiStrToUpper(flag), " for every row (--", name, ")"));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Classification> ParseClassification(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  const auto revision = [&s](char letter, char first, char last) {
    return s.size() == 2 && s[0] == letter && s[1] >= first && s[1] <= last;
  };
  if (s == "free") return v1::CLASSIFICATION_FREE;
  // Comtrade names the revision: H0-H6 for HS, S1-S4 for SITC, EB02 and EB10 for EBOPS.
  if (s == "hs" || revision('h', '0', '6')) return v1::CLASSIFICATION_HS;
  if (s == "sitc" || revision('s', '1', '4')) return v1::CLASSIFICATION_SITC;
  if (s == "ebops" || s == "ebops2010" || s == "ebops_2010" || s == "eb" || s == "eb02" ||
      s == "eb10") {
    return v1::CLASSIFICATION_EBOPS_2010;
  }
  return Invalid("'", text, "' is not free, hs (H0-H6), sitc (S1-S4) or ebops (EB02, EB10)");
}

absl::StatusOr<FlowLayout> ParseFlowLayout(const std::string& name) {
  if (name.empty() || name == "auto") return FlowLayout::kAuto;
  if (name == "long") return FlowLayout::kLong;
  if (name == "wide") return FlowLayout::kWide;
  if (name == "comtrade") return FlowLayout::kComtrade;
  if (name == "baci") return FlowLayout::kBaci;
  return Invalid("the layout is auto, long, wide, comtrade or baci, not '", name, "'");
}

// ---- Trade flows: layouts ----

namespace {

// Reads the flows of one record in one layout.
class FlowRowReader {
 public:
  virtual ~FlowRowReader() = default;
  // Appends the row's flows, or returns the error of the column at fault.
  virtual absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const = 0;
};

using RowReaderOr = absl::StatusOr<std::unique_ptr<FlowRowReader>>;

// The columns of the long and wide layouts that say who trades what, when, in which currency,
// with the flags standing in for the columns a file lacks.
class FlowContext {
 public:
  absl::Status Claim(CsvHeader& header, const FlowCsvDefaults& defaults, CsvReport& report);
  // Everything but the direction and the value.
  absl::Status Fill(const CsvRow& row, v1::TradeFlow& flow) const;
  // The value of `column`, in the row's currency and the file's scale.
  absl::Status FillValue(const CsvRow& row, int column, v1::TradeFlow& flow) const;

 private:
  std::string Text(const CsvRow& row, int column, const std::string& flag) const {
    return column >= 0 ? row.Cell(column) : flag;
  }
  absl::Status FillParties(const CsvRow& row, v1::TradeFlow& flow) const;

  FlowCsvDefaults defaults_;
  int reporter_ = -1, partner_ = -1, product_ = -1, classification_ = -1, currency_ = -1,
      status_ = -1, source_ = -1;
  PeriodColumns period_;
};

absl::Status FlowContext::Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  defaults_ = d;
  reporter_ = h.Claim({"reporter"}, "reporter (ISO alpha-3)");
  partner_ = h.Claim({"partner"}, "partner (ISO alpha-3, WLD the world)");
  product_ = h.Claim({"product"}, "product code");
  classification_ = h.Claim({"classification"}, "classification of the product code");
  currency_ = h.Claim({"currency"}, "currency (ISO 4217)");
  status_ = h.Claim({"status"}, "status (reported, derived or estimated)");
  source_ = h.Claim({"source"}, "source");
  period_ = ClaimPeriodColumns(h, /*allow_day=*/false);
  absl::Status s = NeedColumn(period_.period, "period, date, year or month");
  if (s.ok()) s = ColumnOrFlag(reporter_, "reporter", d.reporter, report);
  if (s.ok()) s = ColumnOrFlag(partner_, "partner", d.partner, report);
  if (s.ok()) s = ColumnOrFlag(product_, "product", d.product, report);
  if (s.ok()) s = ColumnOrFlag(currency_, "currency", d.currency, report);
  if (classification_ < 0 && d.classification != v1::CLASSIFICATION_UNSPECIFIED) {
    report.notes.push_back(absl::StrCat("classification ",
                                        v1::Classification_Name(d.classification),
                                        " for every row (--classification)"));
  }
  if (d.scale_exponent.value_or(0) != 0) {
    report.notes.push_back(absl::StrCat("values in ", ScaleName(*d.scale_exponent), " (--scale)"));
  }
  return s;
}

absl::Status FlowContext::FillParties(const CsvRow& row, v1::TradeFlow& f) const {
  absl::StatusOr<std::string> reporter = ParseCountry(Text(row, reporter_, defaults_.reporter));
  if (!reporter.ok()) return row.Bad(reporter_, reporter.status());
  absl::StatusOr<std::string> partner = ParseCountry(Text(row, partner_, defaults_.partner));
  if (!partner.ok()) return row.Bad(partner_, partner.status());
  f.set_reporter(*reporter);
  f.set_partner(*partner);
  const std::string product = Text(row, product_, defaults_.product);
  if (product.empty()) return row.Bad(product_, Invalid("the product code is empty"));
  f.mutable_product()->set_code(product);
  v1::Classification classification = defaults_.classification;
  if (classification_ >= 0) {
    absl::StatusOr<v1::Classification> c = ParseClassification(row.Cell(classification_));
    if (!c.ok()) return row.Bad(classification_, c.status());
    classification = *c;
  }
  f.mutable_product()->set_classification(
      classification == v1::CLASSIFICATION_UNSPECIFIED ? v1::CLASSIFICATION_FREE : classification);
  return absl::OkStatus();
}

absl::Status FlowContext::Fill(const CsvRow& row, v1::TradeFlow& f) const {
  if (absl::Status s = FillParties(row, f); !s.ok()) return s;
  absl::StatusOr<v1::Period> period = ReadPeriod(row, period_, /*allow_day=*/false);
  if (!period.ok()) return period.status();
  *f.mutable_period() = *period;
  absl::StatusOr<v1::ValueStatus> status = ParseStatus(row.Cell(status_));
  if (!status.ok()) return row.Bad(status_, status.status());
  f.set_status(*status);
  if (const std::string source = row.Cell(source_); !source.empty()) {
    f.mutable_source()->set_title(source);
  }
  return absl::OkStatus();
}

absl::Status FlowContext::FillValue(const CsvRow& row, int column, v1::TradeFlow& f) const {
  absl::StatusOr<std::string> currency =
      ParseCurrencyCode(Text(row, currency_, defaults_.currency));
  if (!currency.ok()) return row.Bad(currency_, currency.status());
  absl::StatusOr<google::type::Money> value =
      ParseValue(row.Cell(column), defaults_.scale_exponent.value_or(0), *currency);
  if (!value.ok()) return row.Bad(column, value.status());
  *f.mutable_value() = *value;
  return absl::OkStatus();
}

// One row per flow.
class LongLayout final : public FlowRowReader {
 public:
  static RowReaderOr Make(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    auto layout = std::make_unique<LongLayout>();
    layout->direction_ =
        h.Claim({"direction", "flow"}, "direction (export, import, re-export, re-import)");
    layout->value_ = h.Claim({"value"}, "value");
    absl::Status s = NeedColumn(layout->direction_, "'direction'");
    if (s.ok()) s = NeedColumn(layout->value_, "'value'");
    if (s.ok()) s = layout->context_.Claim(h, d, report);
    if (!s.ok()) return s;
    return std::unique_ptr<FlowRowReader>(std::move(layout));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    v1::TradeFlow f;
    if (absl::Status s = context_.Fill(row, f); !s.ok()) return s;
    absl::StatusOr<v1::FlowDirection> direction = ParseDirection(row.Cell(direction_));
    if (!direction.ok()) return row.Bad(direction_, direction.status());
    f.set_direction(*direction);
    if (absl::Status s = context_.FillValue(row, value_, f); !s.ok()) return s;
    out.push_back(std::move(f));
    return absl::OkStatus();
  }

 private:
  int direction_ = -1, value_ = -1;
  FlowContext context_;
};

// One row per period with an export column and an import column.
class WideLayout final : public FlowRowReader {
 public:
  static RowReaderOr Make(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    auto layout = std::make_unique<WideLayout>();
    layout->exports_ = h.Claim({"exports", "export", "x"}, "exports of the reporter");
    layout->imports_ = h.Claim({"imports", "import", "m"}, "imports of the reporter");
    if (layout->exports_ < 0 && layout->imports_ < 0) {
      return Invalid("the header has no exports or imports column (exports, export, X, ",
                     "imports, import, M)");
    }
    if (absl::Status s = layout->context_.Claim(h, d, report); !s.ok()) return s;
    return std::unique_ptr<FlowRowReader>(std::move(layout));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    // A row without values, such as a note under the table, gives no flow and is no error.
    if (row.Cell(exports_).empty() && row.Cell(imports_).empty()) return absl::OkStatus();
    v1::TradeFlow common;
    if (absl::Status s = context_.Fill(row, common); !s.ok()) return s;
    for (const auto& [column, direction] : {std::pair(exports_, v1::FLOW_DIRECTION_EXPORT),
                                            std::pair(imports_, v1::FLOW_DIRECTION_IMPORT)}) {
      if (row.Cell(column).empty()) continue;
      v1::TradeFlow f = common;
      f.set_direction(direction);
      if (absl::Status s = context_.FillValue(row, column, f); !s.ok()) return s;
      out.push_back(std::move(f));
    }
    return absl::OkStatus();
  }

 private:
  int exports_ = -1, imports_ = -1;
  FlowContext context_;
};

// Comtrade and BACI state their currency and unit, so a flag saying otherwise is a mistake.
absl::Status CheckFixedUnit(const FlowCsvDefaults& d, int scale, absl::string_view what) {
  if (!d.currency.empty() && absl::AsciiStrToUpper(d.currency) != "USD") {
    return Invalid(what, " is in US dollars: --currency ", d.currency, " does not apply");
  }
  if (d.scale_exponent.value_or(scale) != scale) {
    return Invalid(what, " is in ", scale == 0 ? "US dollars" : "thousands of US dollars",
                   ": --scale ", ScaleName(*d.scale_exponent), " does not apply");
  }
  return absl::OkStatus();
}

// UN Comtrade's download format.
class ComtradeLayout final : public FlowRowReader {
 public:
  static RowReaderOr Make(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    if (absl::Status s = CheckFixedUnit(d, 0, "Comtrade's primaryValue"); !s.ok()) return s;
    auto l = std::make_unique<ComtradeLayout>();
    l->period_ = h.Claim({"period"}, "period (YYYY or YYYYMM)");
    if (l->period_ < 0) {
      l->year_ = h.Claim({"refyear"}, "year");
      l->month_ = h.Claim({"refmonth"}, "month (52: the whole year)");
    }
    l->reporter_iso_ = h.Claim({"reporteriso"}, "reporter (ISO alpha-3)");
    l->reporter_code_ = h.Claim({"reportercode"}, "reporter where reporterISO is empty (M49)");
    l->partner_iso_ = h.Claim({"partneriso"}, "partner (ISO alpha-3; W00 the world)");
    l->partner_code_ = h.Claim({"partnercode"}, "partner (M49; 0 the world)");
    l->flow_ = h.Claim({"flowcode"}, "direction (X, M, RX, RM)");
    l->classification_ =
        h.Claim({"classificationcode"}, "classification (H0-H6, S1-S4, EB02, EB10)");
    l->product_ = h.Claim({"cmdcode"}, "product code");
    l->value_ = h.Claim({"primaryvalue"}, "value in US dollars");
    l->reported_ = h.Claim({"isreported"}, "status (false: estimated)");
    l->classification_flag_ = d.classification;
    absl::Status s = NeedColumn(std::max(l->period_, l->year_), "period or refYear");
    if (s.ok()) s = NeedColumn(std::max(l->reporter_iso_, l->reporter_code_), "reporterISO");
    if (s.ok()) s = NeedColumn(std::max(l->partner_iso_, l->partner_code_), "partnerISO");
    if (s.ok()) s = NeedColumn(l->flow_, "flowCode");
    if (s.ok()) s = NeedColumn(l->product_, "cmdCode");
    if (s.ok()) s = NeedColumn(l->value_, "primaryValue");
    if (!s.ok()) return s;
    report.notes.push_back("values in US dollars, as Comtrade states them");
    return std::unique_ptr<FlowRowReader>(std::move(l));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    v1::TradeFlow f;
    absl::Status s = ReadParties(row, f);
    if (s.ok()) s = ReadPeriod(row, *f.mutable_period());
    if (s.ok()) s = ReadProduct(row, *f.mutable_product());
    if (s.ok()) s = ReadValue(row, f);
    if (!s.ok()) return s;
    out.push_back(std::move(f));
    return absl::OkStatus();
  }

 private:
  // The ISO code, else the numeric one; partnerCode 0 is the world whatever partnerISO says.
  static absl::StatusOr<std::string> Country(const CsvRow& row, int iso, int code) {
    const std::string number = row.Cell(code);
    if (!number.empty() && number.find_first_not_of('0') == std::string::npos) {
      return std::string("WLD");
    }
    const std::string text = row.Cell(iso);
    const bool by_iso = !text.empty() || code < 0;
    absl::StatusOr<std::string> c = by_iso ? ParseCountry(text) : CountryFromNumeric(number);
    if (!c.ok()) return row.Bad(by_iso ? iso : code, c.status());
    return c;
  }

  absl::Status ReadParties(const CsvRow& row, v1::TradeFlow& f) const {
    absl::StatusOr<std::string> reporter = Country(row, reporter_iso_, reporter_code_);
    if (!reporter.ok()) return reporter.status();
    absl::StatusOr<std::string> partner = Country(row, partner_iso_, partner_code_);
    if (!partner.ok()) return partner.status();
    absl::StatusOr<v1::FlowDirection> direction = ParseDirection(row.Cell(flow_));
    if (!direction.ok()) return row.Bad(flow_, direction.status());
    f.set_reporter(*reporter);
    f.set_partner(*partner);
    f.set_direction(*direction);
    return absl::OkStatus();
  }

  absl::Status ReadPeriod(const CsvRow& row, v1::Period& p) const {
    const int column = period_ >= 0 ? period_ : year_;
    absl::StatusOr<v1::Period> parsed = ParseCsvPeriod(row.Cell(column), false);
    if (!parsed.ok()) return row.Bad(column, parsed.status());
    p = *parsed;
    const std::string month = row.Cell(month_);
    int m = 0;
    if (!month.empty() && !absl::SimpleAtoi(month, &m)) {
      return row.Bad(month_, Invalid("'", month, "' is not a month"));
    }
    // Comtrade marks annual figures with refMonth 52.
    if (m == 0 || m == 52) return absl::OkStatus();
    if (m < 1 || m > 12) return row.Bad(month_, Invalid("month ", m, " is outside 1-12"));
    if (p.month() != 0 || p.quarter() != 0) {
      return row.Bad(month_, Invalid("refYear already gives a month"));
    }
    p.set_month(m);
    return absl::OkStatus();
  }

  absl::Status ReadProduct(const CsvRow& row, v1::Product& product) const {
    v1::Classification c = classification_flag_ == v1::CLASSIFICATION_UNSPECIFIED
                               ? v1::CLASSIFICATION_HS
                               : classification_flag_;
    if (const std::string text = row.Cell(classification_); !text.empty()) {
      absl::StatusOr<v1::Classification> parsed = ParseClassification(text);
      if (!parsed.ok()) return row.Bad(classification_, parsed.status());
      c = *parsed;
    }
    const std::string code = absl::AsciiStrToUpper(row.Cell(product_));
    if (code.empty()) return row.Bad(product_, Invalid("the product code is empty"));
    // TOTAL (all products) is no code of any nomenclature; the analyses know it by name.
    product.set_classification(code == "TOTAL" ? v1::CLASSIFICATION_FREE : c);
    product.set_code(code);
    return absl::OkStatus();
  }

  absl::Status ReadValue(const CsvRow& row, v1::TradeFlow& f) const {
    absl::StatusOr<google::type::Money> value = ParseValue(row.Cell(value_), 0, "USD");
    if (!value.ok()) return row.Bad(value_, value.status());
    absl::StatusOr<v1::ValueStatus> status = ParseIsReported(row.Cell(reported_));
    if (!status.ok()) return row.Bad(reported_, status.status());
    *f.mutable_value() = *value;
    f.set_status(*status);
    f.mutable_source()->set_title("UN Comtrade");
    return absl::OkStatus();
  }

  int period_ = -1, year_ = -1, month_ = -1, reporter_iso_ = -1, reporter_code_ = -1,
      partner_iso_ = -1, partner_code_ = -1, flow_ = -1, classification_ = -1, product_ = -1,
      value_ = -1, reported_ = -1;
  v1::Classification classification_flag_ = v1::CLASSIFICATION_UNSPECIFIED;
};

// CEPII BACI: every row an export of i to j, valued in thousands of US dollars.
class BaciLayout final : public FlowRowReader {
 public:
  static RowReaderOr Make(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    if (absl::Status s = CheckFixedUnit(d, 3, "BACI's v"); !s.ok()) return s;
    auto l = std::make_unique<BaciLayout>();
    l->year_ = h.Claim({"t"}, "year");
    l->exporter_ = h.Claim({"i"}, "reporter: the exporter (ISO numeric)");
    l->importer_ = h.Claim({"j"}, "partner: the importer (ISO numeric)");
    l->product_ = h.Claim({"k"}, "product (HS 6-digit)");
    l->value_ = h.Claim({"v"}, "export value in thousands of US dollars");
    l->quantity_ = h.Claim({"q"}, "quantity in metric tons");
    absl::Status s;
    for (const auto& [column, name] :
         {std::pair(l->year_, "t"), std::pair(l->exporter_, "i"), std::pair(l->importer_, "j"),
          std::pair(l->product_, "k"), std::pair(l->value_, "v")}) {
      if (s.ok()) s = NeedColumn(column, absl::StrCat("'", name, "'"));
    }
    if (!s.ok()) return s;
    report.notes.push_back("each row an export of i to j, in thousands of US dollars");
    return std::unique_ptr<FlowRowReader>(std::move(l));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    v1::TradeFlow f;
    absl::Status s = ReadParties(row, f);
    if (s.ok()) s = ReadProduct(row, *f.mutable_product());
    if (s.ok()) s = ReadValue(row, f);
    if (!s.ok()) return s;
    f.set_direction(v1::FLOW_DIRECTION_EXPORT);
    f.set_status(v1::VALUE_STATUS_REPORTED);
    f.mutable_source()->set_title("CEPII BACI");
    out.push_back(std::move(f));
    return absl::OkStatus();
  }

 private:
  absl::Status ReadParties(const CsvRow& row, v1::TradeFlow& f) const {
    const std::string year = row.Cell(year_);
    absl::StatusOr<v1::Period> period = ParseCsvPeriod(year, false);
    if (period.ok() && year.size() != 4) period = Invalid("'", year, "' is not a year");
    if (!period.ok()) return row.Bad(year_, period.status());
    absl::StatusOr<std::string> exporter = CountryFromNumeric(row.Cell(exporter_));
    if (!exporter.ok()) return row.Bad(exporter_, exporter.status());
    absl::StatusOr<std::string> importer = CountryFromNumeric(row.Cell(importer_));
    if (!importer.ok()) return row.Bad(importer_, importer.status());
    *f.mutable_period() = *period;
    f.set_reporter(*exporter);
    f.set_partner(*importer);
    return absl::OkStatus();
  }

  absl::Status ReadProduct(const CsvRow& row, v1::Product& product) const {
    std::string code = row.Cell(product_);
    // A tool that read k as a number dropped the leading zero of chapters 01 to 09.
    if (code.size() == 5 && AllDigits(code)) code = "0" + code;
    if (code.size() != 6 || !AllDigits(code)) {
      return row.Bad(product_, Invalid("'", code, "' is not an HS 6-digit code"));
    }
    product.set_classification(v1::CLASSIFICATION_HS);
    product.set_code(code);
    return absl::OkStatus();
  }

  absl::Status ReadValue(const CsvRow& row, v1::TradeFlow& f) const {
    absl::StatusOr<google::type::Money> value = ParseValue(row.Cell(value_), 3, "USD");
    if (!value.ok()) return row.Bad(value_, value.status());
    *f.mutable_value() = *value;
    // BACI writes NA where it has no quantity: such a row simply has none.
    absl::StatusOr<std::string> tons = ParseCsvNumber(row.Cell(quantity_));
    if (tons.ok() && !absl::StartsWith(*tons, "-")) {
      f.mutable_quantity()->set_amount(*tons);
      f.mutable_quantity()->set_unit("t");
    }
    return absl::OkStatus();
  }

  int year_ = -1, exporter_ = -1, importer_ = -1, product_ = -1, value_ = -1, quantity_ = -1;
};

absl::StatusOr<FlowLayout> DetectLayout(const CsvHeader& h) {
  if (h.Find({"primaryvalue"}) >= 0 && h.Find({"flowcode"}) >= 0) return FlowLayout::kComtrade;
  if (h.Find({"t"}) >= 0 && h.Find({"i"}) >= 0 && h.Find({"j"}) >= 0 && h.Find({"k"}) >= 0 &&
      h.Find({"v"}) >= 0) {
    return FlowLayout::kBaci;
  }
  if (h.Find({"direction", "flow"}) >= 0) return FlowLayout::kLong;
  if (h.Find({"exports", "export", "x", "imports", "import", "m"}) >= 0) return FlowLayout::kWide;
  return Invalid("the header fits no layout: a long file has a direction column, a wide one ",
                 "exports and imports columns, a Comtrade file flowCode and primaryValue, a ",
                 "BACI file t, i, j, k and v");
}

const char* LayoutName(FlowLayout layout) {
  switch (layout) {
    case FlowLayout::kLong: return "long";
    case FlowLayout::kWide: return "wide";
    case FlowLayout::kComtrade: return "comtrade";
    case FlowLayout::kBaci: return "baci";
    default: return "auto";
  }
}

RowReaderOr MakeRowReader(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  absl::StatusOr<FlowLayout> layout =
      d.layout == FlowLayout::kAuto ? DetectLayout(h) : absl::StatusOr<FlowLayout>(d.layout);
  if (!layout.ok()) return layout.status();
  report.layout = absl::StrCat(LayoutName(*layout),
                               d.layout == FlowLayout::kAuto ? " (detected from the header)" : "");
  switch (*layout) {
    case FlowLayout::kWide: return WideLayout::Make(h, d, report);
    case FlowLayout::kComtrade: return ComtradeLayout::Make(h, d, report);
    case FlowLayout::kBaci: return BaciLayout::Make(h, d, report);
    default: return LongLayout::Make(h, d, report);
  }
}

}  // namespace

absl::StatusOr<FlowCsv> ReadFlowsCsv(std::istream& in, const FlowCsvDefaults& defaults) {
  CsvRecords records(in, defaults.delimiter);
  std::vector<std::string> cells;
  if (!records.Next(cells)) return Invalid("the file is empty: no header line");
  CsvHeader header(cells);
  FlowCsv out;
  out.report.delimiter = records.delimiter();
  RowReaderOr reader = MakeRowReader(header, defaults, out.report);
  if (!reader.ok()) return Invalid("line ", records.line(), ": ", reader.status().message());
  out.report.columns = header.Meanings();
  const absl::Status s = ReadCsvRows(
      records, header, defaults.skip_bad,
      [&](const CsvRow& row) {
        const size_t before = out.flows.size();
        absl::Status read = (*reader)->Read(row, out.flows);
        if (!read.ok()) out.flows.resize(before);  // a bad row adds none of its flows
        return read;
      },
      out.report);
  if (!s.ok()) return s;
  return out;
}

}  // namespace culturetrade::ctrade
