#include "service/server/json_log.h"

#include <unistd.h>

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace culturetrade {

void AppendJsonEscaped(absl::string_view text, std::string& out) {
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
}

void AppendLogTime(absl::Time t, std::string& out) {
  // Each thread keeps the text of the second it last wrote.
  thread_local int64_t second = INT64_MIN;
  thread_local std::string prefix;
  const int64_t now = absl::ToUnixSeconds(t);
  if (now != second) {
    second = now;
    prefix = absl::FormatTime("%Y-%m-%dT%H:%M:%S", t, absl::UTCTimeZone());
  }
  out += prefix;
  auto nanos = static_cast<uint32_t>((t - absl::FromUnixSeconds(now)) / absl::Nanoseconds(1));
  if (nanos != 0) {
    char digits[10] = {'.'};
    for (int i = 9; i > 0; --i, nanos /= 10) digits[i] = static_cast<char>('0' + nanos % 10);
    int end = 10;
    while (digits[end - 1] == '0') --end;
    out.append(digits, end);
  }
  out += "+00:00";
}

void LogJson(absl::string_view severity, absl::string_view event,
             std::initializer_list<LogField> fields) {
  thread_local std::string line;
  line.clear();
  line += "{\"time\":\"";
  AppendLogTime(absl::Now(), line);
  absl::StrAppend(&line, "\",\"severity\":\"", severity, "\",\"event\":\"");
  AppendJsonEscaped(event, line);
  line += '"';
  for (const LogField& f : fields) {
    line += ",\"";
    AppendJsonEscaped(f.key, line);
    line += "\":";
    if (f.raw) {
      line.append(f.value.data(), f.value.size());
    } else {
      line += '"';
      AppendJsonEscaped(f.value, line);
      line += '"';
    }
  }
  line += "}\n";
  // One write(2): the kernel keeps a short line from interleaving with another thread's.
  ssize_t unused = write(STDERR_FILENO, line.data(), line.size());
  (void)unused;
}

}  // namespace culturetrade
