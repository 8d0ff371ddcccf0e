#include "core/annual_series.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

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

// Which parts of a year the flows cover: bit 0 the whole year, bits 1-12 months, 13-16 quarters.
using Coverage = uint32_t;

Coverage CoverageOf(const Period& p) {
  if (p.month >= 1 && p.month <= 12) return Coverage{1} << p.month;
  if (p.quarter >= 1 && p.quarter <= 4) return Coverage{1} << (12 + p.quarter);
  return 1;
}

bool CoversWholeYear(Coverage c) {
  if (c & 1) return true;
  for (int q = 1; q <= 4; ++q) {
    const Coverage months = Coverage{0b111} << (3 * q - 2);
    if (!(c & (Coverage{1} << (12 + q))) && (c & months) != months) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<AnnualSeries> BuildAnnualSeries(absl::Span<const Flow> flows, const SeriesKey& key,
                                               Direction direction) {
  std::map<int, YearValue> by_year;
  std::map<int, Coverage> coverage;
  std::string currency;
  for (const Flow& f : flows) {
    if (f.direction != direction || f.reporter != key.reporter || f.partner != key.partner ||
        f.product_code != key.product_code) {
      continue;
    }
    if (currency.empty()) {
      currency = f.currency;
    } else if (f.currency != currency) {
      return absl::FailedPreconditionError(
          absl::StrCat("flows of ", key.reporter, "-", key.partner, " ", key.product_code,
                       " are in both ", currency, " and ", f.currency,
                       "; express them in one currency first"));
    }
    auto [it, inserted] = by_year.try_emplace(f.period.year, YearValue{f.period.year, {}, f.status});
    it->second.value += f.value;
    it->second.status = std::min(it->second.status, f.status);
    coverage[f.period.year] |= CoverageOf(f.period);
  }
  std::vector<YearValue> years;
  years.reserve(by_year.size());
  for (auto& [year, v] : by_year) {
    v.partial = !CoversWholeYear(coverage[year]);
    years.push_back(v);
  }
  return AnnualSeries(std::move(currency), std::move(years));
}

}  // namespace culturetrade
