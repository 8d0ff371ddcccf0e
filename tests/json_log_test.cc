// The log line's pieces: times exactly as absl::RFC3339_full writes them, and JSON escapes.
#include "service/server/json_log.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/time/time.h"

namespace culturetrade {
namespace {

std::string LogTime(absl::Time t) {
  std::string out;
  AppendLogTime(t, out);
  return out;
}

TEST(JsonLogTest, TimesAreWrittenAsRfc3339Full) {
  const absl::Time second = absl::FromUnixSeconds(1796313600);  // 2026-12-03T16:00:00Z
  for (absl::Duration after : {absl::ZeroDuration(), absl::Nanoseconds(1), absl::Milliseconds(250),
                               absl::Nanoseconds(861809083), absl::Nanoseconds(999999999),
                               absl::Seconds(59), absl::Hours(24 * 400) + absl::Microseconds(7)}) {
    const absl::Time t = second + after;
    EXPECT_EQ(LogTime(t), absl::FormatTime(absl::RFC3339_full, t, absl::UTCTimeZone()));
  }
}

TEST(JsonLogTest, ASecondsTextIsRemadeWhenTheSecondChanges) {
  const absl::Time t = absl::FromUnixSeconds(1796313600);
  EXPECT_EQ(LogTime(t), "2026-12-03T16:00:00+00:00");
  EXPECT_EQ(LogTime(t + absl::Seconds(1)), "2026-12-03T16:00:01+00:00");
  EXPECT_EQ(LogTime(t), "2026-12-03T16:00:00+00:00");
}

TEST(JsonLogTest, EscapesWhatJsonStringsCannotHold) {
  std::string out = "x";
  AppendJsonEscaped("a\"b\\c\nd\re\tf\x01g", out);
  EXPECT_EQ(out, "xa\\\"b\\\\c\\nd\\re\\tf\\u0001g");
}

}  // namespace
}  // namespace culturetrade
