#include "client/ctrade/command_support.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "import/scale.h"

namespace culturetrade::ctrade {

std::string Count(int64_t n, const std::string& noun) {
  return absl::StrCat(n, " ", noun, n == 1 ? "" : "s");
}

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

std::string Timestamp(const google::protobuf::Timestamp& ts) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(ts.seconds()),
                          absl::UTCTimeZone());
}

void PrintDatasets(const Context& c, const std::vector<v1::Dataset>& datasets) {
  Table t{{"NAME", "DISPLAY NAME", "FLOWS", "ETAG", "UPDATED (UTC)"}, {}, {}};
  for (const v1::Dataset& d : datasets) {
    t.rows.push_back({d.name(), d.display_name(), absl::StrCat(d.flow_count()), d.etag(),
                      Timestamp(d.update_time())});
  }
  PrintTable(t, c.format, c.out);
}

std::string PeriodText(const v1::Period& p) {
  if (p.month() != 0) return absl::StrFormat("%d-%02d", p.year(), p.month());
  if (p.quarter() != 0) return absl::StrFormat("%dQ%d", p.year(), p.quarter());
  return absl::StrCat(p.year());
}

}  // namespace culturetrade::ctrade
