// The names people read beside economy codes: ISO 3166's (its common name where it has one,
// "South Korea" rather than "Korea, Republic of"), the former codes', the trade sources' own
// (S19 "Other Asia, nes") and WLD "World". Generated at build time from Debian's iso-codes and
// import/data/trade_area_codes.json (cmake/CountryCodes.cmake).
#ifndef CULTURETRADE_REPORT_ECONOMY_NAMES_H_
#define CULTURETRADE_REPORT_ECONOMY_NAMES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace culturetrade::report {

// The name of an economy code; empty when the code is none culturetrade knows.
std::string EconomyName(absl::string_view code);

// "South Korea (KOR)"; the code alone when it has no name.
std::string EconomyLabel(absl::string_view code);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_ECONOMY_NAMES_H_
