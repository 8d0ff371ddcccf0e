#include "core/exchange_rates.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace culturetrade {
namespace {

Decimal One() { return Decimal::FromUnits(1); }

bool IsCurrencyCode(const std::string& code) {
  return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) {
           return absl::ascii_isupper(static_cast<unsigned char>(c));
         });
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string PeriodText(int year, int month, int day = 0) {
  if (month == 0 && day == 0) return absl::StrCat(year);
  if (day == 0) return absl::StrFormat("%d-%02d", year, month);
  return absl::StrFormat("%d-%02d-%02d", year, month, day);
}

auto SortKey(const RateObservation& o) { return std::tie(o.base, o.quote, o.year, o.month, o.day); }

// Why `o` cannot be used, or empty when it can.
std::string Unusable(const RateObservation& o) {
  if (!IsCurrencyCode(o.base) || !IsCurrencyCode(o.quote)) {
    return "currencies must be ISO 4217 codes of three capital letters";
  }
  if (!o.rate.is_positive())
    return absl::StrCat("the rate ", o.rate.ToString(), " is not positive");
  if (o.base == o.quote && o.rate != One()) return "a currency's rate against itself can only be 1";
  if (o.year < 1 || o.year > 9999) return "the year is outside 1-9999";
  if (o.month < 0 || o.month > 12) return "the month is outside 1-12 (0 for an annual rate)";
  if (o.day != 0 && o.month == 0) return "a daily rate needs a month";
  if (o.day < 0 || (o.day > 0 && o.day > DaysIn(o.year, o.month))) {
    return absl::StrCat(PeriodText(o.year, o.month), " has no day ", o.day);
  }
  return "";
}

absl::StatusOr<Decimal> Mean(Decimal sum, int count) {
  return sum.DividedBy(Decimal::FromUnits(count));
}

// Results of the stored-pair lookups: an error when the pair has data for the period that
// cannot give its rate, nullopt when it has none at all.
using MaybeRate = absl::StatusOr<std::optional<Decimal>>;

MaybeRate Found(absl::StatusOr<Decimal> rate) {
  if (!rate.ok()) return rate.status();
  return std::optional<Decimal>(*rate);
}

// `obs` is one pair's observations for one year, annual first, then by month and day.
MaybeRate StoredYearRate(absl::Span<const RateObservation> obs) {
  if (obs.empty()) return std::optional<Decimal>();
  if (obs.front().month == 0) return std::optional<Decimal>(obs.front().rate);
  bool has_month[13] = {};
  int months = 0, days = 0;
  Decimal monthly_sum, daily_sum;
  for (const RateObservation& o : obs) {
    if (o.day == 0) {
      has_month[o.month] = true;
      ++months;
      monthly_sum += o.rate;
    } else {
      // Rates go up to 10^27, so a year of daily ones could overflow the sum.
      if (daily_sum.nanos() > std::numeric_limits<absl::int128>::max() - o.rate.nanos()) {
        return absl::OutOfRangeError(absl::StrCat("the daily ", o.base, "/", o.quote, " rates for ",
                                                  o.year, " are too large to average"));
      }
      ++days;
      daily_sum += o.rate;
    }
  }
  if (months == 12) return Found(Mean(monthly_sum, 12));
  if (months > 0) {
    // Averaging the months that are there would weight the year towards them.
    const RateObservation& o = obs.front();
    std::vector<std::string> missing;
    for (int m = 1; m <= 12; ++m) {
      if (!has_month[m]) missing.push_back(PeriodText(o.year, m));
    }
    return absl::FailedPreconditionError(absl::StrCat(
        "the ", o.base, "/", o.quote, " rates for ", o.year,
        " have no annual figure and monthly figures for only ", months, " of 12 months (missing ",
        absl::StrJoin(missing, ", "), "), so their mean would not be the year's rate"));
  }
  if (days > 0) return Found(Mean(daily_sum, days));
  return std::optional<Decimal>();
}

MaybeRate StoredMonthRate(absl::Span<const RateObservation> obs, int month) {
  std::optional<Decimal> annual;
  int days = 0;
  Decimal daily_sum;
  for (const RateObservation& o : obs) {
    if (o.month == 0) {
      annual = o.rate;
    } else if (o.month == month) {
      if (o.day == 0) return std::optional<Decimal>(o.rate);
      ++days;
      daily_sum += o.rate;
    }
  }
  if (days > 0) return Found(Mean(daily_sum, days));
  return annual;
}

MaybeRate StoredRate(absl::Span<const RateObservation> obs, int month) {
  return month == 0 ? StoredYearRate(obs) : StoredMonthRate(obs, month);
}

using Fraction = RateFraction;
using MaybeFraction = absl::StatusOr<std::optional<Fraction>>;

// The rate of a leg from its pair stored as given (`direct`) or the other way round.
MaybeFraction LegRate(absl::Span<const RateObservation> direct,
                      absl::Span<const RateObservation> inverse, int month) {
  MaybeRate rate = StoredRate(direct, month);
  if (!rate.ok()) return rate.status();
  if (*rate) return std::optional<Fraction>(Fraction{**rate, One()});
  rate = StoredRate(inverse, month);
  if (!rate.ok()) return rate.status();
  if (*rate) return std::optional<Fraction>(Fraction{One(), **rate});
  return std::optional<Fraction>();
}

