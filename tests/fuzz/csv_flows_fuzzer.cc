// ReadFlowsCsv (ctrade's flow importer) over arbitrary bytes. The first byte chooses the
// options, the rest is the file:
//   bits 0-2  layout: auto, long, wide, comtrade, baci (5-7: auto again)
//   bits 3-4  delimiter: detect, `,`, `;`, tab
//   bits 5-6  --scale: unset, thousands, millions, units
//   bit  7    --skip-bad, and the flags standing in for missing columns
//             (--reporter CHN --partner KOR --product TV_DRAMAS --currency CNY --classification hs)
// Any error is fine; a crash, a sanitizer report or a broken promise below is not.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "import/flow_csv.h"
#include "tests/fuzz/fuzz_check.h"

namespace culturetrade::import {
namespace {

FlowCsvDefaults DefaultsFrom(uint8_t b) {
  static constexpr FlowLayout kLayouts[] = {
      FlowLayout::kAuto, FlowLayout::kLong, FlowLayout::kWide, FlowLayout::kComtrade,
      FlowLayout::kBaci, FlowLayout::kAuto, FlowLayout::kAuto, FlowLayout::kAuto};
  static constexpr char kDelimiters[] = {0, ',', ';', '\t'};
  FlowCsvDefaults d;
  d.layout = kLayouts[b & 7];
  d.delimiter = kDelimiters[(b >> 3) & 3];
  switch ((b >> 5) & 3) {
    case 1: d.scale_exponent = 3; break;
    case 2: d.scale_exponent = 6; break;
    case 3: d.scale_exponent = 0; break;
    default: break;
  }
  if (b & 0x80) {
    d.skip_bad = true;
    d.reporter = "CHN";
    d.partner = "KOR";
    d.product = "TV_DRAMAS";
    d.currency = "CNY";
    d.classification = v1::CLASSIFICATION_HS;
  }
  return d;
}

}  // namespace
}  // namespace culturetrade::import

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace culturetrade::import;
  if (size < 1) return 0;
  const FlowCsvDefaults defaults = DefaultsFrom(data[0]);
  std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  absl::StatusOr<FlowCsv> csv = ReadFlowsCsv(in, defaults);
  if (!csv.ok()) {
    FUZZ_CHECK(csv.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  // What the importer hands the server: a year in range, a direction, a value in a currency.
  FUZZ_CHECK(csv->report.rows > 0 || csv->flows.empty());
  for (const culturetrade::v1::TradeFlow& f : csv->flows) {
    FUZZ_CHECK(f.period().year() >= 1900 && f.period().year() <= 2100);
    FUZZ_CHECK(f.period().month() >= 0 && f.period().month() <= 12);
    FUZZ_CHECK(f.period().quarter() >= 0 && f.period().quarter() <= 4);
    FUZZ_CHECK(f.period().month() == 0 || f.period().quarter() == 0);
    FUZZ_CHECK(f.period().day() == 0);
    FUZZ_CHECK(f.direction() != culturetrade::v1::FLOW_DIRECTION_UNSPECIFIED);
    FUZZ_CHECK(f.value().currency_code().size() == 3);
    FUZZ_CHECK(f.value().units() >= 0 && f.value().nanos() >= 0);
    FUZZ_CHECK(!f.product().code().empty());
    FUZZ_CHECK(f.reporter().size() == 3 && f.partner().size() == 3);
  }
  return 0;
}
