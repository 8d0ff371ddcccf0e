#include "core/decimal.h"

#include <cstdlib>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

// 10^38 nanos is safely inside int128 (about 1.7e38): the parser stops well before it.
constexpr int kMaxIntegerDigits = 27;

absl::int128 Pow10(int n) {
  absl::int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Divides rounding half away from zero.
absl::int128 DivRound(absl::int128 num, absl::int128 den) {
  const bool negative = (num < 0) != (den < 0);
  const absl::int128 a = num < 0 ? -num : num;
  const absl::int128 b = den < 0 ? -den : den;
  absl::int128 q = a / b;
  if ((a % b) * 2 >= b) ++q;
  return negative ? -q : q;
}

std::string DigitsOf(absl::uint128 v) {
  if (v == 0) return "0";
  std::string out;
  while (v > 0) {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return out;
}

}  // namespace

absl::StatusOr<Decimal> Decimal::Parse(absl::string_view text) {
  const absl::string_view original = text;
  text = absl::StripAsciiWhitespace(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  absl::int128 value = 0;
  int integer_digits = 0, fraction_digits = 0;
  bool seen_point = false;
  for (char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(absl::StrCat("'", original, "' is not a decimal number"));
    }
    if (seen_point) {
      if (++fraction_digits > kFractionDigits) {
        return absl::InvalidArgumentError(
            absl::StrCat("'", original, "' has more than ", kFractionDigits, " decimal places"));
      }
    } else if (++integer_digits > kMaxIntegerDigits) {
      return absl::InvalidArgumentError(absl::StrCat("'", original, "' is too large"));
    }
    value = value * 10 + (c - '0');
  }
  if (integer_digits + fraction_digits == 0) {
    return absl::InvalidArgumentError(absl::StrCat("'", original, "' is not a decimal number"));
  }
  value *= Pow10(kFractionDigits - fraction_digits);
  return Decimal(negative ? -value : value);
}

absl::StatusOr<Decimal> Decimal::FromUnitsNanos(int64_t units, int32_t nanos) {
  if (nanos <= -kNanosPerUnit || nanos >= kNanosPerUnit) {
    return absl::InvalidArgumentError(
        absl::StrCat("nanos ", nanos, " is outside -999999999..999999999"));
  }
  if ((units > 0 && nanos < 0) || (units < 0 && nanos > 0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("units ", units, " and nanos ", nanos, " have different signs"));
  }
  return Decimal(absl::int128(units) * kNanosPerUnit + nanos);
}

absl::Status Decimal::ToUnitsNanos(int64_t* units, int32_t* nanos) const {
  const absl::int128 u = nanos_ / kNanosPerUnit;
  if (u > std::numeric_limits<int64_t>::max() || u < std::numeric_limits<int64_t>::min()) {
    return absl::OutOfRangeError(absl::StrCat(ToString(), " does not fit in int64 units"));
  }
  *units = static_cast<int64_t>(u);
  *nanos = static_cast<int32_t>(nanos_ % kNanosPerUnit);
  return absl::OkStatus();
}

Decimal Decimal::Rounded(int digits) const {
  if (digits >= kFractionDigits) return *this;
  if (digits < 0) digits = 0;
  const absl::int128 step = Pow10(kFractionDigits - digits);
  return Decimal(DivRound(nanos_, step) * step);
}

std::string Decimal::ToString(int digits) const {
  if (digits < 0) digits = 0;
  if (digits > kFractionDigits) digits = kFractionDigits;
  const absl::int128 scaled = DivRound(nanos_, Pow10(kFractionDigits - digits));
  const bool negative = scaled < 0;
  const absl::uint128 magnitude = static_cast<absl::uint128>(negative ? -scaled : scaled);
  std::string digits_text = DigitsOf(magnitude);
  if (static_cast<int>(digits_text.size()) <= digits) {
    digits_text.insert(0, digits + 1 - digits_text.size(), '0');
  }
  std::string out = negative ? "-" : "";
  out += digits_text.substr(0, digits_text.size() - digits);
  if (digits > 0) out += "." + digits_text.substr(digits_text.size() - digits);
  return out;
}

std::string Decimal::ToString() const {
  std::string s = ToString(kFractionDigits);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

double Decimal::ToDouble() const {
  return static_cast<double>(nanos_) / static_cast<double>(kNanosPerUnit);
}

absl::StatusOr<Decimal> Decimal::Times(const Decimal& other) const {
  // Split the second factor to keep every partial product inside int128.
  const absl::int128 whole = other.nanos_ / kNanosPerUnit;
  const absl::int128 frac = other.nanos_ % kNanosPerUnit;
  const absl::int128 max = std::numeric_limits<absl::int128>::max();
  const absl::int128 mag = nanos_ < 0 ? -nanos_ : nanos_;
  const absl::int128 whole_mag = whole < 0 ? -whole : whole;
  if (mag > max / kNanosPerUnit || (whole_mag != 0 && mag > max / 2 / whole_mag)) {
    return absl::OutOfRangeError("decimal product overflows");
  }
  return Decimal(nanos_ * whole + DivRound(nanos_ * frac, kNanosPerUnit));
}

absl::StatusOr<Decimal> Decimal::DividedBy(const Decimal& other) const {
  if (other.is_zero()) return absl::InvalidArgumentError("division by zero");
  const absl::int128 mag = nanos_ < 0 ? -nanos_ : nanos_;
  if (mag > std::numeric_limits<absl::int128>::max() / kNanosPerUnit) {
    return absl::OutOfRangeError("decimal quotient overflows");
  }
  return Decimal(DivRound(nanos_ * kNanosPerUnit, other.nanos_));
}

double Ratio(Decimal a, Decimal b) {
  return static_cast<double>(a.nanos()) / static_cast<double>(b.nanos());
}

}  // namespace culturetrade
