#include "core/pair_balances.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/flow_kind.h"
#include "core/year_coverage.h"

namespace culturetrade {
namespace {

constexpr uint32_t kNoSlot = ~uint32_t{0};
constexpr uint8_t kExport = static_cast<uint8_t>(Direction::kExport);
constexpr uint8_t kImport = static_cast<uint8_t>(Direction::kImport);
static_assert(kExport == 0 && kImport == 1, "a direction indexes a cell's two halves");

// Economy codes up to this many use a flat array of pair slots (kMaxDense² entries of four
// bytes at most); tables with more, which no real dataset has, fall back to a hash map.
constexpr size_t kMaxDense = 2048;

// The slot of each pair, by reporter and partner code: a lookup in a small array that stays in
// cache, in place of hashing every row.
class DenseSlots {
 public:
  explicit DenseSlots(size_t economies)
      : width_(economies), slots_(economies * economies, kNoSlot) {}
  uint32_t& operator()(uint16_t reporter, uint16_t partner) {
    return slots_[size_t{reporter} * width_ + partner];
  }

 private:
  size_t width_;
  std::vector<uint32_t> slots_;
};

class HashSlots {
 public:
  uint32_t& operator()(uint16_t reporter, uint16_t partner) {
    return slots_.try_emplace(uint32_t{reporter} << 16 | partner, kNoSlot).first->second;
  }

 private:
  absl::flat_hash_map<uint32_t, uint32_t> slots_;
};

// The running totals: one cell for each pair, year of the table's span and direction, laid out
// [pair][year][direction] so that a pair's cells are contiguous. A cell's coverage is zero
// until a flow reaches it, which tells a gap from a zero total. Sums are in the value column's
// units, so that the pass adds the stored counts and the nanos are one multiplication away.
struct Cells {
  int first_year = 0;
  size_t span = 0;  // years
  int64_t unit_nanos = 1;
  std::vector<std::pair<uint16_t, uint16_t>> pairs;
  std::vector<absl::int128> sums;
  std::vector<YearCoverage> coverage;

  // Room for up to `pair_count` pairs, so that cells need not move while the pass adds them:
  // address space costs nothing until the cells are touched. Past kReservedBytes the vectors
  // grow by doubling instead, so that a sparse table does not claim gigabytes it never uses.
  void Reserve(size_t pair_count) {
    constexpr size_t kReservedBytes = size_t{64} << 20;
    const size_t pair_bytes = span * 2 * (sizeof(absl::int128) + sizeof(YearCoverage));
    pair_count = std::min(pair_count, kReservedBytes / pair_bytes);
    pairs.reserve(pair_count);
    sums.reserve(pair_count * span * 2);
    coverage.reserve(pair_count * span * 2);
  }
  uint32_t AddPair(uint16_t reporter, uint16_t partner) {
    pairs.emplace_back(reporter, partner);
    sums.resize(pairs.size() * span * 2);
    coverage.resize(sums.size());
    return static_cast<uint32_t>(pairs.size() - 1);
  }
  size_t Index(size_t slot, int year, uint8_t direction) const {
    return (slot * span + static_cast<size_t>(year - first_year)) * 2 + direction;
  }
};

bool Counted(uint8_t direction) { return direction == kExport || direction == kImport; }

bool CountedKind(uint8_t kind) { return Counted(KindDirectionCode(kind)); }

// The columns the pass reads, as plain pointers: Span's hardened indexing checks bounds on
// every access, and the loop must keep them all in registers. `Value` is the value column's
// type: int64 counts, or int128 nanos when it is wide.
template <typename Value>
struct Columns {
  Columns(const FlowTable& f, const Value* values)
      : size(f.size()),
        reporter(f.reporter().data()),
        partner(f.partner().data()),
        currency(f.currency().data()),
        year(f.year().data()),
        kind(f.kind().data()),
        value(values) {}
  size_t size;
  const uint16_t *reporter, *partner;
  const uint8_t* currency;
  const int16_t* year;
  const uint8_t* kind;
  const Value* value;
};

// The first and last of `n` years (n > 0), in a loop the compiler vectorises.
std::pair<int16_t, int16_t> YearRange(const int16_t* year, size_t n) {
  int16_t first = year[0], last = year[0];
  // Written with int16_t ternaries rather than std::min, which GCC leaves scalar.
  for (size_t i = 0; i < n; ++i) {
    const int16_t y = year[i];
    first = y < first ? y : first;
    last = y > last ? y : last;
  }
  return {first, last};
}

// True when a flow is a month or a quarter, likewise vectorised.
bool AnySubAnnual(const uint8_t* kind, size_t n) {
  uint8_t top = 0;
  for (size_t i = 0; i < n; ++i) top = kind[i] > top ? kind[i] : top;
  return KindIsSubAnnual(top);
}

// The one pass over the columns. Returns false when a counted flow is not in `currency`. Only
// tables with months or quarters pay for tracking which parts of a year are covered.
template <bool kSubAnnual, typename Value, typename Slots>
bool Accumulate(const Columns<Value>& c, uint8_t currency, Slots& slots, Cells& cells) {
  bool mixed = false;
  for (size_t i = 0; i < c.size; ++i) {
    const uint8_t kind = c.kind[i];
    const uint8_t d = KindDirectionCode(kind);
    if (!Counted(d)) continue;
    uint32_t& slot = slots(c.reporter[i], c.partner[i]);
    if (slot == kNoSlot) slot = cells.AddPair(c.reporter[i], c.partner[i]);
    const size_t cell = cells.Index(slot, c.year[i], d);
    cells.sums[cell] += c.value[i];
    if constexpr (kSubAnnual) {
      cells.coverage[cell] |= KindCoverage(kind);
    } else {
      cells.coverage[cell] = 1;
    }
    mixed |= c.currency[i] != currency;
  }
  return !mixed;
}

template <typename Value, typename Slots>
bool Accumulate(const Columns<Value>& c, bool sub_annual, uint8_t currency, Slots& slots,
                Cells& cells) {
  return sub_annual ? Accumulate<true>(c, currency, slots, cells)
                    : Accumulate<false>(c, currency, slots, cells);
}

// The pass with the slots that suit the table: a dense array unless it has very many economies.
template <typename Value>
bool AccumulateAll(const FlowTable& flows, const Value* values, uint8_t currency, Cells& cells) {
  const Columns<Value> columns(flows, values);
  const bool sub_annual = AnySubAnnual(columns.kind, columns.size);
  const size_t economies = flows.economies().size();
  if (economies <= kMaxDense) {
    DenseSlots slots(economies);
    return Accumulate(columns, sub_annual, currency, slots, cells);
  }
  HashSlots slots;
  return Accumulate(columns, sub_annual, currency, slots, cells);
}

absl::Status MixedCurrencies(const FlowTable& flows, uint8_t currency) {
  for (size_t i = 0; i < flows.size(); ++i) {
    if (CountedKind(flows.kind()[i]) && flows.currency()[i] != currency) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the flows are in both ", flows.currencies().value(currency), " and ",
          flows.currencies().value(flows.currency()[i]), "; express them in one currency first"));
    }
  }
  return absl::OkStatus();
}

