// Reads trade flows from the CSV files analysts bring, in any of the layouts of
// flow_layouts.h, with the reading rules the exchange-rate importer (rate_csv.h) shares:
// records and headers (csv_reader.h), cells (csv_cells.h), periods (csv_periods.h). Columns a
// file lacks come from the defaults (the command's flags). A bad cell is an error naming its
// line and column, or, with skip_bad, a row skipped and counted.
#ifndef CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_
#define CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/ctrade/csv_cells.h"
#include "client/ctrade/csv_periods.h"
#include "client/ctrade/csv_reader.h"
#include "client/ctrade/flow_fields.h"
#include "client/ctrade/flow_layouts.h"
#include "client/ctrade/numeric_country_codes.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::ctrade {

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

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_
