#include "client/ctrade/commands.h"

#include "absl/strings/cord.h"

namespace culturetrade::ctrade {
namespace {

constexpr char kUsagePayload[] = "culturetrade.ctrade/usage";

}  // namespace

absl::Status UsageError(absl::string_view message) {
  absl::Status s = absl::InvalidArgumentError(message);
  s.SetPayload(kUsagePayload, absl::Cord("1"));
  return s;
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

const std::vector<Command>& Commands() {
  static const auto* commands = [] {
    auto* all = new std::vector<Command>;
    for (auto* group : {&DatasetCommands, &ImportCommands, &AnalysisCommands, &ReportCommands}) {
      for (Command& c : group()) all->push_back(std::move(c));
    }
    return all;
  }();
  return *commands;
}

}  // namespace culturetrade::ctrade
