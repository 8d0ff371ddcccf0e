// Which parts of a calendar year a set of flows covers, so that a year built from months or
// quarters is told apart from a whole one: a partial year's total would fake a fall in growth.
#ifndef CULTURETRADE_CORE_YEAR_COVERAGE_H_
#define CULTURETRADE_CORE_YEAR_COVERAGE_H_

#include <cstdint>

namespace culturetrade {

// Bit 0 the whole year, bits 1-12 the months, bits 13-16 the quarters; the flows of a year
// cover the union of their bits.
using YearCoverage = uint32_t;

// The part of the year a flow of `month` (1-12, 0 for none) or `quarter` (1-4, 0 for none)
// covers.
inline YearCoverage CoverageOf(int month, int quarter) {
  if (month >= 1 && month <= 12) return YearCoverage{1} << month;
  if (quarter >= 1 && quarter <= 4) return YearCoverage{1} << (12 + quarter);
  return 1;
}

// True for an annual flow, or for every quarter present either as itself or as its three months.
inline bool CoversWholeYear(YearCoverage c) {
  if (c & 1) return true;
  for (int q = 1; q <= 4; ++q) {
    const YearCoverage months = YearCoverage{0b111} << (3 * q - 2);
    if (!(c & (YearCoverage{1} << (12 + q))) && (c & months) != months) return false;
  }
  return true;
}

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_YEAR_COVERAGE_H_
