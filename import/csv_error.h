// CsvError: the InvalidArgument error by which the CSV importers refuse a file, a header or a
// cell, its message the parts run together as absl::StrCat would.
#ifndef CULTURETRADE_IMPORT_CSV_ERROR_H_
#define CULTURETRADE_IMPORT_CSV_ERROR_H_

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade::import {

template <typename... Parts>
absl::Status CsvError(const Parts&... parts) {
  return absl::InvalidArgumentError(absl::StrCat(parts...));
}

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_CSV_ERROR_H_
