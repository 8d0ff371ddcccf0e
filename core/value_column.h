// A column of exact amounts in eight bytes each instead of a Decimal's sixteen.
//
// Amounts are held as int64 counts of 10^-scale units, with one scale (0 to 9 decimal places)
// for the whole column: the fewest places that keep every amount exact. An amount that needs
// more places rescales the column; when some amount does not fit an int64 at the scale it
// needs, the column falls back to int128 nanos for good. Trade values in cents fit an int64 up
// to 92 quadrillion units, so the fallback is for odd data, never the common case.
#ifndef CULTURETRADE_CORE_VALUE_COLUMN_H_
#define CULTURETRADE_CORE_VALUE_COLUMN_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/types/span.h"
#include "core/decimal.h"

namespace culturetrade {

class ValueColumn {
 public:
  void Reserve(size_t n);
  void Append(absl::Span<const Decimal> values);
  void Append(Decimal value) { Append(absl::MakeConstSpan(&value, 1)); }
  void Set(size_t i, Decimal value);
  // Gives back the capacity that growth left unused.
  void ShrinkToFit();

  size_t size() const { return wide_ ? wide_nanos_.size() : counts_.size(); }
  // Decimal places of the counts; meaningless once wide.
  int scale() const { return scale_; }
  bool wide() const { return wide_; }
  absl::int128 nanos(size_t i) const {
    return wide_ ? wide_nanos_[i] : absl::int128{counts_[i]} * unit_nanos_;
  }
  // For hot loops: calls f(values, unit_nanos) with the int64 counts and the nanos in one count,
  // or with the int128 nanos and 1 once wide. Sums of counts times the unit are exact sums of
  // nanos, so a loop can add counts and multiply once at the end.
  template <typename F>
  decltype(auto) Visit(F&& f) const {
    return wide_ ? f(wide_nanos_.data(), int64_t{1}) : f(counts_.data(), unit_nanos_);
  }
  // Bytes held, spare capacity included.
  size_t bytes() const {
    return counts_.capacity() * sizeof(int64_t) + wide_nanos_.capacity() * sizeof(absl::int128);
  }

 private:
  // Called when `nanos` has no count at the column's scale: rescales to the places it needs, or
  // widens when it has as many places as it needs already (and so does not fit an int64).
  void MakeRoomFor(absl::int128 nanos);
  // Multiplies every count so that the column has `scale` places, or widens it when a count
  // would overflow.
  void Rescale(int scale);
  void Widen();

  int scale_ = 0;
  int64_t unit_nanos_ = Decimal::kNanosPerUnit;  // 10^(9 - scale_)
  bool wide_ = false;
  std::vector<int64_t> counts_;
  std::vector<absl::int128> wide_nanos_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_VALUE_COLUMN_H_
