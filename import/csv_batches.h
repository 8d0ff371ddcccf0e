// A CSV stream cut into batches of whole records, so that a file of any size is read a bounded
// piece at a time and the pieces can be parsed on several threads. A record ends at a line end
// outside double quotes, that is one with an even number of quotes before it in the stream, as
// CsvRecords (csv_reader.h) reads records; finding those line ends is one pass over the bytes,
// without parsing them.
#ifndef CULTURETRADE_IMPORT_CSV_BATCHES_H_
#define CULTURETRADE_IMPORT_CSV_BATCHES_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>

#include "absl/status/status.h"

namespace culturetrade::import {

struct CsvBatch {
  std::string text;     // whole records; the stream's last line may lack its line end
  int first_line = 1;   // the line `text` starts on, counting from 1
  int64_t end = 0;      // the bytes of the stream up to the end of `text`
  absl::Status status;  // not OK: why the stream cannot be read past `text`
};

class CsvBatches {
 public:
  // No table has a record this long; holding one would take memory without bound, so it ends
  // the read (it is a quoted field that never closes, or not a table at all).
  static constexpr size_t kMaxRecordBytes = size_t{8} << 20;

  // Reads `in`, which must outlive this; a batch ends at the first record end past
  // `max_bytes`, if not before.
  explicit CsvBatches(std::istream& in, size_t max_bytes = size_t{1} << 20)
      : in_(in), max_bytes_(max_bytes) {}

  // The next batch, of at most `max_records` records (a blank line counts as one); false at
  // the end of the stream. A batch whose status is not OK is the last.
  bool Next(int max_records, CsvBatch& batch);
  // The bytes of the stream in the batches so far.
  int64_t end() const { return end_; }

 private:
  // Reads more of the stream into `buffer_`; false at its end.
  bool Fill();
  // Ends the batches with the first `size` bytes of `buffer_`, holding `lines` line ends, and
  // the error of the record after them, which is too long (and still in a quoted field).
  bool Fail(size_t size, int lines, bool quoted, CsvBatch& batch);
  // Makes the first `size` bytes of `buffer_`, holding `lines` line ends, the batch.
  void Cut(size_t size, int lines, CsvBatch& batch);

  std::istream& in_;
  const size_t max_bytes_;
  std::string buffer_;  // read, not yet in a batch; starts at a record
  int next_line_ = 1;
  int64_t end_ = 0;
  bool failed_ = false;
};

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CSV_BATCHES_H_
