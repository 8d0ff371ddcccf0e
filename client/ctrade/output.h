// How ctrade prints results: aligned tables for people, CSV for pipes, and the proto JSON
// mapping for programs.
#ifndef CULTURETRADE_CLIENT_CTRADE_OUTPUT_H_
#define CULTURETRADE_CLIENT_CTRADE_OUTPUT_H_

#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "google/protobuf/message.h"
#include "report/table.h"

namespace culturetrade::ctrade {

enum class Format { kTable, kJson, kCsv };

absl::StatusOr<Format> ParseFormat(const std::string& name);

using report::Table;

// Prints `table` aligned (numbers to the right) or as CSV; JSON callers use PrintJson.
void PrintTable(const Table& table, Format format, std::ostream& out);
void PrintJson(const google::protobuf::Message& message, std::ostream& out);
// One CSV line of `cells`, quoted where a cell needs it.
void PrintCsvRow(absl::Span<const std::string> cells, std::ostream& out);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_OUTPUT_H_