// Compound growth of one direction from the pair's first whole year to its last.
CompoundGrowthResult GrowthOf(absl::Span<const PairYear> years, bool exports) {
  const auto whole = [exports](const PairYear& y) {
    return exports ? y.has_exports && !y.exports_partial : y.has_imports && !y.imports_partial;
  };
  const auto value = [exports](const PairYear& y) { return exports ? y.exports : y.imports; };
  CompoundGrowthResult out;
  const auto first = std::find_if(years.begin(), years.end(), whole);
  if (first == years.end()) {
    out.rate = absl::FailedPreconditionError(
        absl::StrCat("the pair has no whole year of ", exports ? "exports" : "imports"));
    return out;
  }
  const auto last = std::find_if(years.rbegin(), years.rend(), whole);
  out.start_year = first->year;
  out.end_year = last->year;
  out.start_value = value(*first);
  out.end_value = value(*last);
  if (out.end_year == out.start_year) {
    out.rate = absl::FailedPreconditionError(absl::StrCat(
        "compound growth needs two different years; only ", out.start_year, " has data"));
  } else {
    out.rate =
        CompoundAnnualGrowth(*out.start_value, *out.end_value, out.end_year - out.start_year);
  }
  return out;
}

PairBalances Collect(const FlowTable& flows, uint8_t currency, const Cells& cells) {
  PairBalances out;
  out.currency = flows.currencies().value(currency);
  out.pairs.reserve(cells.pairs.size());
  out.years.reserve(cells.sums.size() / 2);
  for (size_t slot = 0; slot < cells.pairs.size(); ++slot) {
    PairBalance pair;
    pair.reporter = flows.economies().value(cells.pairs[slot].first);
    pair.partner = flows.economies().value(cells.pairs[slot].second);
    pair.first_year_index = static_cast<uint32_t>(out.years.size());
    for (size_t y = 0; y < cells.span; ++y) {
      const int year = cells.first_year + static_cast<int>(y);
      const size_t x = cells.Index(slot, year, kExport), m = cells.Index(slot, year, kImport);
      if (cells.coverage[x] == 0 && cells.coverage[m] == 0) continue;
      PairYear& row = out.years.emplace_back();
      row.year = year;
      row.has_exports = cells.coverage[x] != 0;
      row.has_imports = cells.coverage[m] != 0;
      row.exports_partial = row.has_exports && !CoversWholeYear(cells.coverage[x]);
      row.imports_partial = row.has_imports && !CoversWholeYear(cells.coverage[m]);
      row.exports = Decimal::FromNanos(cells.sums[x] * cells.unit_nanos);
      row.imports = Decimal::FromNanos(cells.sums[m] * cells.unit_nanos);
    }
    pair.year_count = static_cast<uint32_t>(out.years.size() - pair.first_year_index);
    const absl::Span<const PairYear> years = out.YearsOf(pair);
    pair.export_growth = GrowthOf(years, /*exports=*/true);
    pair.import_growth = GrowthOf(years, /*exports=*/false);
    out.pairs.push_back(std::move(pair));
  }
  return out;
}

}  // namespace

absl::StatusOr<PairBalances> ComputePairBalances(const FlowTable& flows) {
  const auto kind = flows.kind();
  const auto first = std::find_if(kind.begin(), kind.end(), CountedKind);
  if (first == kind.end()) return PairBalances();
  const uint8_t currency = flows.currency()[first - kind.begin()];
  Cells cells;
  const auto [first_year, last_year] = YearRange(flows.year().data(), flows.size());
  cells.first_year = first_year;
  cells.span = static_cast<size_t>(last_year - first_year) + 1;
  const size_t economies = flows.economies().size();
  cells.Reserve(std::min(economies * economies, flows.size()));  // pairs there can be
  const bool one_currency = flows.values().Visit([&](const auto* values, int64_t unit_nanos) {
    cells.unit_nanos = unit_nanos;
    return AccumulateAll(flows, values, currency, cells);
  });
  if (!one_currency) return MixedCurrencies(flows, currency);
  return Collect(flows, currency, cells);
}

}  // namespace culturetrade
