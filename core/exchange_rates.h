// Exchange rates between currencies for a year or a month, resolved from dated observations.
//
// A rate is never guessed: it is a stored observation, an exact mean of a complete set of
// them, its inverse or a cross through USD, and anything else is an error naming the
// currencies and the period.
#ifndef CULTURETRADE_CORE_EXCHANGE_RATES_H_
#define CULTURETRADE_CORE_EXCHANGE_RATES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/decimal.h"

namespace culturetrade {

struct RateObservation {
  int year = 0;
  int month = 0;      // 0 = annual
  int day = 0;        // 0 = not daily
  std::string base;   // ISO 4217, the currency priced
  std::string quote;  // units of quote per one base
  Decimal rate;       // > 0
};

// A rate kept as numerator / denominator so that an inverse or cross rate is divided, and
// rounded to nine digits, once rather than once per leg.
struct RateFraction {
  Decimal num;
  Decimal den;
};

class ExchangeRates {
 public:
  ExchangeRates() = default;
  // An unusable observation (a rate that is not positive, a date that does not exist, a code
  // that is not three capital letters, or two different rates for one pair and date) makes
  // every Rate call fail with the reason, so a bad table cannot quietly yield numbers.
  explicit ExchangeRates(std::vector<RateObservation> observations);

  // Units of `to` per one unit of `from` for a year (month == 0) or a month.
  // A year is its annual observation, else the mean of its twelve monthly ones (some but not
  // all twelve is an error naming the missing months), else the mean of its daily ones.
  // A month is its monthly observation, else the mean of its daily ones, else the annual one.
  // Blank days are simply absent from a daily mean. The direct pair is preferred, then the
  // inverse pair, then a cross through USD. The same currency is exactly 1.
  absl::StatusOr<Decimal> Rate(const std::string& from, const std::string& to, int year,
                               int month = 0) const;
  // amount × Rate(from, to, year, month), rounded to nine digits; OUT_OF_RANGE when that is
  // more than int64 whole units.
  absl::StatusOr<Decimal> Convert(Decimal amount, const std::string& from, const std::string& to,
                                  int year, int month = 0) const;

 private:
  // The rate as resolved, before its one division.
  absl::StatusOr<RateFraction> Resolve(const std::string& from, const std::string& to, int year,
                                       int month) const;
  // The observations of base/quote in `year`, ordered by month then day.
  absl::Span<const RateObservation> PairYear(const std::string& base, const std::string& quote,
                                             int year) const;

  std::vector<RateObservation> sorted_;  // by base, quote, year, month, day; no duplicates
  absl::Status invalid_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_EXCHANGE_RATES_H_
