// Exact decimal amounts for money and rates.
//
// A Decimal is a fixed-point number with nine fractional digits held in a 128-bit integer, the
// same resolution as google.type.Money's nanos. Addition and subtraction are exact; values
// only become binary floating point when a ratio is taken for presentation.
#ifndef CULTURETRADE_CORE_DECIMAL_H_
#define CULTURETRADE_CORE_DECIMAL_H_

#include <cstdint>
#include <string>

#include "absl/numeric/int128.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace culturetrade {

class Decimal {
 public:
  static constexpr int kFractionDigits = 9;
  static constexpr int64_t kNanosPerUnit = 1000000000;

  constexpr Decimal() = default;

  // Parses `[+-]digits[.digits]` with at most nine fractional digits and no exponent.
  static absl::StatusOr<Decimal> Parse(absl::string_view text);
  // From google.type.Money-style parts; the signs of units and nanos must agree.
  static absl::StatusOr<Decimal> FromUnitsNanos(int64_t units, int32_t nanos);
  static constexpr Decimal FromNanos(absl::int128 nanos) { return Decimal(nanos); }
  static Decimal FromUnits(int64_t units) { return Decimal(absl::int128(units) * kNanosPerUnit); }

  // Whole units and nanos with agreeing signs; fails when the units overflow int64.
  absl::Status ToUnitsNanos(int64_t* units, int32_t* nanos) const;
  // Plain decimal notation with exactly `digits` fractional digits, rounded half away from zero.
  std::string ToString(int digits) const;
  // Shortest plain notation that is exact: trailing zeros dropped.
  std::string ToString() const;
  double ToDouble() const;

  absl::int128 nanos() const { return nanos_; }
  bool is_zero() const { return nanos_ == 0; }
  bool is_negative() const { return nanos_ < 0; }
  bool is_positive() const { return nanos_ > 0; }

  // The product rounded half away from zero to nine digits; fails on overflow.
  absl::StatusOr<Decimal> Times(const Decimal& other) const;
  // The quotient rounded half away from zero to nine digits; fails on a zero divisor.
  absl::StatusOr<Decimal> DividedBy(const Decimal& other) const;
  // Rounded half away from zero to `digits` fractional digits (0 to 9).
  Decimal Rounded(int digits) const;

  friend Decimal operator+(Decimal a, Decimal b) { return Decimal(a.nanos_ + b.nanos_); }
  friend Decimal operator-(Decimal a, Decimal b) { return Decimal(a.nanos_ - b.nanos_); }
  Decimal& operator+=(Decimal b) {
    nanos_ += b.nanos_;
    return *this;
  }
  friend bool operator==(Decimal a, Decimal b) { return a.nanos_ == b.nanos_; }
  friend bool operator!=(Decimal a, Decimal b) { return a.nanos_ != b.nanos_; }
  friend bool operator<(Decimal a, Decimal b) { return a.nanos_ < b.nanos_; }
  friend bool operator>(Decimal a, Decimal b) { return a.nanos_ > b.nanos_; }
  friend bool operator<=(Decimal a, Decimal b) { return a.nanos_ <= b.nanos_; }
  friend bool operator>=(Decimal a, Decimal b) { return a.nanos_ >= b.nanos_; }

 private:
  explicit constexpr Decimal(absl::int128 nanos) : nanos_(nanos) {}
  absl::int128 nanos_ = 0;
};

// a / b as a double, for ratios and growth factors; b must not be zero.
double Ratio(Decimal a, Decimal b);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_DECIMAL_H_
