#include "client/ctrade/commands.h"

#include <fstream>
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/ctrade/flow_csv.h"
#include "client/money_format.h"

namespace culturetrade::ctrade {
namespace {

constexpr char kUsagePayload[] = "culturetrade.ctrade/usage";

// Accepts `datasets/x` or the bare id `x`.
std::string DatasetNameArg(const std::string& arg) {
  return absl::StartsWith(arg, "datasets/") ? arg : absl::StrCat("datasets/", arg);
}

absl::StatusOr<std::string> OnePositional(const Context& c, const char* what) {
  if (c.args.positional().size() != 1) {
    return UsageError(absl::StrCat("give exactly one ", what));
  }
  return c.args.positional()[0];
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

absl::Status ListDatasets(Context& c) {
  absl::StatusOr<int> page_size = c.args.GetInt("page-size", 0);
  if (!page_size.ok()) return UsageError(page_size.status().message());
  std::vector<v1::Dataset> datasets;
  v1::ListDatasetsResponse page;
  if (*page_size == 0 && !c.args.Has("page-token")) {
    absl::StatusOr<std::vector<v1::Dataset>> all = c.client.ListAllDatasets();
    if (!all.ok()) return all.status();
    datasets = *std::move(all);
    for (const v1::Dataset& d : datasets) *page.add_datasets() = d;
  } else {
    absl::StatusOr<v1::ListDatasetsResponse> one =
        c.client.ListDatasets(*page_size, c.args.Get("page-token"));
    if (!one.ok()) return one.status();
    page = *std::move(one);
    datasets.assign(page.datasets().begin(), page.datasets().end());
  }
  if (c.format == Format::kJson) {
    PrintJson(page, c.out);
  } else {
    PrintDatasets(c, datasets);
    if (!page.next_page_token().empty() && c.format == Format::kTable) {
      c.out << "next page: --page-token " << page.next_page_token() << "\n";
    }
  }
  return absl::OkStatus();
}

std::string DirectionName(v1::FlowDirection d) {
  switch (d) {
    case v1::FLOW_DIRECTION_EXPORT: return "export";
    case v1::FLOW_DIRECTION_IMPORT: return "import";
    case v1::FLOW_DIRECTION_RE_EXPORT: return "re-export";
    case v1::FLOW_DIRECTION_RE_IMPORT: return "re-import";
    default: return "?";
  }
}

std::string StatusName(v1::ValueStatus s) {
  switch (s) {
    case v1::VALUE_STATUS_DERIVED: return "derived";
    case v1::VALUE_STATUS_ESTIMATED: return "estimated";
    default: return "reported";
  }
}

std::string PeriodText(const v1::Period& p) {
  if (p.month() != 0) return absl::StrFormat("%d-%02d", p.year(), p.month());
  if (p.quarter() != 0) return absl::StrFormat("%dQ%d", p.year(), p.quarter());
  return absl::StrCat(p.year());
}

absl::Status GetDataset(Context& c) {
  absl::StatusOr<std::string> name = OnePositional(c, "dataset name");
  if (!name.ok()) return name.status();
  const std::string view = c.args.Get("view", "basic");
  if (view != "basic" && view != "full") return UsageError("--view is basic or full");
  absl::StatusOr<v1::Dataset> d = c.client.GetDataset(
      DatasetNameArg(*name), view == "full" ? v1::DATASET_VIEW_FULL : v1::DATASET_VIEW_BASIC);
  if (!d.ok()) return d.status();
  if (c.format == Format::kJson) {
    PrintJson(*d, c.out);
    return absl::OkStatus();
  }
  Table meta{{"FIELD", "VALUE"},
             {{"name", d->name()},
              {"display_name", d->display_name()},
              {"description", d->description()},
              {"flows", absl::StrCat(d->flow_count())},
              {"deals", absl::StrCat(d->deals_size())},
              {"exchange_rates", absl::StrCat(d->exchange_rates_size())},
              {"etag", d->etag()},
              {"created (UTC)", Timestamp(d->create_time())},
              {"updated (UTC)", Timestamp(d->update_time())}},
             {}};
  PrintTable(meta, c.format, c.out);
  if (d->flows_size() == 0) return absl::OkStatus();
  Table flows{{"REPORTER", "PARTNER", "PRODUCT", "DIRECTION", "PERIOD", "VALUE", "CURRENCY",
               "STATUS"},
              {},
              {}};
  for (const v1::TradeFlow& f : d->flows()) {
    flows.rows.push_back({f.reporter(), f.partner(), f.product().code(),
                          DirectionName(f.direction()), PeriodText(f.period()),
                          FormatMoney(f.value(), 0, 2), f.value().currency_code(),
                          StatusName(f.status())});
  }
  c.out << "\n";
  PrintTable(flows, c.format, c.out);
  return absl::OkStatus();
}

absl::Status DeleteDataset(Context& c) {
  absl::StatusOr<std::string> name = OnePositional(c, "dataset name");
  if (!name.ok()) return name.status();
  absl::Status s = c.client.DeleteDataset(DatasetNameArg(*name), c.args.Get("etag"));
  if (s.ok() && c.format == Format::kTable) c.out << "deleted " << DatasetNameArg(*name) << "\n";
  return s;
}

absl::StatusOr<std::vector<v1::TradeFlow>> ReadCsvArg(Context& c) {
  const std::string path = c.args.Get("csv");
  if (path.empty()) return UsageError("--csv FILE is required (- reads standard input)");
  FlowCsvDefaults defaults;
  defaults.reporter = c.args.Get("reporter");
  defaults.partner = c.args.Get("partner");
  defaults.product = c.args.Get("product");
  defaults.currency = c.args.Get("currency");
  absl::StatusOr<int> scale = ScaleExponent(c.args.Get("scale", "units"));
  if (!scale.ok()) return UsageError(scale.status().message());
  defaults.scale_exponent = *scale;
  const std::string delimiter = c.args.Get("delimiter");
  if (delimiter.size() > 1 && delimiter != "tab") return UsageError("--delimiter is one character or 'tab'");
  defaults.delimiter = delimiter == "tab" ? '\t' : (delimiter.empty() ? 0 : delimiter[0]);
  if (path == "-") return ReadFlowsCsv(c.in, defaults);
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::InvalidArgumentError(absl::StrCat("cannot open ", path));
  absl::StatusOr<std::vector<v1::TradeFlow>> flows = ReadFlowsCsv(file, defaults);
  if (!flows.ok()) {
    return absl::Status(flows.status().code(), absl::StrCat(path, ": ", flows.status().message()));
  }
  return flows;
}

absl::Status CreateDataset(Context& c) {
  absl::StatusOr<std::string> id = OnePositional(c, "dataset id");
  if (!id.ok()) return id.status();
  absl::StatusOr<std::vector<v1::TradeFlow>> flows = ReadCsvArg(c);
  if (!flows.ok()) return flows.status();
  v1::Dataset dataset;
  dataset.set_display_name(c.args.Get("display-name", *id));
  dataset.set_description(c.args.Get("description"));
  absl::StatusOr<v1::Dataset> created = c.client.UploadNewDataset(*id, dataset, *flows);
  if (!created.ok()) return created.status();
  if (c.format == Format::kJson) {
    PrintJson(*created, c.out);
  } else {
    PrintDatasets(c, {*created});
  }
  return absl::OkStatus();
}

// Builds the balance table; `markers` tags derived (*) and estimated (~) values.
Table BalanceTable(const v1::AnalyzeBalanceResponse& r, int scale, int digits, bool markers) {
  auto money = [&](bool has, const google::type::Money& m, v1::ValueStatus status) {
    if (!has) return std::string("-");
    std::string text = FormatMoney(m, scale, digits);
    if (markers && status == v1::VALUE_STATUS_DERIVED) text += "*";
    if (markers && status == v1::VALUE_STATUS_ESTIMATED) text += "~";
    return text;
  };
  auto optional = [](bool has, double v, auto format) { return has ? format(v) : "-"; };
  auto ratio = [](double v) { return absl::StrFormat("%.4f", v); };
  Table t{{"YEAR", "EXPORTS", "IMPORTS", "BALANCE", "TOTAL TRADE", "COVERAGE X/M",
           "NORMALIZED BALANCE", "EXPORT GROWTH", "IMPORT GROWTH"},
          {},
          {}};
  for (const v1::BalanceYear& y : r.years()) {
    t.rows.push_back({absl::StrCat(y.year()),
                      money(y.has_exports(), y.exports(), y.export_status()),
                      money(y.has_imports(), y.imports(), y.import_status()),
                      money(y.has_balance(), y.balance(), v1::VALUE_STATUS_REPORTED),
                      money(y.has_total_trade(), y.total_trade(), v1::VALUE_STATUS_REPORTED),
                      optional(y.has_coverage_ratio(), y.coverage_ratio(), ratio),
                      optional(y.has_normalized_balance(), y.normalized_balance(), ratio),
                      optional(y.has_export_growth(), y.export_growth(), Percent),
                      optional(y.has_import_growth(), y.import_growth(), Percent)});
  }
  return t;
}

std::string GrowthNote(const char* label, const v1::CompoundGrowth& g, int scale, int digits) {
  if (!g.has_rate()) return absl::StrCat("  ", label, ": undefined (", g.undefined_reason(), ")");
  return absl::StrCat("  ", label, " ", g.start_year(), "-", g.end_year(), ": ",
                      Percent(g.rate()), " a year (", FormatMoney(g.start_value(), scale, digits),
                      " -> ", FormatMoney(g.end_value(), scale, digits), ")");
}

absl::Status AnalyzeBalance(Context& c) {
  absl::StatusOr<std::string> name = OnePositional(c, "dataset name");
  if (!name.ok()) return name.status();
  v1::AnalyzeBalanceRequest request;
  request.set_dataset(DatasetNameArg(*name));
  request.set_reporter(c.args.Get("reporter"));
  request.set_partner(c.args.Get("partner"));
  request.set_product_code(c.args.Get("product"));
  absl::StatusOr<int> start = c.args.GetInt("start-year", 0);
  absl::StatusOr<int> end = c.args.GetInt("end-year", 0);
  absl::StatusOr<int> digits = c.args.GetInt("digits", 2);
  absl::StatusOr<int> scale = ScaleExponent(c.args.Get("scale", "units"));
  for (const absl::Status& s : {start.status(), end.status(), digits.status(), scale.status()}) {
    if (!s.ok()) return UsageError(s.message());
  }
  request.set_start_year(*start);
  request.set_end_year(*end);
  absl::StatusOr<v1::AnalyzeBalanceResponse> r = c.client.AnalyzeBalance(request);
  if (!r.ok()) return r.status();
  if (c.format == Format::kJson) {
    PrintJson(*r, c.out);
    return absl::OkStatus();
  }
  Table t = BalanceTable(*r, *scale, *digits, c.format == Format::kTable);
  const std::string unit = c.args.Get("scale", "units");
  t.notes = {"",
             absl::StrCat(r->reporter(), " with ", r->partner(), ", ", r->product_code(), ": ",
                          unit == "units" ? "" : unit + " of ", r->currency_code(),
                          ". * derived value, ~ estimated value, - no data."),
             "Average annual (compound) growth:",
             GrowthNote("exports", r->export_growth(), *scale, *digits),
             GrowthNote("imports", r->import_growth(), *scale, *digits)};
  PrintTable(t, c.format, c.out);
  return absl::OkStatus();
}

const std::vector<std::pair<std::string, std::string>> kCsvOptions = {
    {"csv", "the CSV file to read, - for standard input"},
    {"reporter", "reporter for files without a reporter column (ISO alpha-3)"},
    {"partner", "partner for files without a partner column"},
    {"product", "product code for files without a product column"},
    {"currency", "currency for files without a currency column (ISO 4217)"},
    {"scale", "the unit of the values: units, thousands, millions or billions"},
    {"delimiter", "the field separator: , ; or tab (detected when absent)"}};

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
    std::vector<std::pair<std::string, std::string>> create_options = {
        {"display-name", "a short title for the dataset"},
        {"description", "what the dataset holds"}};
    create_options.insert(create_options.end(), kCsvOptions.begin(), kCsvOptions.end());
    return new std::vector<Command>{
        {"datasets list", "", "List datasets, all pages unless --page-size is given.",
         {{"page-size", "datasets a page (1-1000)"}, {"page-token", "continue after a page"}},
         ListDatasets},
        {"datasets get", "DATASET", "Show a dataset; --view full lists its flows.",
         {{"view", "basic or full"}}, GetDataset},
        {"datasets delete", "DATASET", "Delete a dataset and all it holds, for good.",
         {{"etag", "delete only while the dataset has this etag"}}, DeleteDataset},
        {"datasets create", "ID", "Create a dataset from a long-layout CSV file of flows.",
         create_options, CreateDataset},
        {"analyze balance", "DATASET",
         "Yearly exports, imports, balance and growth of a reporter with a partner.",
         {{"reporter", "the reporting economy (ISO alpha-3), for example CHN"},
          {"partner", "the partner economy, for example KOR"},
          {"product", "the product code, for example TV_DRAMAS"},
          {"start-year", "first year of the compound growth (default: first with data)"},
          {"end-year", "last year of the compound growth (default: last with data)"},
          {"scale", "show amounts in units, thousands, millions or billions"},
          {"digits", "decimals shown for amounts (default 2)"}},
         AnalyzeBalance},
    };
  }();
  return *commands;
}

}  // namespace culturetrade::ctrade
