// ctrade's subcommands: what each is called, what it takes, and what it runs.
#ifndef CULTURETRADE_CLIENT_CTRADE_COMMANDS_H_
#define CULTURETRADE_CLIENT_CTRADE_COMMANDS_H_

#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "client/client.h"
#include "client/ctrade/command_line.h"
#include "client/ctrade/output.h"

namespace culturetrade::ctrade {

struct Context {
  Client& client;
  const CommandLine& args;
  Format format;
  std::istream& in;
  std::ostream& out;
};

struct Command {
  std::string name;      // for example "datasets list"
  std::string synopsis;  // the arguments after the name
  std::string summary;
  std::vector<std::pair<std::string, std::string>> options;  // name (without --), help
  std::function<absl::Status(Context&)> run;
};

// Every command, in the order --help lists them: each group's, one group after another.
const std::vector<Command>& Commands();
// datasets list, get, delete, export (dataset_commands.cc).
std::vector<Command> DatasetCommands();
// datasets create, append; rates import (import_commands.cc).
std::vector<Command> ImportCommands();
std::vector<Command> AnalysisCommands();
std::vector<Command> ReportCommands();

// A status for a mistake on the command line (exit code 2 rather than 3).
absl::Status UsageError(absl::string_view message);
bool IsUsageError(const absl::Status& status);

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_COMMANDS_H_
