#include "core/value_column.h"

#include <array>
#include <limits>
#include <optional>
#include <utility>

namespace culturetrade {
namespace {

constexpr int kMaxScale = Decimal::kFractionDigits;

constexpr int64_t Pow10(int n) { return n == 0 ? 1 : 10 * Pow10(n - 1); }

bool FitsInt64(absl::int128 n) {
  return n >= std::numeric_limits<int64_t>::min() && n <= std::numeric_limits<int64_t>::max();
}

// The fewest decimal places that hold `nanos` exactly.
int PlacesOf(absl::int128 nanos) {
  int places = 0;
  while (places < kMaxScale && nanos % Pow10(kMaxScale - places) != 0) ++places;
  return places;
}

// How many `unit`s make `nanos`, when that is a whole number within an int64. Amounts that fit
// an int64 of nanos, nearly all, take the 64-bit division.
inline std::optional<int64_t> CountOf(absl::int128 nanos, int64_t unit) {
  if (FitsInt64(nanos)) {
    const auto n = static_cast<int64_t>(nanos);
    if (n % unit != 0) return std::nullopt;
    return n / unit;
  }
  if (nanos % unit != 0 || !FitsInt64(nanos / unit)) return std::nullopt;
  return static_cast<int64_t>(nanos / unit);
}

// Appends the counts of `values` in units of kUnit nanos up to the first value that has none;
// returns how many it appended. The unit is a constant so that dividing by it costs a
// multiplication, which is what makes appending a block fast.
template <int64_t kUnit>
size_t AppendCounts(absl::Span<const Decimal> values, std::vector<int64_t>& counts) {
  const size_t start = counts.size();
  counts.resize(start + values.size());  // grows geometrically
  int64_t* out = counts.data() + start;
  size_t i = 0;
  for (; i < values.size(); ++i) {
    const std::optional<int64_t> count = CountOf(values[i].nanos(), kUnit);
    if (!count) break;
    out[i] = *count;
  }
  counts.resize(start + i);
  return i;
}

template <int64_t kUnit>
std::optional<int64_t> CountAt(absl::int128 nanos) {
  return CountOf(nanos, kUnit);
}

// Both kernels for each scale, with its unit a constant.
struct ScaleFns {
  size_t (*append)(absl::Span<const Decimal>, std::vector<int64_t>&);
  std::optional<int64_t> (*count)(absl::int128);
};

template <size_t... kScales>
constexpr std::array<ScaleFns, sizeof...(kScales)> MakeScaleFns(std::index_sequence<kScales...>) {
  return {ScaleFns{&AppendCounts<Pow10(kMaxScale - static_cast<int>(kScales))>,
                   &CountAt<Pow10(kMaxScale - static_cast<int>(kScales))>}...};
}

constexpr std::array<ScaleFns, kMaxScale + 1> kAtScale =
    MakeScaleFns(std::make_index_sequence<kMaxScale + 1>());

}  // namespace

void ValueColumn::Reserve(size_t n) {
  if (wide_) {
    wide_nanos_.reserve(n);
  } else {
    counts_.reserve(n);
  }
}

void ValueColumn::Append(absl::Span<const Decimal> values) {
  while (!wide_ && !values.empty()) {
    values.remove_prefix(kAtScale[scale_].append(values, counts_));
    if (!values.empty()) MakeRoomFor(values.front().nanos());
  }
  for (const Decimal& v : values) wide_nanos_.push_back(v.nanos());
}

void ValueColumn::Set(size_t i, Decimal value) {
  const absl::int128 nanos = value.nanos();
  while (!wide_) {
    if (const std::optional<int64_t> count = kAtScale[scale_].count(nanos)) {
      counts_[i] = *count;
      return;
    }
    MakeRoomFor(nanos);
  }
  wide_nanos_[i] = nanos;
}

void ValueColumn::ShrinkToFit() {
  counts_.shrink_to_fit();
  wide_nanos_.shrink_to_fit();
}

void ValueColumn::MakeRoomFor(absl::int128 nanos) {
  const int places = PlacesOf(nanos);
  if (places > scale_) {
    Rescale(places);
  } else {
    Widen();
  }
}

void ValueColumn::Rescale(int scale) {
  const int64_t factor = Pow10(scale - scale_);
  const int64_t limit = std::numeric_limits<int64_t>::max() / factor;
  for (int64_t c : counts_) {
    if (c > limit || c < -limit) {
      Widen();
      return;
    }
  }
  for (int64_t& c : counts_) c *= factor;
  scale_ = scale;
  unit_nanos_ /= factor;
}

void ValueColumn::Widen() {
  if (wide_) return;
  wide_nanos_.reserve(counts_.capacity());
  for (int64_t c : counts_) wide_nanos_.push_back(absl::int128{c} * unit_nanos_);
  std::vector<int64_t>().swap(counts_);
  wide_ = true;
}

}  // namespace culturetrade
