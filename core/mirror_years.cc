#include "core/mirror_years.h"

#include <set>

namespace culturetrade {

Direction MirrorDirection(Direction direction) {
  switch (direction) {
    case Direction::kExport: return Direction::kImport;
    case Direction::kImport: return Direction::kExport;
    case Direction::kReExport: return Direction::kReImport;
    case Direction::kReImport: return Direction::kReExport;
  }
  return Direction::kReExport;  // not reached: every direction is handled above
}

std::vector<MirrorYear> MirrorYears(const AnnualSeries& reported, const AnnualSeries& mirror) {
  std::set<int> years;
  for (const YearValue& y : reported.years()) years.insert(y.year);
  for (const YearValue& y : mirror.years()) years.insert(y.year);
  std::vector<MirrorYear> out;
  out.reserve(years.size());
  for (int year : years) {
    MirrorYear& m = out.emplace_back();
    m.year = year;
    const YearValue* a = reported.Find(year);
    const YearValue* b = mirror.Find(year);
    if (a != nullptr) m.reported = a->value;
    if (b != nullptr) m.mirror = b->value;
    if (a == nullptr || b == nullptr) continue;
    m.difference = a->value - b->value;
    if (b->value.is_positive()) m.relative_difference = Ratio(*m.difference, b->value);
  }
  return out;
}

}  // namespace culturetrade
