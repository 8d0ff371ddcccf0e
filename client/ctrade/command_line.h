// The arguments of one ctrade subcommand: positionals and `--name value` / `--name=value`
// options, with environment variables as fallbacks for the global ones.
#ifndef CULTURETRADE_CLIENT_CTRADE_COMMAND_LINE_H_
#define CULTURETRADE_CLIENT_CTRADE_COMMAND_LINE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace culturetrade::ctrade {

class CommandLine {
 public:
  // `switches` are the options that take no value (such as --help). A lone `-` is positional
  // (standard input); everything after `--` is positional too.
  static absl::StatusOr<CommandLine> Parse(const std::vector<std::string>& args,
                                           const absl::flat_hash_set<std::string>& switches);

  const std::vector<std::string>& positional() const { return positional_; }
  // A copy without the first `n` positionals (a subcommand's name).
  CommandLine WithoutLeadingPositionals(size_t n) const;
  bool Has(const std::string& name) const { return options_.contains(name); }
  // The option's value (the last, when it is given more than once), else the environment
  // variable `env` (if given), else `fallback`.
  std::string Get(const std::string& name, const std::string& fallback = "",
                  const char* env = nullptr) const;
  absl::StatusOr<int> GetInt(const std::string& name, int fallback) const;
  // Every value of an option that may be given more than once, in command-line order.
  std::vector<std::string> GetAll(const std::string& name) const;
  // Every option given as name and value (one pair a value), sorted by name: the command's options
  // whatever their order on the line.
  std::vector<std::pair<std::string, std::string>> SortedOptions() const;
  // INVALID_ARGUMENT naming the first option that is not in `known`.
  absl::Status CheckKnown(const absl::flat_hash_set<std::string>& known) const;

 private:
  std::vector<std::string> positional_;
  absl::flat_hash_map<std::string, std::vector<std::string>> options_;
};

}  // namespace culturetrade::ctrade

#endif  // CULTURETRADE_CLIENT_CTRADE_COMMAND_LINE_H_
