#include "import/csv_reader.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/stubs/common.h"

namespace culturetrade::import {
namespace {

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
    bool open = std::count(line.begin(), line.end(), '"') % 2 == 1;
    while (open && std::getline(in_, more)) {
      ++lines_read_;
      StripCarriageReturn(more);
      absl::StrAppend(&line, "\n", more);
      open = std::count(line.begin(), line.end(), '"') % 2 == 1;
    }
    // Read as a record, it would swallow every line after it without a word.
    if (open) {
      status_ = CsvError("line ", line_, ": a quoted field opens here and never closes; a ",
                         "quote inside a value is written twice (\"\")");
      return false;
    }
    if (delimiter_ == 0) delimiter_ = DetectDelimiter(line);
    cells = SplitCsvLine(line, delimiter_);
    return true;
  }
  return false;
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

absl::Status ReadCsvRows(CsvRecords& records, const CsvHeader& header, bool skip_bad,
                         const std::function<absl::Status(const CsvRow&)>& read_row,
                         CsvReport& report) {
  std::vector<std::string> cells;
  while (records.Next(cells)) {
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
  if (!records.status().ok()) return records.status();
  if (report.rows == 0 && report.first_bad) {
    return CsvError("no row could be read: ", report.skipped, " bad (first: line ",
                    report.first_bad->line, ", ", report.first_bad->why, ")");
  }
  if (report.rows == 0) {
    return CsvError("line ", records.line(), ": the header has no rows under it");
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::import
