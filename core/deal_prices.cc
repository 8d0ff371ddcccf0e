#include "core/deal_prices.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

using KeyOf = const std::string& (*)(const DealPrice&);

const std::string& TitleOf(const DealPrice& d) { return d.title; }
const std::string& OriginOf(const DealPrice& d) { return d.origin; }

std::string Describe(const DealPrice& d) {
  return absl::StrCat("'", d.title, "' (", d.origin, ", ", d.year, ")");
}

absl::Status CheckDeals(absl::Span<const DealPrice> deals, KeyOf key, const char* key_name) {
  const DealPrice* first = nullptr;
  for (const DealPrice& d : deals) {
    if (key(d).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("the deal ", Describe(d), " has no ", key_name, " to group it by"));
    }
    if (d.currency.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("the price of the deal ", Describe(d), " has no currency"));
    }
    if (d.price_per_episode.is_negative()) {
      return absl::InvalidArgumentError(absl::StrCat("the price of the deal ", Describe(d),
                                                     " is negative (",
                                                     d.price_per_episode.ToString(), ")"));
    }
    if (first == nullptr) {
      first = &d;
    } else if (d.currency != first->currency) {
      return absl::FailedPreconditionError(absl::StrCat(
          "deal prices are in more than one currency: ", Describe(*first), " is priced in ",
          first->currency, " but ", Describe(d), " in ", d.currency, "; convert them first"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<PriceStats> Summarize(const std::string& key,
                                     const std::vector<const DealPrice*>& group) {
  PriceStats stats;
  stats.key = key;
  stats.count = static_cast<int>(group.size());
  stats.currency = group.front()->currency;
  std::vector<Decimal> prices;
  for (const DealPrice* d : group) {
    prices.push_back(d->price_per_episode);
    stats.weakest_status = std::min(stats.weakest_status, d->status);
  }
  std::sort(prices.begin(), prices.end());
  stats.min = prices.front();
  stats.max = prices.back();
  const std::size_t mid = prices.size() / 2;
  if (prices.size() % 2 == 1) {
    stats.median = prices[mid];
  } else {
    absl::StatusOr<Decimal> mean = (prices[mid - 1] + prices[mid]).DividedBy(Decimal::FromUnits(2));
    if (!mean.ok()) return mean.status();
    stats.median = *mean;
  }
  return stats;
}

absl::StatusOr<std::vector<PriceStats>> StatsBy(absl::Span<const DealPrice> deals, KeyOf key,
                                                const char* key_name) {
  if (absl::Status ok = CheckDeals(deals, key, key_name); !ok.ok()) return ok;
  std::map<std::string, std::vector<const DealPrice*>> groups;
  for (const DealPrice& d : deals) groups[key(d)].push_back(&d);
  std::vector<PriceStats> out;
  for (const auto& [group_key, group] : groups) {
    absl::StatusOr<PriceStats> stats = Summarize(group_key, group);
    if (!stats.ok()) return stats.status();
    out.push_back(*std::move(stats));
  }
  return out;
}

// The deals whose key is `a` or `b`, so that deals the comparison does not involve cannot
// make it fail.
std::vector<DealPrice> Only(absl::Span<const DealPrice> deals, KeyOf key, const std::string& a,
                            const std::string& b) {
  std::vector<DealPrice> out;
  for (const DealPrice& d : deals) {
    if (key(d) == a || key(d) == b) out.push_back(d);
  }
  return out;
}

absl::StatusOr<const PriceStats*> Find(const std::vector<PriceStats>& stats, const std::string& key,
                                       const char* key_name) {
  for (const PriceStats& s : stats) {
    if (s.key == key) return &s;
  }
  return absl::NotFoundError(
      absl::StrCat("there are no deal prices for the ", key_name, " '", key, "'"));
}

}  // namespace

absl::StatusOr<std::vector<PriceStats>> PriceStatsByTitle(absl::Span<const DealPrice> deals) {
  return StatsBy(deals, TitleOf, "title");
}

absl::StatusOr<std::vector<PriceStats>> PriceStatsByOrigin(absl::Span<const DealPrice> deals) {
  return StatsBy(deals, OriginOf, "origin");
}

absl::StatusOr<double> TitlePriceRatio(absl::Span<const DealPrice> deals,
                                       const std::string& numerator_title,
                                       const std::string& denominator_title) {
  const absl::StatusOr<std::vector<PriceStats>> stats =
      StatsBy(Only(deals, TitleOf, numerator_title, denominator_title), TitleOf, "title");
  if (!stats.ok()) return stats.status();
  const absl::StatusOr<const PriceStats*> num = Find(*stats, numerator_title, "title");
  if (!num.ok()) return num.status();
  const absl::StatusOr<const PriceStats*> den = Find(*stats, denominator_title, "title");
  if (!den.ok()) return den.status();
  if ((*den)->median.is_zero()) {
    return absl::FailedPreconditionError(absl::StrCat("the median price of '", denominator_title,
                                                      "' is zero, so no ratio to it exists"));
  }
  return Ratio((*num)->median, (*den)->median);
}

absl::StatusOr<OriginGap> OriginPriceGap(absl::Span<const DealPrice> deals,
                                         const std::string& origin_a, const std::string& origin_b) {
  const absl::StatusOr<std::vector<PriceStats>> stats =
      StatsBy(Only(deals, OriginOf, origin_a, origin_b), OriginOf, "origin");
  if (!stats.ok()) return stats.status();
  const absl::StatusOr<const PriceStats*> a = Find(*stats, origin_a, "origin");
  if (!a.ok()) return a.status();
  const absl::StatusOr<const PriceStats*> b = Find(*stats, origin_b, "origin");
  if (!b.ok()) return b.status();
  // Prices are not negative, so a positive minimum makes B's median and maximum positive too.
  if ((*b)->min.is_zero()) {
    return absl::FailedPreconditionError(absl::StrCat("the lowest deal price from ", origin_b,
                                                      " is zero, so ", origin_a,
                                                      "'s median is not a finite multiple of it"));
  }
  OriginGap gap;
  gap.origin_a = origin_a;
  gap.origin_b = origin_b;
  gap.median_a = (*a)->median;
  gap.median_b = (*b)->median;
  gap.median_ratio = Ratio(gap.median_a, gap.median_b);
  gap.ratio_to_b_max = Ratio(gap.median_a, (*b)->max);
  gap.ratio_to_b_min = Ratio(gap.median_a, (*b)->min);
  gap.lowest_ratio = Ratio((*a)->min, (*b)->max);
  gap.highest_ratio = Ratio((*a)->max, (*b)->min);
  return gap;
}

}  // namespace culturetrade
