// Reads trade flows from the CSV files analysts bring, and holds the reading rules that the
// exchange-rate importer (rate_csv.h) shares: delimiters, quoting, numbers, periods, headers.
//
// Flow layouts, told apart by the header unless --layout names one:
//   long      one row per flow: reporter, partner, product, classification, direction (or
//             flow), period (or date or year, with month or quarter columns), value, currency,
//             status, source.
//   wide      one row per period, as statistical offices publish them: a period column
//             (period, month, year or date) and an export column (exports, export, X) and an
//             import column (imports, import, M); an empty cell is no flow.
//   comtrade  UN Comtrade: period or refYear/refMonth, reporterISO (or reporterCode),
//             partnerISO (or partnerCode), flowCode, classificationCode, cmdCode,
//             primaryValue in US dollars, isReported.
//   baci      CEPII BACI: t year, i exporter and j importer (ISO numeric), k HS6 product,
//             v thousands of current US dollars, q metric tons; each row an export of i to j.
// Columns a file lacks come from the defaults (the command's flags). A bad cell is an error
// naming its line and column, or, with skip_bad, a row skipped and counted.
#ifndef CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_
#define CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_

#include <functional>
#include <initializer_list>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::ctrade {

// ---- Reading rules shared by the flow and the rate importers ----

// Splits one CSV record on `delimiter`, honouring double quotes ("" is a literal quote).
std::vector<std::string> SplitCsvLine(const std::string& line, char delimiter);

// The delimiter of a header line: the most frequent of tab, `;` and `,` outside quotes
// (`,` when there is none, a one-column file).
char DetectDelimiter(const std::string& header);

// The records of a CSV stream, without a UTF-8 BOM or CR line ends; blank lines are skipped
// and a quoted field may span lines.
class CsvRecords {
 public:
  // `delimiter` 0 detects it from the first record.
  CsvRecords(std::istream& in, char delimiter) : in_(in), delimiter_(delimiter) {}
  // The next non-blank record; false at the end of the stream.
  bool Next(std::vector<std::string>& cells);
  // The line the last record starts on, counting from 1.
  int line() const { return line_; }
  char delimiter() const { return delimiter_; }

 private:
  std::istream& in_;
  char delimiter_;
  int line_ = 0;
  int lines_read_ = 0;
};

// A number as tables print it, as a plain decimal string: `1,187.5` -> `1187.5`. A comma is a
// thousands separator only between groups of three digits before any dot; anything else with
// a comma (`12,5`, `1.187,5`) is refused rather than guessed to be a decimal comma.
absl::StatusOr<std::string> ParseCsvNumber(absl::string_view text);

// A period: `2001`, `2001.01`, `2001/01`, `2001-01`, `2001M01`, `200101`, `2001Q1`,
// `January 2001` or `Jan 2001`; with `allow_day` also a day such as `2001-01-15`.
absl::StatusOr<v1::Period> ParseCsvPeriod(absl::string_view text, bool allow_day);

// An ISO 4217 code such as USD, upper-cased.
absl::StatusOr<std::string> ParseCurrencyCode(absl::string_view text);

// "units", "thousands", "millions" or "billions" as a power of ten.
absl::StatusOr<int> ScaleExponent(const std::string& name);

// The ISO 3166-1 alpha-3 code of an ISO numeric (UN M49) code as Comtrade and BACI write them,
// 0 being the world (WLD); an unknown code is an error naming it.
absl::StatusOr<std::string> CountryFromNumeric(absl::string_view code);

// How one header column was understood, for --dry-run: "ignored" when not used.
struct ColumnMeaning {
  std::string column;
  std::string meaning;
};

// A header line: columns found by name (case-insensitive, a trailing "(unit)" dropped, so
// `Exports (thousand USD)` is `exports`) and what each was taken to mean.
class CsvHeader {
 public:
  explicit CsvHeader(std::vector<std::string> cells);
  // The first unclaimed column named like the first of `names` that one has, now meaning
  // `meaning`; -1 when there is none.
  int Claim(std::initializer_list<absl::string_view> names, const std::string& meaning);
  // Like Claim, but only looks.
  int Find(std::initializer_list<absl::string_view> names) const;
  void SetMeaning(int column, const std::string& meaning) { meanings_[column] = meaning; }
  // The column's name as the file writes it, and as it is matched.
  const std::string& name(int column) const { return names_[column]; }
  const std::string& key(int column) const { return keys_[column]; }
  int size() const { return static_cast<int>(names_.size()); }
  std::vector<ColumnMeaning> Meanings() const;

 private:
  std::vector<std::string> names_;
  std::vector<std::string> keys_;
  std::vector<std::string> meanings_;  // empty: ignored
};

// One record under its header.
class CsvRow {
 public:
  CsvRow(const CsvHeader& header, const std::vector<std::string>& cells)
      : header_(header), cells_(cells) {}
  // The cell of `column`, trimmed; empty for column -1 or a short row.
  std::string Cell(int column) const;
  // `why` as the error of `column`: "column 'NAME': why".
  absl::Status Bad(int column, const absl::Status& why) const;

 private:
  const CsvHeader& header_;
  const std::vector<std::string>& cells_;
};

// The columns that make a period: one of period, date, year or month, refined by separate
// month and quarter columns where a file splits the period (year 2001, month 1).
struct PeriodColumns {
  int period = -1;
  int month = -1;
  int quarter = -1;
};
PeriodColumns ClaimPeriodColumns(CsvHeader& header, bool allow_day);
absl::StatusOr<v1::Period> ReadPeriod(const CsvRow& row, const PeriodColumns& columns,
                                      bool allow_day);

// A skipped row: its line and "column 'NAME': why".
struct BadRow {
  int line = 0;
  std::string why;
};

// How a file was read, for the command to report.
struct CsvReport {
  std::string layout;
  char delimiter = ',';
  std::vector<ColumnMeaning> columns;
  std::vector<std::string> notes;  // values taken from flags rather than the file
  int rows = 0;                    // records read (a wide row with two flows is one)
  int skipped = 0;
  std::optional<BadRow> first_bad;
};

// Runs `read_row` on each record after the header. A bad row ends the read with an error
// naming its line, or with `skip_bad` is counted in `report` and skipped; skipping every row
// is still an error.
absl::Status ReadCsvRows(CsvRecords& records, const CsvHeader& header, bool skip_bad,
                         const std::function<absl::Status(const CsvRow&)>& read_row,
                         CsvReport& report);

// ---- Trade flows ----

enum class FlowLayout { kAuto, kLong, kWide, kComtrade, kBaci };
// "auto", "long", "wide", "comtrade" or "baci".
absl::StatusOr<FlowLayout> ParseFlowLayout(const std::string& name);

// "free", "hs" (or Comtrade's H0-H6), "sitc" (S1-S4) or "ebops" (EB02, EB10).
absl::StatusOr<v1::Classification> ParseClassification(const std::string& text);

struct FlowCsvDefaults {
  std::string reporter;
  std::string partner;
  std::string product;
  v1::Classification classification = v1::CLASSIFICATION_UNSPECIFIED;  // free when unset
  std::string currency;
  std::optional<int> scale_exponent;  // values in 10^scale_exponent units; units when unset
  char delimiter = 0;                 // 0: detect `,` `;` or tab from the header line
  FlowLayout layout = FlowLayout::kAuto;
  bool skip_bad = false;
};

struct FlowCsv {
  std::vector<v1::TradeFlow> flows;
  CsvReport report;
};

absl::StatusOr<FlowCsv> ReadFlowsCsv(std::istream& in, const FlowCsvDefaults& defaults);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_
