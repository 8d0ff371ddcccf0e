// Decimal::Parse and the arithmetic of core/decimal.h. The input is one or two decimals split
// at the first newline; the first byte of the second part (when there is one) also picks a
// number of digits for ToString(digits) and Rounded. Checked:
//   - ToString() re-parses to the same value, and ToString(9) too;
//   - ToString(d) re-parses to Rounded(d);
//   - units and nanos round-trip when they fit;
//   - Times and DividedBy return a value or an error, never crash, and agree on easy cases.
// ctrade's ParseCsvNumber (`1,187.5`) is run on each part too: what it accepts, Parse reads.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "core/decimal.h"
#include "import/csv_cells.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using culturetrade::Decimal;

void CheckOne(const Decimal& d, int digits) {
  absl::StatusOr<Decimal> again = Decimal::Parse(d.ToString());
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == d);
  absl::StatusOr<Decimal> nine = Decimal::Parse(d.ToString(Decimal::kFractionDigits));
  FUZZ_CHECK(nine.ok() && *nine == d);
  // Rounding 999...9.5 up may carry into a 28th integer digit, more than Parse reads.
  absl::StatusOr<Decimal> rounded = Decimal::Parse(d.ToString(digits));
  if (rounded.ok()) {
    FUZZ_CHECK(*rounded == d.Rounded(digits));
  } else {
    const absl::int128 limit =
        absl::int128(Decimal::kNanosPerUnit) * 1000000000 * 1000000000 * 1000000000;  // 10^27 units
    const absl::int128 n = d.Rounded(digits).nanos();
    FUZZ_CHECK(n >= limit || n <= -limit);
  }
  int64_t units = 0;
  int32_t nanos = 0;
  if (d.ToUnitsNanos(&units, &nanos).ok()) {
    absl::StatusOr<Decimal> back = Decimal::FromUnitsNanos(units, nanos);
    FUZZ_CHECK(back.ok() && *back == d);
  }
  (void)d.ToDouble();
  // x * 1 == x and x / 1 == x.
  absl::StatusOr<Decimal> times_one = d.Times(Decimal::FromUnits(1));
  if (times_one.ok()) FUZZ_CHECK(*times_one == d);
  absl::StatusOr<Decimal> over_one = d.DividedBy(Decimal::FromUnits(1));
  if (over_one.ok()) FUZZ_CHECK(*over_one == d);
}

void CheckNumber(absl::string_view text) {
  absl::StatusOr<std::string> plain = culturetrade::import::ParseCsvNumber(text);
  if (plain.ok()) FUZZ_CHECK(Decimal::Parse(*plain).ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const absl::string_view first = input.substr(0, newline);
  const absl::string_view second =
      newline == absl::string_view::npos ? absl::string_view() : input.substr(newline + 1);
  const int digits = second.empty() ? 2 : static_cast<unsigned char>(second[0]) % 12 - 1;

  CheckNumber(first);
  if (!second.empty()) CheckNumber(second);
  absl::StatusOr<Decimal> a = Decimal::Parse(first);
  if (a.ok()) CheckOne(*a, digits);
  absl::StatusOr<Decimal> b = Decimal::Parse(second);
  if (b.ok()) CheckOne(*b, digits);
  if (!a.ok() || !b.ok()) return 0;

  absl::StatusOr<Decimal> product = a->Times(*b);
  absl::StatusOr<Decimal> reverse = b->Times(*a);
  if (product.ok()) (void)product->ToString();
  if (reverse.ok()) (void)reverse->ToString();
  absl::StatusOr<Decimal> quotient = a->DividedBy(*b);
  FUZZ_CHECK(quotient.ok() || !b->is_zero() ||
             quotient.status().code() == absl::StatusCode::kInvalidArgument);
  if (quotient.ok()) (void)quotient->ToString(digits);
  absl::StatusOr<Decimal> inverse = b->DividedBy(*a);
  if (inverse.ok()) (void)inverse->ToString();
  if (!b->is_zero()) (void)culturetrade::Ratio(*a, *b);
  // Sums of two parsed values stay far inside int128 (Parse stops below 10^27 units).
  const Decimal sum = *a + *b;
  FUZZ_CHECK(sum - *b == *a);
  return 0;
}
