// Helpers shared by ctrade's commands and its report: dataset names, options with usage errors,
// and values formatted the one way the terminal and the report both show them.
#ifndef CULTURETRADE_CLIENT_CTRADE_COMMAND_SUPPORT_H_
#define CULTURETRADE_CLIENT_CTRADE_COMMAND_SUPPORT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "client/ctrade/commands.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "google/type/money.pb.h"

namespace culturetrade::ctrade {

// Accepts `datasets/x` or the bare id `x`.
std::string DatasetNameArg(const std::string& arg);
// The command's single positional argument, or a usage error naming `what`.
absl::StatusOr<std::string> OnePositional(const Context& c, const char* what);

// * derived, ~ estimated, then p for a partial year: the markers of ctrade's tables.
std::string StatusMark(v1::ValueStatus status, bool partial = false);

// Reads typed options, remembering the first one that does not parse as a usage error.
class Options {
 public:
  explicit Options(const CommandLine& args) : args_(args) {}
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
    return markers ? StatusMark(status, partial) : "";
  }

 private:
  const CommandLine& args_;
  absl::Status status_;
};

// An amount for display: divided by 10^scale, with `digits` decimals; "-" when absent.
std::string Amount(bool present, const google::type::Money& money, int scale, int digits = 2);
// "millions of CNY" or "CNY".
std::string UnitText(int scale, const std::string& currency);
// A ratio with four decimals: "0.8312".
std::string Ratio(double v);
// A multiple with two decimals: "3.50x".
std::string Times(double v);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_COMMAND_SUPPORT_H_
