#include "import/scale.h"

#include "import/csv_error.h"

namespace culturetrade::import {

absl::StatusOr<int> ScaleExponent(const std::string& name) {
  if (name == "units" || name.empty()) return 0;
  if (name == "thousands") return 3;
  if (name == "millions") return 6;
  if (name == "billions") return 9;
  return CsvError("the scale is units, thousands, millions or billions, not '", name, "'");
}

std::string ScaleName(int exponent) {
  switch (exponent) {
    case 3: return "thousands";
    case 6: return "millions";
    case 9: return "billions";
    default: return "units";
  }
}

}  // namespace culturetrade::import
