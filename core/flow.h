// The analysis library's view of a trade flow: plain values, independent of the wire format.
#ifndef CULTURETRADE_CORE_FLOW_H_
#define CULTURETRADE_CORE_FLOW_H_

#include <string>

#include "core/decimal.h"

namespace culturetrade {

enum class Direction { kExport, kImport, kReExport, kReImport };

// Ordered from weakest to strongest, so the weakest of several is their minimum.
enum class ValueStatus { kEstimated = 0, kDerived = 1, kReported = 2 };

// A year, or a month (1-12) or quarter (1-4) of it; month and quarter are 0 for a whole year.
struct Period {
  int year = 0;
  int month = 0;
  int quarter = 0;
};

struct Flow {
  std::string reporter;
  std::string partner;
  std::string product_code;
  Direction direction = Direction::kExport;
  Period period;
  Decimal value;
  std::string currency;
  ValueStatus status = ValueStatus::kReported;
};

// Which flows a bilateral analysis looks at.
struct SeriesKey {
  std::string reporter;
  std::string partner;
  std::string product_code;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_H_
