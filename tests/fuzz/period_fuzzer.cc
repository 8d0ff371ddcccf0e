// The period parser of the CSV importers: ParseCsvPeriod with and without days, and ReadPeriod
// over a row whose period, month and quarter columns are the input split at its first two
// `|`. The first byte chooses allow_day (bit 0) and which columns the header has (bits 1-2).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "import/csv_periods.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using culturetrade::v1::Period;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// What every period the parser returns promises.
void CheckPeriod(const Period& p, bool allow_day) {
  FUZZ_CHECK(p.year() >= 1900 && p.year() <= 2100);
  FUZZ_CHECK(p.month() >= 0 && p.month() <= 12);
  FUZZ_CHECK(p.quarter() >= 0 && p.quarter() <= 4);
  FUZZ_CHECK(p.month() == 0 || p.quarter() == 0);
  if (!allow_day) FUZZ_CHECK(p.day() == 0);
  if (p.day() != 0) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    FUZZ_CHECK(p.month() >= 1);
    const int days = p.month() == 2 && IsLeap(p.year()) ? 29 : kDays[p.month() - 1];
    FUZZ_CHECK(p.day() >= 1 && p.day() <= days);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace culturetrade::import;
  if (size < 1) return 0;
  const bool allow_day = data[0] & 1;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  for (bool day : {false, true}) {
    absl::StatusOr<Period> p = ParseCsvPeriod(text, day);
    if (p.ok()) {
      CheckPeriod(*p, day);
      // A period read without days is read the same with them.
      if (!day) {
        absl::StatusOr<Period> with_day = ParseCsvPeriod(text, true);
        FUZZ_CHECK(with_day.ok());
        FUZZ_CHECK(with_day->SerializeAsString() == p->SerializeAsString());
      }
    }
  }

  // The same through a row: period|month|quarter under a header that has some of them.
  std::vector<std::string> cells = absl::StrSplit(text, absl::MaxSplits('|', 2));
  std::vector<std::string> names = {"period"};
  if (data[0] & 2) names.push_back("month");
  if (data[0] & 4) names.push_back("quarter");
  CsvHeader header(names);
  const PeriodColumns columns = ClaimPeriodColumns(header, allow_day);
  CsvRow row(header, cells);
  absl::StatusOr<Period> p = ReadPeriod(row, columns, allow_day);
  if (p.ok()) CheckPeriod(*p, allow_day);
  return 0;
}
