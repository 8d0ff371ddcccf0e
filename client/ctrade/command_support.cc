#include "client/ctrade/command_support.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/ctrade/flow_csv.h"
#include "client/money_format.h"

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

std::string Options::Str(const std::string& name, const std::string& fallback) const {
  return args_.Get(name, fallback);
}

int Options::Int(const std::string& name, int fallback) {
  absl::StatusOr<int> v = args_.GetInt(name, fallback);
  if (!v.ok()) {
    if (status_.ok()) status_ = UsageError(v.status().message());
    return fallback;
  }
  return *v;
}

std::optional<double> Options::Double(const std::string& name) {
  if (!args_.Has(name)) return std::nullopt;
  double v = 0;
  if (!absl::SimpleAtod(args_.Get(name), &v)) {
    if (status_.ok()) status_ = UsageError(absl::StrCat("--", name, " takes a number"));
    return std::nullopt;
  }
  return v;
}

int Options::Scale() {
  absl::StatusOr<int> scale = ScaleExponent(args_.Get("scale", "units"));
  if (!scale.ok()) {
    if (status_.ok()) status_ = UsageError(scale.status().message());
    return 0;
  }
  return *scale;
}

std::string StatusMark(v1::ValueStatus status, bool partial) {
  const char* mark = status == v1::VALUE_STATUS_DERIVED     ? "*"
                     : status == v1::VALUE_STATUS_ESTIMATED ? "~"
                                                            : "";
  return absl::StrCat(mark, partial ? "p" : "");
}

std::string Amount(bool present, const google::type::Money& money, int scale, int digits) {
  return present ? FormatMoney(money, scale, digits) : "-";
}

std::string UnitText(int scale, const std::string& currency) {
  switch (scale) {
    case 3: return "thousands of " + currency;
    case 6: return "millions of " + currency;
    case 9: return "billions of " + currency;
    default: return currency;
  }
}

std::string Ratio(double v) { return absl::StrFormat("%.4f", v); }

std::string Times(double v) { return absl::StrFormat("%.2fx", v); }

}  // namespace culturetrade::ctrade
