// The words for a power of ten that values are written or shown in: the import's --scale and
// ctrade's --scale for analyses read the same four.
#ifndef CULTURETRADE_IMPORT_SCALE_H_
#define CULTURETRADE_IMPORT_SCALE_H_

#include <string>

#include "absl/status/statusor.h"

namespace culturetrade::import {

// "units" (or empty), "thousands", "millions" or "billions" as a power of ten.
absl::StatusOr<int> ScaleExponent(const std::string& name);

// The name of a power of ten that ScaleExponent reads ("units" for any other).
std::string ScaleName(int exponent);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_SCALE_H_
