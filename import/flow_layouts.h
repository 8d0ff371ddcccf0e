// The layouts a trade-flow CSV file may have, and the reader of each, chosen by --layout or
// told apart by the header:
//   long      one row per flow: reporter, partner, product, classification, direction (or
//             flow), period (or date or year, with month or quarter columns), value, currency,
//             status, source.
//   wide      one row per period, as statistical offices publish them: a period column
//             (period, month, year or date) and an export column (exports, export, X) and an
//             import column (imports, import, M); an empty cell is no flow.
//   comtrade  UN Comtrade: period or refYear/refMonth, reporterISO (or reporterCode),
//             partnerISO (or partnerCode), flowCode, classificationCode, cmdCode,
//             primaryValue in US dollars, isReported.
//   baci      CEPII BACI: t year, i exporter and j importer (ISO numeric), k HS6 product,
//             v thousands of current US dollars, q metric tons; each row an export of i to j.
// Columns a file lacks come from the defaults (the command's flags). The readers of long and
// wide are in long_wide_layouts.cc, those of comtrade and baci in comtrade_layout.cc and
// baci_layout.cc.
#ifndef CULTURETRADE_IMPORT_FLOW_LAYOUTS_H_
#define CULTURETRADE_IMPORT_FLOW_LAYOUTS_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "import/csv_batches.h"
#include "import/csv_reader.h"
#include "import/csv_table.h"

namespace culturetrade::import {

struct FlowCsvDefaults;  // flow_csv.h

enum class FlowLayout { kAuto, kLong, kWide, kComtrade, kBaci };
// "auto", "long", "wide", "comtrade" or "baci".
absl::StatusOr<FlowLayout> ParseFlowLayout(const std::string& name);

class PlainFlowRows;  // plain_flow_rows.h

// Reads the flows of one record in one layout.
class FlowRowReader : public CsvRowReader<v1::TradeFlow> {
 public:
  // A reader of the plain records of one batch straight into blocks, giving the flows that
  // Read gives; null when the layout has none (Read reads every record).
  virtual std::unique_ptr<PlainFlowRows> PlainRows() const;
};
using FlowRowReaderOr = absl::StatusOr<std::unique_ptr<FlowRowReader>>;
// A flow CSV stream's table.
using FlowTable = CsvTable<v1::TradeFlow, FlowRowReader>;

// The reader of the layout `defaults` names, or else the one the header fits, having claimed
// its columns; `report` gets the layout and the notes of the flags standing in for columns.
FlowRowReaderOr MakeFlowRowReader(CsvHeader& header, const FlowCsvDefaults& defaults,
                                  CsvReport& report);

// The table of a flow CSV stream: its header, read from `batches`, and the reader that
// MakeFlowRowReader makes for it. ReadFlowsCsv reads its rows one batch after the other,
// FlowCsvBlocks on several threads.
absl::StatusOr<FlowTable> OpenFlowTable(CsvBatches& batches, const FlowCsvDefaults& defaults,
                                        CsvReport& report);

// The reader of each layout, having claimed the header's columns (or said which it lacks) and
// noted in `report` what the flags stand in for.
FlowRowReaderOr MakeLongLayout(CsvHeader& header, const FlowCsvDefaults& defaults,
                               CsvReport& report);
FlowRowReaderOr MakeWideLayout(CsvHeader& header, const FlowCsvDefaults& defaults,
                               CsvReport& report);
FlowRowReaderOr MakeComtradeLayout(CsvHeader& header, const FlowCsvDefaults& defaults,
                                   CsvReport& report);
FlowRowReaderOr MakeBaciLayout(CsvHeader& header, const FlowCsvDefaults& defaults,
                               CsvReport& report);

// A new `Layout`, a FlowRowReader whose Claim(header, defaults, report) claims its columns,
// or the error that Claim returns.
template <typename Layout>
FlowRowReaderOr MakeLayout(CsvHeader& header, const FlowCsvDefaults& defaults, CsvReport& report) {
  auto layout = std::make_unique<Layout>();
  if (absl::Status s = layout->Claim(header, defaults, report); !s.ok()) return s;
  return std::unique_ptr<FlowRowReader>(std::move(layout));
}

// Comtrade and BACI state their currency and unit (10^scale US dollars), so a flag saying
// otherwise is a mistake, named with `what`, the value column; else `report` gets `note`,
// saying what the unit is.
absl::Status ClaimFixedUnit(const FlowCsvDefaults& defaults, int scale, absl::string_view what,
                            const std::string& note, CsvReport& report);

// The value of the row's `column` in such a unit, 10^scale US dollars, as `flow`'s value.
absl::Status ReadUsdValue(const CsvRow& row, int column, int scale, v1::TradeFlow& flow);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_FLOW_LAYOUTS_H_
