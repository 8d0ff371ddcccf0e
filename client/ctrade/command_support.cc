#include "client/ctrade/command_support.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "import/scale.h"

namespace culturetrade::ctrade {

std::string DatasetNameArg(const std::string& arg) {
  return absl::StartsWith(arg, "datasets/") ? arg : absl::StrCat("datasets/", arg);
}

absl::StatusOr<std::string> OnePositional(const Context& c, const char* what) {
  if (c.args.positional().size() != 1) {
    return UsageError(absl::StrCat("give exactly one ", what));
  }
  return c.args.positional()[0];
}

std::string OptionReader::Str(const std::string& name, const std::string& fallback) const {
  return args_.Get(name, fallback);
}

int OptionReader::Int(const std::string& name, int fallback) {
  absl::StatusOr<int> v = args_.GetInt(name, fallback);
  if (!v.ok()) {
    if (status_.ok()) status_ = UsageError(v.status().message());
    return fallback;
  }
  return *v;
}

std::optional<double> OptionReader::Double(const std::string& name) {
  if (!args_.Has(name)) return std::nullopt;
  double v = 0;
  if (!absl::SimpleAtod(args_.Get(name), &v)) {
    if (status_.ok()) status_ = UsageError(absl::StrCat("--", name, " takes a number"));
    return std::nullopt;
  }
  return v;
}

int OptionReader::Scale() {
  absl::StatusOr<int> scale = import::ScaleExponent(args_.Get("scale", "units"));
  if (!scale.ok()) {
    if (status_.ok()) status_ = UsageError(scale.status().message());
    return 0;
  }
  return *scale;
}

}  // namespace culturetrade::ctrade
