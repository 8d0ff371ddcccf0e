#include "import/flow_csv.h"

#include "absl/status/status.h"

namespace culturetrade::import {

absl::StatusOr<FlowCsv> ReadFlowsCsv(std::istream& in, const FlowCsvDefaults& defaults) {
  FlowCsv out;
  const auto make_reader = [&defaults](CsvHeader& header, CsvReport& report) {
    return MakeFlowRowReader(header, defaults, report);
  };
  const absl::Status s =
      ReadCsvTable(in, defaults.delimiter, defaults.skip_bad, make_reader, out.flows, out.report);
  if (!s.ok()) return s;
  return out;
}

}  // namespace culturetrade::import