absl::StatusOr<Fraction> Cross(const Fraction& a, const Fraction& b) {
  absl::StatusOr<Decimal> num = a.num.Times(b.num);
  if (!num.ok()) return num.status();
  absl::StatusOr<Decimal> den = a.den.Times(b.den);
  if (!den.ok()) return den.status();
  return Fraction{*num, *den};
}

}  // namespace

ExchangeRates::ExchangeRates(std::vector<RateObservation> observations) {
  for (std::size_t i = 0; i < observations.size(); ++i) {
    const RateObservation& o = observations[i];
    const std::string why = Unusable(o);
    if (!why.empty()) {
      invalid_ = absl::FailedPreconditionError(
          absl::StrCat("exchange rate observation ", i + 1, " (", o.base, "/", o.quote, " ",
                       PeriodText(o.year, o.month, o.day), ") is unusable: ", why));
      return;
    }
  }
  std::sort(
      observations.begin(), observations.end(),
      [](const RateObservation& a, const RateObservation& b) { return SortKey(a) < SortKey(b); });
  for (std::size_t i = 1; i < observations.size(); ++i) {
    const RateObservation& a = observations[i - 1];
    const RateObservation& b = observations[i];
    if (SortKey(a) == SortKey(b) && a.rate != b.rate) {
      invalid_ = absl::FailedPreconditionError(
          absl::StrCat("the exchange rates disagree: ", a.base, "/", a.quote, " for ",
                       PeriodText(a.year, a.month, a.day), " is given as both ", a.rate.ToString(),
                       " and ", b.rate.ToString()));
      return;
    }
  }
  observations.erase(std::unique(observations.begin(), observations.end(),
                                 [](const RateObservation& a, const RateObservation& b) {
                                   return SortKey(a) == SortKey(b);
                                 }),
                     observations.end());
  sorted_ = std::move(observations);
}

absl::Span<const RateObservation> ExchangeRates::PairYear(const std::string& base,
                                                          const std::string& quote,
                                                          int year) const {
  RateObservation probe;
  probe.base = base;
  probe.quote = quote;
  probe.year = year;
  const auto range = std::equal_range(sorted_.begin(), sorted_.end(), probe,
                                      [](const RateObservation& a, const RateObservation& b) {
                                        return std::tie(a.base, a.quote, a.year) <
                                               std::tie(b.base, b.quote, b.year);
                                      });
  return absl::Span<const RateObservation>(sorted_.data() + (range.first - sorted_.begin()),
                                           range.second - range.first);
}

absl::StatusOr<RateFraction> ExchangeRates::Resolve(const std::string& from, const std::string& to,
                                                    int year, int month) const {
  if (!IsCurrencyCode(from) || !IsCurrencyCode(to)) {
    return absl::InvalidArgumentError(
        absl::StrCat("exchange rates are between ISO 4217 codes of three capital letters, not '",
                     from, "' and '", to, "'"));
  }
  if (month < 0 || month > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat("month ", month, " is outside 1-12 (0 for the whole year)"));
  }
  if (!invalid_.ok()) return invalid_;
  if (from == to) return Fraction{One(), One()};
  const auto leg = [&](const std::string& a, const std::string& b) {
    return LegRate(PairYear(a, b, year), PairYear(b, a, year), month);
  };
  const MaybeFraction pair = leg(from, to);
  if (!pair.ok()) return pair.status();
  if (*pair) return **pair;
  const std::string usd = "USD";
  if (from != usd && to != usd) {
    const MaybeFraction to_usd = leg(from, usd);
    if (!to_usd.ok()) return to_usd.status();
    const MaybeFraction from_usd = leg(usd, to);
    if (!from_usd.ok()) return from_usd.status();
    if (*to_usd && *from_usd) return Cross(**to_usd, **from_usd);
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "no exchange rate from ", from, " to ", to, " for ", PeriodText(year, month),
      " (the dataset has none for that pair and ", month == 0 ? "year" : "month", ")"));
}

absl::StatusOr<Decimal> ExchangeRates::Rate(const std::string& from, const std::string& to,
                                            int year, int month) const {
  absl::StatusOr<RateFraction> f = Resolve(from, to, year, month);
  if (!f.ok()) return f.status();
  return f->num.DividedBy(f->den);
}

absl::StatusOr<Decimal> ExchangeRates::Convert(Decimal amount, const std::string& from,
                                               const std::string& to, int year, int month) const {
  // Multiply, then divide: an amount converted through an inverse rate (1 / 6.1937) is
  // rounded once, at the nanos, instead of carrying the rounded rate's error times the amount.
  absl::StatusOr<RateFraction> f = Resolve(from, to, year, month);
  if (!f.ok()) return f.status();
  absl::StatusOr<Decimal> scaled = amount.Times(f->num);
  if (!scaled.ok()) return scaled.status();
  absl::StatusOr<Decimal> converted = scaled->DividedBy(f->den);
  if (!converted.ok()) return converted.status();
  // A converted amount must fit int64 whole units, as every amount of money does: the analyses
  // add amounts up in int128, which a tiny rate could otherwise all but fill with one of them.
  int64_t units = 0;
  int32_t nanos = 0;
  if (!converted->ToUnitsNanos(&units, &nanos).ok()) {
    return absl::OutOfRangeError(absl::StrCat(amount.ToString(), " ", from, " is ",
                                              converted->ToString(), " ", to, " in ",
                                              PeriodText(year, month), ": too large an amount"));
  }
  return converted;
}

}  // namespace culturetrade
