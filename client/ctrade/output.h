// How ctrade prints results: aligned tables for people, CSV for pipes, and the proto JSON
// mapping for programs.
#ifndef CULTURETRADE_CLIENT_CTRADE_OUTPUT_H_
#define CULTURETRADE_CLIENT_CTRADE_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace culturetrade::ctrade {

enum class Format { kTable, kJson, kCsv };

absl::StatusOr<Format> ParseFormat(const std::string& name);

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Table format only: lines printed under the table (notes, summaries).
  std::vector<std::string> notes;
};

// Prints `table` aligned (numbers to the right) or as CSV; JSON callers use PrintJson.
void PrintTable(const Table& table, Format format, std::ostream& out);
void PrintJson(const google::protobuf::Message& message, std::ostream& out);

// `rate` (a fraction) as a signed percentage with two decimals: 0.2685 -> "26.85%".
std::string Percent(double rate);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_OUTPUT_H_
