#include "import/flow_csv.h"

#include "absl/status/status.h"
#include "import/csv_batches.h"
#include "import/csv_table.h"

namespace culturetrade::import {

absl::StatusOr<FlowCsv> ReadFlowsCsv(std::istream& in, const FlowCsvDefaults& defaults) {
  FlowCsv out;
  CsvBatches batches(in);
  absl::StatusOr<FlowTable> table = OpenFlowTable(batches, defaults, out.report);
  if (!table.ok()) return table.status();
  if (absl::Status s = table->ReadAll(batches, out.flows, out.report); !s.ok()) return s;
  return out;
}

}  // namespace culturetrade::import
