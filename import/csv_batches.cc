#include "import/csv_batches.h"

#include <algorithm>

#include "import/csv_error.h"

namespace culturetrade::import {
namespace {

constexpr size_t kReadBytes = size_t{64} << 10;

absl::Status RecordTooLong(int line, bool quoted) {
  const size_t mib = CsvBatches::kMaxRecordBytes >> 20;
  if (quoted) {
    return CsvError("line ", line, ": a quoted field opens here and runs on for more than ", mib,
                    " MiB; a quote inside a value is written twice (\"\")");
  }
  return CsvError("line ", line, ": the record is longer than ", mib,
                  " MiB, which no table row is");
}

}  // namespace

bool CsvBatches::Next(int max_records, CsvBatch& batch) {
  if (failed_) return false;
  batch.status = absl::OkStatus();
  size_t scanned = 0, cut = 0;  // cut: the end of the last whole record
  int lines = 0, cut_lines = 0, records = 0;
  bool quoted = false;  // inside a quoted field at `scanned`
  for (;;) {
    while (scanned < buffer_.size()) {
      const size_t eol = buffer_.find('\n', scanned);
      const size_t stop = eol == std::string::npos ? buffer_.size() : eol;
      quoted ^= std::count(buffer_.begin() + scanned, buffer_.begin() + stop, '"') % 2 == 1;
      scanned = stop;
      if (eol == std::string::npos) break;
      ++scanned;
      ++lines;
      if (quoted) continue;
      if (scanned - cut > kMaxRecordBytes) return Fail(cut, cut_lines, false, batch);
      cut = scanned;
      cut_lines = lines;
      if (++records >= max_records || cut >= max_bytes_) {
        Cut(cut, cut_lines, batch);
        return true;
      }
    }
    // The records before the long one are read first: one of them may be the first error.
    if (scanned - cut > kMaxRecordBytes) return Fail(cut, cut_lines, quoted, batch);
    if (!Fill()) break;
  }
  if (buffer_.empty()) return false;
  Cut(buffer_.size(), lines, batch);
  return true;
}

bool CsvBatches::Fail(size_t size, int lines, bool quoted, CsvBatch& batch) {
  batch.status = RecordTooLong(next_line_ + lines, quoted);
  failed_ = true;
  Cut(size, lines, batch);
  return true;
}

bool CsvBatches::Fill() {
  const size_t size = buffer_.size();
  buffer_.resize(size + kReadBytes);
  in_.read(&buffer_[size], static_cast<std::streamsize>(kReadBytes));
  const auto got = static_cast<size_t>(in_.gcount());
  buffer_.resize(size + got);
  return got > 0;
}

void CsvBatches::Cut(size_t size, int lines, CsvBatch& batch) {
  batch.text.assign(buffer_, 0, size);
  buffer_.erase(0, size);
  batch.first_line = next_line_;
  next_line_ += lines;
  end_ += static_cast<int64_t>(size);
  batch.end = end_;
}

}  // namespace culturetrade::import
