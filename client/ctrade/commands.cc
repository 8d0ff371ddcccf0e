#include "client/ctrade/commands.h"

#include <fstream>
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/flow_csv.h"
#include "client/money_format.h"

namespace culturetrade::ctrade {
namespace {

constexpr char kUsagePayload[] = "culturetrade.ctrade/usage";

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

// Multipliers and cited facts are shown as their sources state them, with the source.
void PrintSourcedFacts(const Context& c, const v1::Dataset& d) {
  if (d.multipliers_size() + d.cited_facts_size() == 0) return;
  Table facts{{"ID", "FACT", "VALUE", "SOURCE"}, {}, {}};
  for (const v1::Multiplier& m : d.multipliers()) {
    facts.rows.push_back({m.id(),
                          absl::StrCat("merchandise exports induced per cultural exports, ",
                                       m.economy()),
                          absl::StrCat(FormatMoney(m.induced_exports(), 0, 0), " per ",
                                       FormatMoney(m.cultural_exports(), 0, 0), " ",
                                       m.cultural_exports().currency_code()),
                          absl::StrCat(m.source().title(), ", ", m.year())});
  }
  for (const v1::CitedFact& f : d.cited_facts()) {
    facts.rows.push_back({f.id(), absl::StrCat(f.subject(), ": ", f.statement()),
                          absl::StrCat(f.qualifier(), f.qualifier().empty() ? "" : " ", f.value(),
                                       " ", f.unit()),
                          absl::StrCat(f.source().title(), ", ", f.source().locator())});
  }
  c.out << "\n";
  PrintTable(facts, c.format, c.out);
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
  PrintSourcedFacts(c, *d);
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
    auto* all = new std::vector<Command>{
        {"datasets list", "", "List datasets, all pages unless --page-size is given.",
         {{"page-size", "datasets a page (1-1000)"}, {"page-token", "continue after a page"}},
         ListDatasets},
        {"datasets get", "DATASET", "Show a dataset; --view full lists its flows.",
         {{"view", "basic or full"}}, GetDataset},
        {"datasets delete", "DATASET", "Delete a dataset and all it holds, for good.",
         {{"etag", "delete only while the dataset has this etag"}}, DeleteDataset},
        {"datasets create", "ID", "Create a dataset from a long-layout CSV file of flows.",
         create_options, CreateDataset},
    };
    for (Command& c : AnalysisCommands()) all->push_back(std::move(c));
    return all;
  }();
  return *commands;
}

}  // namespace culturetrade::ctrade
