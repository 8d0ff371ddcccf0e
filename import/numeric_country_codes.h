// The culturetrade economy code (ISO 3166-1 alpha-3, WLD, or a trade source's own code such as
// S19) of the numeric codes UN Comtrade and CEPII BACI write: every ISO 3166-1 numeric code, and
// the sources' codes beyond ISO from import/data (its README says where each comes from). A
// code outside the table, or an area that is no single economy, is an error naming it.
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
