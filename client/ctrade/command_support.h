// Helpers shared by ctrade's commands: dataset names and options read with usage errors. Values
// are formatted by report/value_format.h, the one way the terminal and the report show them.
#ifndef CULTURETRADE_CLIENT_CTRADE_COMMAND_SUPPORT_H_
#define CULTURETRADE_CLIENT_CTRADE_COMMAND_SUPPORT_H_

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "client/ctrade/commands.h"
#include "culturetrade/v1/dataset.pb.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "report/value_format.h"

namespace culturetrade::ctrade {

// Accepts `datasets/x` or the bare id `x`.
std::string DatasetNameArg(const std::string& arg);
// The command's single positional argument, or a usage error naming `what`.
absl::StatusOr<std::string> OnePositional(const Context& c, const char* what);

// Runs `read` on the file at `path` (- is standard input), naming the file in its errors.
template <typename Result, typename Read>
absl::StatusOr<Result> ReadInput(Context& c, const std::string& path, Read read) {
  if (path.empty()) return UsageError("a CSV file is required (- reads standard input)");
  if (path == "-") return read(c.in);
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::InvalidArgumentError(absl::StrCat("cannot open ", path));
  absl::StatusOr<Result> result = read(file);
  if (!result.ok()) {
    return absl::Status(result.status().code(),
                        absl::StrCat(path, ": ", result.status().message()));
  }
  return result;
}

// Reads typed options, remembering the first one that does not parse as a usage error.
class OptionReader {
 public:
  explicit OptionReader(const CommandLine& args) : args_(args) {}
  std::string Str(const std::string& name, const std::string& fallback = "") const;
  int Int(const std::string& name, int fallback = 0);
  std::optional<double> Double(const std::string& name);
  bool Flag(const std::string& name) const { return args_.Has(name); }
  // The power of ten of --scale (units, thousands, millions, billions).
  int Scale();
  const absl::Status& status() const { return status_; }

  // Tables for people mark derived (*), estimated (~) and partial (p) values; CSV does not.
  bool markers = true;
  // StatusMark when markers are on, else nothing.
  std::string Mark(v1::ValueStatus status, bool partial = false) const {
    return markers ? report::StatusMark(status, partial) : "";
  }

 private:
  const CommandLine& args_;
  absl::Status status_;
};

// "1 flow", "2 flows": `n` and `noun`, plural unless n is 1.
std::string Count(int64_t n, const std::string& noun);
// A timestamp as ctrade prints it, in UTC: 2026-11-28 19:22:28.
std::string Timestamp(const google::protobuf::Timestamp& ts);
// Datasets as a table: name, display name, flows, etag, last update.
void PrintDatasets(const Context& c, const std::vector<v1::Dataset>& datasets);
// A period as ctrade prints it: 2001, 2001-01 or 2001Q1.
std::string PeriodText(const v1::Period& p);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_COMMAND_SUPPORT_H_
