#include "core/annual_series.h"

#include <algorithm>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/flow_kind.h"
#include "core/year_coverage.h"

namespace culturetrade {

const YearValue* AnnualSeries::Find(int year) const {
  auto it = std::lower_bound(years_.begin(), years_.end(), year,
                             [](const YearValue& v, int y) { return v.year < y; });
  return it != years_.end() && it->year == year ? &*it : nullptr;
}

AnnualSeries AnnualSeries::WithoutPartialYears() const {
  std::vector<YearValue> whole;
  for (const YearValue& v : years_) {
    if (!v.partial) whole.push_back(v);
  }
  return AnnualSeries(currency_, std::move(whole));
}

AnnualSeries AnnualSeries::Between(int start_year, int end_year) const {
  std::vector<YearValue> span;
  for (const YearValue& v : years_) {
    if ((start_year == 0 || v.year >= start_year) && (end_year == 0 || v.year <= end_year)) {
      span.push_back(v);
    }
  }
  return AnnualSeries(currency_, std::move(span));
}

namespace {

struct YearTotal {
  absl::int128 nanos = 0;
  YearCoverage coverage = 0;
  uint8_t status = static_cast<uint8_t>(ValueStatus::kReported);
  bool seen = false;
};

// Totals indexed by year, grown as years appear: years are few and close together, so an
// array beats a map on the hot path.
class YearTotals {
 public:
  YearTotal& operator[](int year) {
    if (slots_.empty()) first_ = year;
    if (year < first_) {
      slots_.insert(slots_.begin(), static_cast<size_t>(first_ - year), YearTotal{});
      first_ = year;
    }
    if (static_cast<size_t>(year - first_) >= slots_.size()) slots_.resize(year - first_ + 1);
    return slots_[year - first_];
  }
  std::vector<YearValue> Values() const {
    std::vector<YearValue> out;
    for (size_t i = 0; i < slots_.size(); ++i) {
      const YearTotal& t = slots_[i];
      if (!t.seen) continue;
      out.push_back(YearValue{first_ + static_cast<int>(i), Decimal::FromNanos(t.nanos),
                              static_cast<ValueStatus>(t.status), !CoversWholeYear(t.coverage)});
    }
    return out;
  }

 private:
  int first_ = 0;
  std::vector<YearTotal> slots_;
};

}  // namespace

absl::StatusOr<AnnualSeries> BuildAnnualSeries(const FlowTable& flows, const SeriesKey& key,
                                               Direction direction) {
  YearTotals totals;
  uint32_t currency = Dictionary::kAbsent;
  // The series' rows in table order, so that the first currency is the one a scan would meet.
  for (const uint32_t i : flows.SeriesRows(key)) {
    if (flows.direction(i) != direction) continue;
    if (currency == Dictionary::kAbsent) currency = flows.currency()[i];
    if (flows.currency()[i] != currency) {
      return absl::FailedPreconditionError(absl::StrCat(
          "flows of ", key.reporter, "-", key.partner, " ", key.product_code, " are in both ",
          flows.currencies().value(currency), " and ",
          flows.currencies().value(flows.currency()[i]), "; express them in one currency first"));
    }
    const uint8_t kind = flows.kind()[i];
    YearTotal& t = totals[flows.year()[i]];
    t.nanos += flows.value_nanos(i);
    t.coverage |= KindCoverage(kind);
    t.status = std::min(t.status, KindStatusCode(kind));
    t.seen = true;
  }
  if (currency == Dictionary::kAbsent) return AnnualSeries();
  return AnnualSeries(flows.currencies().value(currency), totals.Values());
}

}  // namespace culturetrade
