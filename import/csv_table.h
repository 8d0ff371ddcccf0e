// A CSV table read batch by batch: its header, from which the caller's `make_reader` makes the
// reader of its layout, then the rows of each batch of the stream (csv_batches.h) under it.
// Reading a batch changes nothing in the table, so that several threads may read batches at
// once (flow_csv_blocks.h), or ReadAll reads them one after the other.
#ifndef CULTURETRADE_IMPORT_CSV_TABLE_H_
#define CULTURETRADE_IMPORT_CSV_TABLE_H_

#include <istream>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "import/csv_batches.h"
#include "import/csv_error.h"
#include "import/csv_reader.h"

namespace culturetrade::import {

// `Reader` is the CsvRowReader<Item> that the layouts make, or a class derived from it.
template <typename Item, typename Reader = CsvRowReader<Item>>
class CsvTable {
 public:
  // Reads the header from `batches`, and makes the reader of its layout with
  // `make_reader(header, report)` (an error names the header's line). `report` gets the
  // delimiter and the columns.
  template <typename MakeReader>
  static absl::StatusOr<CsvTable> Open(CsvBatches& batches, char delimiter, bool skip_bad,
                                       const MakeReader& make_reader, CsvReport& report) {
    absl::StatusOr<CsvHeaderRecord> record = ReadCsvHeaderRecord(batches, delimiter);
    if (!record.ok()) return record.status();
    CsvTable table(*record, skip_bad);
    report.delimiter = record->delimiter;
    absl::StatusOr<std::unique_ptr<Reader>> reader = make_reader(table.header_, report);
    if (!reader.ok()) return CsvError("line ", record->line, ": ", reader.status().message());
    report.columns = table.header_.Meanings();
    table.reader_ = *std::move(reader);
    return table;
  }

  // Reads the rows of `batch`, counting them in `report` as ReadCsvRows does, and hands the
  // items of each good row to `take(std::vector<Item>&)`, whose error is the row's. Plain
  // records go to `read_plain` first, if given.
  template <typename Take>
  absl::Status ReadBatch(const CsvBatch& batch, CsvReport& report, const Take& take,
                         const PlainRecordReader& read_plain = nullptr) const {
    CsvRecords records(batch, delimiter_);
    std::vector<Item> row_items;
    const auto read_row = [&](const CsvRow& row) {
      row_items.clear();
      absl::Status read = reader_->Read(row, row_items);
      return read.ok() ? take(row_items) : read;
    };
    return ReadCsvRows(records, header_, skip_bad_, read_row, report, read_plain);
  }

  const Reader& reader() const { return *reader_; }

  // After the last batch, `report` counting the rows of all: see FinishCsvRows.
  absl::Status Finish(const CsvReport& report) const { return FinishCsvRows(report, line_); }

  // Appends the items of every batch left in `batches`, read one after the other, and
  // finishes; a bad row adds none of its items.
  absl::Status ReadAll(CsvBatches& batches, std::vector<Item>& items, CsvReport& report) const {
    constexpr int kRecordsPerBatch = 8192;
    const auto append = [&items](std::vector<Item>& row_items) {
      for (Item& item : row_items) items.push_back(std::move(item));
      return absl::OkStatus();
    };
    CsvBatch batch;
    while (batches.Next(kRecordsPerBatch, batch)) {
      if (absl::Status s = ReadBatch(batch, report, append); !s.ok()) return s;
    }
    return Finish(report);
  }

 private:
  CsvTable(const CsvHeaderRecord& record, bool skip_bad)
      : header_(record.cells),
        delimiter_(record.delimiter),
        line_(record.line),
        skip_bad_(skip_bad) {}

  CsvHeader header_;
  std::unique_ptr<Reader> reader_;
  char delimiter_;
  int line_;  // the header's
  bool skip_bad_;
};

// Reads a small table whole, one row after the other: the header from `in` (which
// `make_reader(header, report)` makes the reader of) and every row under it, appending their
// items to `items`. Errors name the line and, for a cell, its column.
template <typename Item, typename MakeReader>
absl::Status ReadCsvTable(std::istream& in, char delimiter, const MakeReader& make_reader,
                          std::vector<Item>& items, CsvReport& report) {
  CsvBatches batches(in);
  absl::StatusOr<CsvTable<Item>> table =
      CsvTable<Item>::Open(batches, delimiter, /*skip_bad=*/false, make_reader, report);
  if (!table.ok()) return table.status();
  return table->ReadAll(batches, items, report);
}

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CSV_TABLE_H_
