#include "import/csv_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/base/config.h"
#include "absl/numeric/bits.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/stubs/common.h"

namespace culturetrade::import {
namespace {

bool OddQuotes(absl::string_view text) {
  return std::count(text.begin(), text.end(), '"') % 2 == 1;
}

// SplitCsvLine into `cells`, whose strings keep their memory from record to record.
void SplitRecord(absl::string_view line, char delimiter, std::vector<std::string>& cells) {
  size_t count = 0;
  const auto next_cell = [&cells, &count]() -> std::string& {
    if (count == cells.size()) cells.emplace_back();
    std::string& cell = cells[count++];
    cell.clear();
    return cell;
  };
  std::string* cell = &next_cell();
  bool quoted = false;
  size_t i = 0;
  while (i < line.size()) {
    // The run of plain characters up to the next quote, or delimiter outside quotes.
    size_t j = i;
    while (j < line.size() && line[j] != '"' && (quoted || line[j] != delimiter)) ++j;
    cell->append(line.data() + i, j - i);
    if (j == line.size()) break;
    i = j + 1;
    if (line[j] != '"') {  // a delimiter outside quotes
      cell = &next_cell();
    } else if (quoted && i < line.size() && line[i] == '"') {
      *cell += '"';
      ++i;
    } else {
      quoted = !quoted;
    }
  }
  cells.resize(count);
}

}  // namespace

// ---- Records ----

std::vector<std::string> SplitCsvLine(absl::string_view line, char delimiter) {
  std::vector<std::string> cells;
  SplitRecord(line, delimiter, cells);
  return cells;
}

char DetectDelimiter(absl::string_view header) {
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

absl::string_view CsvRecords::NextLine() {
  const absl::string_view text = batch_.text;
  const size_t end = std::min(text.find('\n', pos_), text.size());
  absl::string_view line = text.substr(pos_, end - pos_);
  pos_ = std::min(end + 1, text.size());
  ++next_line_;
  absl::ConsumeSuffix(&line, "\r");
  return line;
}

bool CsvRecords::Next(std::vector<std::string>& cells) {
  absl::string_view text;
  if (!NextText(text)) return false;
  SplitRecord(text, delimiter_, cells);
  return true;
}

bool CsvRecords::NextText(absl::string_view& text) {
  while (pos_ < batch_.text.size()) {
    const int number = next_line_;
    const bool stream_start = pos_ == 0 && number == 1;
    absl::string_view line = NextLine();
    if (stream_start) absl::ConsumePrefix(&line, "\xEF\xBB\xBF");
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    line_ = number;
    // An odd number of quotes leaves a quoted field open: it goes on on the next line.
    if (OddQuotes(line)) {
      record_.assign(line.data(), line.size());
      bool open = true;
      while (open && pos_ < batch_.text.size()) {
        const absl::string_view more = NextLine();
        absl::StrAppend(&record_, "\n", more);
        open = OddQuotes(more) ? !open : open;
      }
      // Read as a record, it would swallow every line after it without a word.
      if (open) {
        status_ = CsvError("line ", line_, ": a quoted field opens here and never closes; a ",
                           "quote inside a value is written twice (\"\")");
        return false;
      }
      line = record_;
    }
    if (delimiter_ == 0) delimiter_ = DetectDelimiter(line);
    text = line;
    return true;
  }
  status_ = batch_.status;
  return false;
}

#ifndef ABSL_IS_LITTLE_ENDIAN
#error "SplitPlainRecord reads eight bytes at a time, the first the lowest"
#endif

namespace {

constexpr uint64_t kLowBits = 0x7F7F7F7F7F7F7F7FULL;
constexpr uint64_t kHighBits = ~kLowBits;

uint64_t EveryByte(char c) { return 0x0101010101010101ULL * static_cast<unsigned char>(c); }

// The top bit of every byte of `word` that is `c`'s, and no other bit.
uint64_t BytesEqual(uint64_t word, uint64_t c) {
  const uint64_t x = word ^ c;  // 0 where equal
  return ~(((x & kLowBits) + kLowBits) | x | kLowBits);
}

}  // namespace

bool SplitPlainRecord(absl::string_view text, char delimiter, const CsvHeader& header,
                      std::vector<absl::string_view>& cells) {
  const uint64_t quotes = EveryByte('"'), delimiters = EveryByte(delimiter);
  uint64_t bytes = 0;  // every byte's bits: a top one set by a byte beyond ASCII
  // A cell a column, and one beyond, which makes the record not plain.
  const size_t columns = static_cast<size_t>(header.size());
  cells.resize(columns + 1);
  size_t count = 0, start = 0, i = 0;
  const auto cut = [&](size_t at) {
    cells[count] = absl::string_view(text.data() + start, at - start);
    count += count < columns;
    start = at + 1;
  };
  // Eight bytes at a time, then the rest one by one: the records of a table are short.
  for (; i + sizeof(uint64_t) <= text.size(); i += sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof(word));
    bytes |= word;
    if (BytesEqual(word, quotes) != 0) return false;
    for (uint64_t at = BytesEqual(word, delimiters); at != 0; at &= at - 1) {
      cut(i + static_cast<size_t>(absl::countr_zero(at)) / 8);  // little-endian
    }
  }
  for (; i < text.size(); ++i) {
    bytes |= static_cast<unsigned char>(text[i]);
    if (text[i] == '"') return false;
    if (text[i] == delimiter) cut(i);
  }
  cells[count++] = absl::string_view(text.data() + start, text.size() - start);
  if (count > columns) return false;
  cells.resize(count);
  if ((bytes & kHighBits) == 0) return true;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (header.used(static_cast<int>(c)) &&
        !google::protobuf::internal::IsStructurallyValidUTF8(cells[c].data(),
                                                             static_cast<int>(cells[c].size()))) {
      return false;
    }
  }
  return true;
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

CsvHeader::CsvHeader(const std::vector<std::string>& cells) {
  for (const std::string& cell : cells) {
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
  out.reserve(size());
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
  return CsvError("column '", header_.name(column), "': ", why.message());
}

absl::Status NeedColumn(int column, absl::string_view what) {
  if (column >= 0) return absl::OkStatus();
  return CsvError("the header has no ", what, " column");
}

absl::Status NoColumnNorFlag(absl::string_view name) {
  return CsvError("the header has no '", name, "' column and no --", name);
}

void NoteFlag(absl::string_view name, absl::string_view value, CsvReport& report) {
  report.notes.push_back(absl::StrCat(name, " ", value, " for every row (--", name, ")"));
}

namespace {

// Why `cells` cannot be read under `header` whatever the layout, or OK.
absl::Status CheckRecord(const CsvHeader& header, const std::vector<std::string>& cells) {
  for (size_t i = header.size(); i < cells.size(); ++i) {
    if (!absl::StripAsciiWhitespace(cells[i]).empty()) {
      return CsvError("cell ", i + 1, " is beyond the header's ", header.size(), " columns: a ",
                      "value holding the delimiter must be quoted, as in \"1,187.5\"");
    }
  }
  for (int i = 0; i < header.size() && i < static_cast<int>(cells.size()); ++i) {
    // The test protobuf's parser applies to every string field the server receives.
    if (header.used(i) && !google::protobuf::internal::IsStructurallyValidUTF8(cells[i])) {
      return CsvError("column '", header.name(i), "': the text is not UTF-8; save the file ",
                      "as UTF-8");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CsvHeaderRecord> ReadCsvHeaderRecord(CsvBatches& batches, char delimiter) {
  CsvHeaderRecord header;
  CsvBatch batch;
  // A record a batch, so that the rows under the header are all in the batches after it.
  while (batches.Next(1, batch)) {
    CsvRecords records(batch, delimiter);
    if (records.Next(header.cells)) {
      header.line = records.line();
      header.delimiter = records.delimiter();
      return header;
    }
    if (!records.status().ok()) return records.status();
  }
  return CsvError("the file is empty: no header line");
}

absl::Status ReadCsvRows(CsvRecords& records, const CsvHeader& header, bool skip_bad,
                         const std::function<absl::Status(const CsvRow&)>& read_row,
                         CsvReport& report, const PlainRecordReader& read_plain) {
  std::vector<std::string> cells;
  std::vector<absl::string_view> plain;
  absl::string_view text;
  while (records.NextText(text)) {
    if (read_plain && SplitPlainRecord(text, records.delimiter(), header, plain) &&
        read_plain(plain)) {
      ++report.rows;
      continue;
    }
    SplitRecord(text, records.delimiter(), cells);
    absl::Status s = CheckRecord(header, cells);
    if (s.ok()) s = read_row(CsvRow(header, cells));
    if (s.ok()) {
      ++report.rows;
      continue;
    }
    if (!skip_bad) return CsvError("line ", records.line(), ", ", s.message());
    ++report.skipped;
    if (!report.first_bad) report.first_bad = BadRow{records.line(), std::string(s.message())};
  }
  return records.status();
}

void AddRowCounts(const CsvReport& batch, CsvReport& total) {
  total.rows += batch.rows;
  total.skipped += batch.skipped;
  if (!total.first_bad) total.first_bad = batch.first_bad;
}

absl::Status FinishCsvRows(const CsvReport& report, int header_line) {
  if (report.rows == 0 && report.first_bad) {
    return CsvError("no row could be read: ", report.skipped, " bad (first: line ",
                    report.first_bad->line, ", ", report.first_bad->why, ")");
  }
  if (report.rows == 0) {
    return CsvError("line ", header_line, ": the header has no rows under it");
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::import
