// The ISO 3166-1 alpha-3 country codes of the ISO numeric (UN M49) codes that UN Comtrade and
// CEPII BACI write, for the largest traders and their neighbours; a code outside the table is
// an error naming it, never a guess.
#ifndef CULTURETRADE_IMPORT_NUMERIC_COUNTRY_CODES_H_
#define CULTURETRADE_IMPORT_NUMERIC_COUNTRY_CODES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace culturetrade::import {

// The alpha-3 code of an ISO numeric code as Comtrade and BACI write them, 0 being the world
// (WLD); an unknown code is an error naming it.
absl::StatusOr<std::string> CountryFromNumeric(absl::string_view code);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_NUMERIC_COUNTRY_CODES_H_
