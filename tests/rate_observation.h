// One exchange-rate observation written in a line, for tests of the rates and what uses them.
#ifndef CULTURETRADE_TESTS_RATE_OBSERVATION_H_
#define CULTURETRADE_TESTS_RATE_OBSERVATION_H_

#include "core/decimal.h"
#include "core/exchange_rates.h"

namespace culturetrade::testing {

// `rate` units of `quote` for one `base`, in a year, month (0 for none) and day (0 for none).
inline RateObservation Obs(int year, int month, int day, const char* base, const char* quote,
                           const char* rate) {
  RateObservation o;
  o.year = year;
  o.month = month;
  o.day = day;
  o.base = base;
  o.quote = quote;
  o.rate = *Decimal::Parse(rate);
  return o;
}

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_RATE_OBSERVATION_H_
