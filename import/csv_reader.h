// The records, header and rows of a CSV file as both importers (flows, rates) read them: the
// delimiter detected, double quotes honoured across lines, a UTF-8 BOM and CR line ends
// dropped, columns found by name, and every bad row either the error or, with skip_bad, a row
// skipped and counted in a CsvReport.
#ifndef CULTURETRADE_IMPORT_CSV_READER_H_
#define CULTURETRADE_IMPORT_CSV_READER_H_

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "import/csv_batches.h"
#include "import/csv_error.h"

namespace culturetrade::import {

// Splits one CSV record on `delimiter`, honouring double quotes ("" is a literal quote).
std::vector<std::string> SplitCsvLine(absl::string_view line, char delimiter);

// The delimiter of a header line: the most frequent of tab, `;` and `,` outside quotes
// (`,` when there is none, a one-column file).
char DetectDelimiter(absl::string_view header);

// The records of a batch of a CSV stream (csv_batches.h), without a UTF-8 BOM or CR line
// ends; blank lines are skipped and a quoted field may span lines, but must close before the
// end of the stream.
class CsvRecords {
 public:
  // `batch` must outlive this; `delimiter` 0 detects it from the first record.
  CsvRecords(const CsvBatch& batch, char delimiter)
      : batch_(batch), delimiter_(delimiter), next_line_(batch.first_line) {}
  // The next non-blank record; false at the end of the batch, or at a record that cannot be
  // read (status() then says why).
  bool Next(std::vector<std::string>& cells);
  // Like Next, the record's text (its lines joined) rather than its cells: valid until the
  // next call.
  bool NextText(absl::string_view& text);
  // OK, or why the records ended before the batch did.
  const absl::Status& status() const { return status_; }
  // The line the last record starts on, counting from 1.
  int line() const { return line_; }
  char delimiter() const { return delimiter_; }

 private:
  // The next line of the batch, without its line end.
  absl::string_view NextLine();

  const CsvBatch& batch_;
  char delimiter_;
  size_t pos_ = 0;
  int next_line_;
  int line_ = 0;
  std::string record_;  // a record of several lines, joined
  absl::Status status_;
};

// How one header column was understood, for --dry-run: "ignored" when not used.
struct ColumnMeaning {
  std::string column;
  std::string meaning;
};

// A header line: columns found by name (case-insensitive, a trailing "(unit)" dropped, so
// `Exports (thousand USD)` is `exports`) and what each was taken to mean.
class CsvHeader {
 public:
  explicit CsvHeader(const std::vector<std::string>& cells);
  // The first unclaimed column named like the first of `names` that one has, now meaning
  // `meaning`; -1 when there is none.
  int Claim(std::initializer_list<absl::string_view> names, const std::string& meaning);
  // Like Claim, but only looks.
  int Find(std::initializer_list<absl::string_view> names) const;
  void SetMeaning(int column, const std::string& meaning) { meanings_[column] = meaning; }
  // Whether a layout reads `column` (it has a meaning).
  bool used(int column) const { return !meanings_[column].empty(); }
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

// The cells of `text`, a record of CsvRecords, as views of it, when it is plain: no quotes,
// no more cells than the header has columns, and UTF-8 in every column the header's layout
// reads. False for any other record, which Next splits and CheckCsvRecord judges.
bool SplitPlainRecord(absl::string_view text, char delimiter, const CsvHeader& header,
                      std::vector<absl::string_view>& cells);

// One record under its header.
class CsvRow {
 public:
  CsvRow(const CsvHeader& header, const std::vector<std::string>& cells)
      : header_(header), cells_(cells) {}
  // The cell of `column`, trimmed; empty for column -1 or a short row.
  std::string Cell(int column) const;
  // The cell of `column`, or `flag` (the command's flag standing in) for column -1.
  std::string CellOr(int column, const std::string& flag) const {
    return column >= 0 ? Cell(column) : flag;
  }
  // `why` as the error of `column`: "column 'NAME': why".
  absl::Status Bad(int column, const absl::Status& why) const;

 private:
  const CsvHeader& header_;
  const std::vector<std::string>& cells_;
};

// The error of a layout whose `what` column the header lacks; OK for a column found.
absl::Status NeedColumn(int column, absl::string_view what);

// The error of a header with neither a `name` column nor the --`name` flag to stand in for it.
absl::Status NoColumnNorFlag(absl::string_view name);

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

// Notes in `report` that --`name` gives `value` for every row.
void NoteFlag(absl::string_view name, absl::string_view value, CsvReport& report);

// The first record of a CSV stream, its header: its cells, line and delimiter (`delimiter`,
// or else the one detected from it).
struct CsvHeaderRecord {
  std::vector<std::string> cells;
  int line = 0;
  char delimiter = ',';
};
absl::StatusOr<CsvHeaderRecord> ReadCsvHeaderRecord(CsvBatches& batches, char delimiter);

// Reads a plain record (SplitPlainRecord's cells) as the row reader would and returns true,
// or returns false having read nothing, leaving the record to the row reader, which gives the
// same items or the record's error. A shortcut for the records most files are made of.
using PlainRecordReader = std::function<bool(const std::vector<absl::string_view>& cells)>;

// Runs `read_row` on each of `records`, rows under `header`, counting them in `report`. A bad
// row ends the read with an error naming its line, or with `skip_bad` is counted in `report`
// and skipped. A row is bad before it is read when it has a cell beyond the header's columns
// (a value holding the delimiter, unquoted) or text in a column the layout reads that is not
// UTF-8 (which no string of the API may hold). `read_plain`, if given, reads plain records
// first.
absl::Status ReadCsvRows(CsvRecords& records, const CsvHeader& header, bool skip_bad,
                         const std::function<absl::Status(const CsvRow&)>& read_row,
                         CsvReport& report, const PlainRecordReader& read_plain = nullptr);

// Adds the rows, skipped rows and first bad row of `batch`, a report of ReadCsvRows, to
// `total`, the report of the rows before them.
void AddRowCounts(const CsvReport& batch, CsvReport& total);

// After the last row under the header on `header_line`: skipping every row, or a header
// without rows, is still an error.
absl::Status FinishCsvRows(const CsvReport& report, int header_line);

// Reads the items (flows, rates) of one record in one layout.
template <typename Item>
class CsvRowReader {
 public:
  virtual ~CsvRowReader() = default;
  // Appends the row's items, or returns the error of the column at fault.
  virtual absl::Status Read(const CsvRow& row, std::vector<Item>& out) const = 0;
};

template <typename Item>
using CsvRowReaderOr = absl::StatusOr<std::unique_ptr<CsvRowReader<Item>>>;

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CSV_READER_H_
