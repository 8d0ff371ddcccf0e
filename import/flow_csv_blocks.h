// Reads a flow CSV (any layout of flow_layouts.h, the same rules as ReadFlowsCsv) as a stream
// of columnar blocks, so that a file of any size is read in the memory of a few blocks. Lines
// are parsed on several threads, and blocks come out in file order. Errors name the line and
// column exactly as ReadFlowsCsv does; with skip_bad, bad rows are skipped and counted.
#ifndef CULTURETRADE_IMPORT_FLOW_CSV_BLOCKS_H_
#define CULTURETRADE_IMPORT_FLOW_CSV_BLOCKS_H_

#include <cstdint>
#include <istream>
#include <memory>

#include "absl/status/statusor.h"
#include "culturetrade/v1/flow_block.pb.h"
#include "import/csv_reader.h"
#include "import/flow_csv.h"

namespace culturetrade::import {

struct BlockReadOptions {
  int threads = 0;  // 0: one per core
  int flows_per_block = 8192;
};

class FlowCsvBlocks {
 public:
  // Reads `in`, which must outlive the reader.
  static absl::StatusOr<std::unique_ptr<FlowCsvBlocks>> Open(std::istream& in,
                                                             const FlowCsvDefaults& defaults,
                                                             BlockReadOptions options = {});
  virtual ~FlowCsvBlocks() = default;
  // The next block (never empty) and true, or false at the end of the file.
  virtual absl::StatusOr<bool> Next(v1::FlowBlock& block) = 0;
  // What was read so far: the layout, columns, notes, rows and skipped rows.
  virtual const CsvReport& report() const = 0;
  // Bytes of the input consumed so far, for a progress bar.
  virtual int64_t bytes_read() const = 0;
};

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_FLOW_CSV_BLOCKS_H_
