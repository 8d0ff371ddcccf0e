// Per-episode prices of licensing deals for dramas: summaries by title or by origin, and how far
// apart two titles or two origins are priced.
//
// Prices are only ever compared within one currency; a mix is an error, never a silent sum.
#ifndef CULTURETRADE_CORE_DEAL_PRICES_H_
#define CULTURETRADE_CORE_DEAL_PRICES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/decimal.h"
#include "core/flow.h"

namespace culturetrade {

struct DealPrice {
  std::string title;
  std::string origin;  // ISO 3166-1 alpha-3
  int year = 0;
  Decimal price_per_episode;  // not negative
  std::string currency;
  ValueStatus status = ValueStatus::kReported;
};

struct PriceStats {
  std::string key;  // the title or the origin
  int count = 0;
  Decimal min;
  Decimal median;  // of an even count, the mean of the two middle prices
  Decimal max;
  ValueStatus weakest_status = ValueStatus::kReported;
  std::string currency;
};

// One entry per title, sorted by title. Empty input gives an empty vector; prices in more than
// one currency, a negative price or a deal without a title or currency is an error.
absl::StatusOr<std::vector<PriceStats>> PriceStatsByTitle(absl::Span<const DealPrice> deals);
// One entry per origin, sorted by origin; otherwise as PriceStatsByTitle.
absl::StatusOr<std::vector<PriceStats>> PriceStatsByOrigin(absl::Span<const DealPrice> deals);

// The median price of `numerator_title` over that of `denominator_title`. Only the two titles'
// deals need to share a currency.
absl::StatusOr<double> TitlePriceRatio(absl::Span<const DealPrice> deals,
                                       const std::string& numerator_title,
                                       const std::string& denominator_title);

// How many times origin A's median price is B's median, B's highest and B's lowest price:
// the last two bound the gap when B's prices spread widely.
struct OriginGap {
  std::string origin_a;
  std::string origin_b;
  Decimal median_a;
  Decimal median_b;
  double median_ratio = 0;    // median_a / median_b
  double ratio_to_b_max = 0;  // median_a / max of B
  double ratio_to_b_min = 0;  // median_a / min of B
  // The whole range of the gap: A's cheapest against B's dearest, A's dearest against B's
  // cheapest ("tens to hundreds of times").
  double lowest_ratio = 0;   // min of A / max of B
  double highest_ratio = 0;  // max of A / min of B
};

// Only the two origins' deals need to share a currency; B's lowest price must be positive for
// the ratios to exist.
absl::StatusOr<OriginGap> OriginPriceGap(absl::Span<const DealPrice> deals,
                                         const std::string& origin_a, const std::string& origin_b);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_DEAL_PRICES_H_
