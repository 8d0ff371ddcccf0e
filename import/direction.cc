#include "import/direction.h"

#include "absl/strings/ascii.h"
#include "import/csv_error.h"

namespace culturetrade::import {

absl::StatusOr<v1::FlowDirection> ParseDirection(const std::string& text) {
  const std::string s = absl::AsciiStrToLower(text);
  if (s == "export" || s == "x") return v1::FLOW_DIRECTION_EXPORT;
  if (s == "import" || s == "m") return v1::FLOW_DIRECTION_IMPORT;
  if (s == "re-export" || s == "rx") return v1::FLOW_DIRECTION_RE_EXPORT;
  if (s == "re-import" || s == "rm") return v1::FLOW_DIRECTION_RE_IMPORT;
  return CsvError("'", text, "' is not export, import, re-export or re-import (X, M, RX, RM)");
}

std::string DirectionName(v1::FlowDirection direction) {
  switch (direction) {
    case v1::FLOW_DIRECTION_EXPORT: return "export";
    case v1::FLOW_DIRECTION_IMPORT: return "import";
    case v1::FLOW_DIRECTION_RE_EXPORT: return "re-export";
    case v1::FLOW_DIRECTION_RE_IMPORT: return "re-import";
    default: return "?";
  }
}

}  // namespace culturetrade::import
