// Writes flows as `ctrade datasets export` streams them, one row or line a flow as the blocks
// arrive: CSV in the long layout that `ctrade datasets create --csv` reads back, or JSON lines
// with the same fields. Values are exact decimal strings, never binary floating point.
#ifndef CULTURETRADE_CLIENT_CTRADE_FLOW_WRITER_H_
#define CULTURETRADE_CLIENT_CTRADE_FLOW_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "culturetrade/v1/flow_block.pb.h"

namespace culturetrade::ctrade {

enum class ExportFormat { kCsv, kJsonLines };

// "csv" or "jsonl".
absl::StatusOr<ExportFormat> ParseExportFormat(const std::string& name);

class FlowWriter {
 public:
  // A CSV writer starts with the header line.
  FlowWriter(ExportFormat format, std::ostream& out);

  // Writes every flow of `block`; fails on a block whose columns do not fit together.
  absl::Status Write(const v1::FlowBlock& block);
  int64_t flows() const { return flows_; }

 private:
  ExportFormat format_;
  std::ostream& out_;
  int64_t flows_ = 0;
};

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_FLOW_WRITER_H_
