// Reads trade flows from a long-layout CSV file: one row per flow, columns found by header.
//
// Recognised headers (case-insensitive): reporter, partner, product, classification,
// direction (export/import/re-export/re-import or X/M/RX/RM), year or period (2010, 2010-01,
// 2010Q1), month, quarter, value, currency, status (reported/derived/estimated), source.
// Columns a file lacks come from the defaults. A bad cell is an error naming its line and column.
#ifndef CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_
#define CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_

#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::ctrade {

struct FlowCsvDefaults {
  std::string reporter;
  std::string partner;
  std::string product;
  v1::Classification classification = v1::CLASSIFICATION_FREE;
  std::string currency;
  int scale_exponent = 0;  // values are in 10^scale_exponent units (6 for millions)
  char delimiter = 0;      // 0: detect `,` `;` or tab from the header line
};

absl::StatusOr<std::vector<v1::TradeFlow>> ReadFlowsCsv(std::istream& in,
                                                        const FlowCsvDefaults& defaults);

// Splits one CSV record on `delimiter`, honouring double quotes ("" is a literal quote).
std::vector<std::string> SplitCsvLine(const std::string& line, char delimiter);

// "units", "thousands", "millions" or "billions" as a power of ten.
absl::StatusOr<int> ScaleExponent(const std::string& name);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_FLOW_CSV_H_
