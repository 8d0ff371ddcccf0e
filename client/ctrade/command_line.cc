#include "client/ctrade/command_line.h"

#include <algorithm>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace culturetrade::ctrade {

absl::StatusOr<CommandLine> CommandLine::Parse(const std::vector<std::string>& args,
                                               const absl::flat_hash_set<std::string>& switches) {
  CommandLine out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      out.positional_.insert(out.positional_.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (!absl::StartsWith(arg, "--")) {
      out.positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::string value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (!switches.contains(name)) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
      }
      value = args[++i];
    } else {
      value = "true";
    }
    out.options_[name].push_back(value);
  }
  return out;
}

CommandLine CommandLine::WithoutLeadingPositionals(size_t n) const {
  CommandLine out = *this;
  out.positional_.erase(out.positional_.begin(),
                        out.positional_.begin() + std::min(n, out.positional_.size()));
  return out;
}

std::string CommandLine::Get(const std::string& name, const std::string& fallback,
                             const char* env) const {
  if (auto it = options_.find(name); it != options_.end()) return it->second.back();
  if (env != nullptr) {
    if (const char* v = std::getenv(env); v != nullptr && *v != '\0') return v;
  }
  return fallback;
}

absl::StatusOr<int> CommandLine::GetInt(const std::string& name, int fallback) const {
  if (!Has(name)) return fallback;
  const std::string text = Get(name);
  int value = 0;
  if (!absl::SimpleAtoi(text, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " takes a whole number, not '", text, "'"));
  }
  return value;
}

std::vector<std::string> CommandLine::GetAll(const std::string& name) const {
  auto it = options_.find(name);
  return it == options_.end() ? std::vector<std::string>() : it->second;
}

std::vector<std::pair<std::string, std::string>> CommandLine::SortedOptions() const {
  std::vector<std::pair<std::string, std::string>> sorted;
  for (const auto& [name, values] : options_) {
    for (const std::string& value : values) sorted.emplace_back(name, value);
  }
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

absl::Status CommandLine::CheckKnown(const absl::flat_hash_set<std::string>& known) const {
  for (const auto& [name, value] : options_) {
    if (!known.contains(name)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown option --", name));
    }
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::ctrade
