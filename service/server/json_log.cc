#include "service/server/json_log.h"

#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace culturetrade {

std::string JsonEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

void LogJson(absl::string_view severity, absl::string_view event,
             const std::vector<LogField>& fields) {
  std::string line = absl::StrCat(
      "{\"time\":\"", absl::FormatTime(absl::RFC3339_full, absl::Now(), absl::UTCTimeZone()),
      "\",\"severity\":\"", severity, "\",\"event\":\"", JsonEscape(event), "\"");
  for (const LogField& f : fields) {
    absl::StrAppend(&line, ",\"", JsonEscape(f.key),
                    "\":", f.raw ? f.value : absl::StrCat("\"", JsonEscape(f.value), "\""));
  }
  line += "}\n";
  // One write(2): the kernel keeps a short line from interleaving with another thread's.
  ssize_t unused = write(STDERR_FILENO, line.data(), line.size());
  (void)unused;
}

}  // namespace culturetrade
