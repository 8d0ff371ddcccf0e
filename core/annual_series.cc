#include "core/annual_series.h"

#include <algorithm>
#include <map>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {

const YearValue* AnnualSeries::Find(int year) const {
  auto it = std::lower_bound(years_.begin(), years_.end(), year,
                             [](const YearValue& v, int y) { return v.year < y; });
  return it != years_.end() && it->year == year ? &*it : nullptr;
}

absl::StatusOr<AnnualSeries> BuildAnnualSeries(absl::Span<const Flow> flows, const SeriesKey& key,
                                               Direction direction) {
  std::map<int, YearValue> by_year;
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
  }
  std::vector<YearValue> years;
  years.reserve(by_year.size());
  for (auto& [year, v] : by_year) years.push_back(v);
  return AnnualSeries(std::move(currency), std::move(years));
}

}  // namespace culturetrade
