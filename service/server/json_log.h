// Structured logs: one JSON object a line on stderr, for log collectors.
#ifndef CULTURETRADE_SERVICE_SERVER_JSON_LOG_H_
#define CULTURETRADE_SERVICE_SERVER_JSON_LOG_H_

#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace culturetrade {

// A field's value is written as a JSON string unless `raw` (numbers). Views: a line is written
// before the call that makes it returns, so the fields may name temporaries.
struct LogField {
  absl::string_view key;
  absl::string_view value;
  bool raw = false;
};

// Writes {"time":..., "severity":..., "event":..., fields...} and a newline, in one write so
// that lines from concurrent calls do not interleave. Every call logs a line, so this takes no
// lock and, after a thread's first lines, allocates nothing.
void LogJson(absl::string_view severity, absl::string_view event,
             std::initializer_list<LogField> fields);

// Appends `text` escaped for a JSON string to `out`.
void AppendJsonEscaped(absl::string_view text, std::string& out);

// Appends `t` as RFC 3339 in UTC with as many fractional digits as it needs, as
// absl::RFC3339_full does ("2026-12-03T16:08:58.861809083+00:00"), without its format parser
// and time zone lookup on every line: the date and time of day are made once per second.
void AppendLogTime(absl::Time t, std::string& out);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_SERVER_JSON_LOG_H_
