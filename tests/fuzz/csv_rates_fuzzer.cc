// ReadRatesCsv (ctrade's exchange-rate importer) over arbitrary bytes, then AddRates of what it
// read into an empty list and into itself. The first byte chooses the options, the rest is the
// file:
//   bits 0-1  delimiter: detect, `,`, `;`, tab
//   bits 2-3  --base/--quote: neither, --base EUR, --quote USD, both
//   bit  4    --skip-bad
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "core/decimal.h"
#include "import/rate_csv.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace culturetrade;
  using namespace culturetrade::import;
  if (size < 1) return 0;
  static constexpr char kDelimiters[] = {0, ',', ';', '\t'};
  RateCsvOptions options;
  options.delimiter = kDelimiters[data[0] & 3];
  if (data[0] & 4) options.base = "EUR";
  if (data[0] & 8) options.quote = "USD";
  options.skip_bad = (data[0] & 16) != 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  absl::StatusOr<RateCsv> csv = ReadRatesCsv(in, options);
  if (!csv.ok()) {
    FUZZ_CHECK(csv.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  for (const v1::ExchangeRate& r : csv->rates) {
    // Every rate read is a positive decimal of a pair of codes, for a year, month or day.
    absl::StatusOr<Decimal> rate = Decimal::Parse(r.rate());
    FUZZ_CHECK(rate.ok() && rate->is_positive());
    FUZZ_CHECK(r.base_currency_code().size() == 3 && r.quote_currency_code().size() == 3);
    FUZZ_CHECK(r.period().year() >= 1900 && r.period().year() <= 2100);
    FUZZ_CHECK(r.period().quarter() == 0);
    FUZZ_CHECK(r.period().day() == 0 || r.period().month() != 0);
  }
  google::protobuf::RepeatedPtrField<v1::ExchangeRate> rates;
  const absl::Status first = AddRates(csv->rates, rates);
  if (first.ok()) {
    // Adding the same rates again changes nothing and is no conflict.
    const int held = rates.size();
    FUZZ_CHECK(AddRates(csv->rates, rates).ok());
    FUZZ_CHECK(rates.size() == held);
  }
  for (const v1::ExchangeRate& r : csv->rates) (void)IsBlankRate(r.rate());
  return 0;
}
