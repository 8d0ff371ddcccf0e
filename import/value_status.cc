#include "import/value_status.h"

#include "absl/strings/ascii.h"
#include "import/csv_error.h"

namespace culturetrade::import {

absl::StatusOr<v1::ValueStatus> ParseStatus(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(text);
  if (s.empty() || s == "reported") return v1::VALUE_STATUS_REPORTED;
  if (s == "derived") return v1::VALUE_STATUS_DERIVED;
  if (s == "estimated" || s == "illustrative") return v1::VALUE_STATUS_ESTIMATED;
  return CsvError("'", text, "' is not reported, derived or estimated");
}

absl::StatusOr<v1::ValueStatus> ParseIsReported(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(text);
  if (s.empty() || s == "true" || s == "1") return v1::VALUE_STATUS_REPORTED;
  if (s == "false" || s == "0") return v1::VALUE_STATUS_ESTIMATED;
  return CsvError("'", text, "' is not true or false");
}

std::string StatusName(v1::ValueStatus status) {
  switch (status) {
    case v1::VALUE_STATUS_DERIVED: return "derived";
    case v1::VALUE_STATUS_ESTIMATED: return "estimated";
    default: return "reported";
  }
}

}  // namespace culturetrade::import
