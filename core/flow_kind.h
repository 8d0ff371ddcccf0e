// A flow's period part (whole year, month or quarter), direction and status packed in one byte.
//
// The three take 17 × 4 × 3 = 204 values together, so one byte holds what four separate
// columns did, and a FlowTable stays within 24 bytes a flow with its index. The byte is
// (part × 3 + status) × 4 + direction: the direction, which every pass over a table filters on,
// is its low two bits, and the rest divide by constants, which compiles to multiplications.
#ifndef CULTURETRADE_CORE_FLOW_KIND_H_
#define CULTURETRADE_CORE_FLOW_KIND_H_

#include <cstdint>

#include "core/flow.h"
#include "core/year_coverage.h"

namespace culturetrade {

// Parts 1-12 are the months, 13-16 the quarters, 0 the whole year. A month outside 1-12 counts
// as no month, as CoverageOf does, and a month wins over a quarter.
constexpr int PeriodPart(int month, int quarter) {
  if (month >= 1 && month <= 12) return month;
  if (quarter >= 1 && quarter <= 4) return 12 + quarter;
  return 0;
}

constexpr uint8_t PackKind(int month, int quarter, Direction direction, ValueStatus status) {
  return static_cast<uint8_t>((PeriodPart(month, quarter) * 3 + static_cast<int>(status)) * 4 +
                              static_cast<int>(direction));
}

constexpr int KindPart(uint8_t kind) { return (kind >> 2) / 3; }
// The direction as its enum's number, which hot loops compare with.
constexpr uint8_t KindDirectionCode(uint8_t kind) { return kind & 3; }
constexpr uint8_t KindStatusCode(uint8_t kind) { return static_cast<uint8_t>((kind >> 2) % 3); }
constexpr int KindMonth(uint8_t kind) { return KindPart(kind) <= 12 ? KindPart(kind) : 0; }
constexpr int KindQuarter(uint8_t kind) { return KindPart(kind) > 12 ? KindPart(kind) - 12 : 0; }
// What CoverageOf(month, quarter) gives for the flow: its part's bit, bit 0 for a whole year.
constexpr YearCoverage KindCoverage(uint8_t kind) {
  return KindPart(kind) == 0 ? YearCoverage{1} : YearCoverage{1} << KindPart(kind);
}
// True for a month or a quarter: every kind of a whole year is below 12.
constexpr bool KindIsSubAnnual(uint8_t kind) { return kind >= 12; }

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_KIND_H_
