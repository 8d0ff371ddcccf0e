// Reads trade flows from the CSV files analysts bring, in any of the layouts of
// flow_layouts.h, with the reading rules the exchange-rate importer (rate_csv.h) shares:
// records and headers (csv_reader.h), cells (csv_cells.h), periods (csv_periods.h). Columns a
// file lacks come from the defaults (the command's flags). A bad cell is an error naming its
// line and column, or, with skip_bad, a row skipped and counted.
#ifndef CULTURETRADE_IMPORT_FLOW_CSV_H_
#define CULTURETRADE_IMPORT_FLOW_CSV_H_

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "import/csv_cells.h"
#include "import/csv_periods.h"
#include "import/csv_reader.h"
#include "import/direction.h"
#include "import/flow_fields.h"
#include "import/flow_layouts.h"
#include "import/numeric_country_codes.h"
#include "import/scale.h"
#include "import/value_status.h"

namespace culturetrade::import {

struct FlowCsvDefaults {
  std::string reporter;
  std::string partner;
  std::string product;
  v1::Classification classification = v1::CLASSIFICATION_UNSPECIFIED;  // free when unset
  std::string currency;
  std::optional<int> scale_exponent;  // values in 10^scale_exponent units; units when unset
  char delimiter = 0;                 // 0: detect `,` `;` or tab from the header line
  FlowLayout layout = FlowLayout::kAuto;
  bool skip_bad = false;
};

struct FlowCsv {
  std::vector<v1::TradeFlow> flows;
  CsvReport report;
};

absl::StatusOr<FlowCsv> ReadFlowsCsv(std::istream& in, const FlowCsvDefaults& defaults);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_FLOW_CSV_H_
