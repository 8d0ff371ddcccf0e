// Structured logs: one JSON object a line on stderr, for log collectors.
#ifndef CULTURETRADE_SERVICE_SERVER_JSON_LOG_H_
#define CULTURETRADE_SERVICE_SERVER_JSON_LOG_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace culturetrade {

// A field's value is written as a JSON string unless `raw` (numbers).
struct LogField {
  std::string key;
  std::string value;
  bool raw = false;
};

// Writes {"time":..., "severity":..., "event":..., fields...} and a newline, in one write so
// that lines from concurrent calls do not interleave.
void LogJson(absl::string_view severity, absl::string_view event,
             const std::vector<LogField>& fields);

// `text` escaped for a JSON string.
std::string JsonEscape(absl::string_view text);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_JSON_LOG_H_
