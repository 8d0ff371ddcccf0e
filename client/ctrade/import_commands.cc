// ctrade datasets create and append, and rates import: CSV files into datasets.
#include <iostream>
#include <iterator>
#include <optional>

#include "absl/functional/function_ref.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/commands.h"
#include "client/ctrade/create_request_id.h"
#include "client/ctrade/csv_flow_file.h"
#include "client/ctrade/dataset_tables.h"
#include "client/money_format.h"
#include "import/direction.h"
#include "import/flow_csv.h"
#include "import/rate_csv.h"
#include "import/scale.h"
#include "import/value_status.h"

namespace culturetrade::ctrade {
namespace {

using import::AddRates;
using import::ColumnMeaning;
using import::CsvReport;
using import::DirectionName;
using import::FlowCsvDefaults;
using import::FlowLayout;
using import::ParseClassification;
using import::ParseFlowLayout;
using import::RateCsv;
using import::RateCsvOptions;
using import::ReadRatesCsv;
using import::ScaleExponent;
using import::StatusName;

absl::StatusOr<bool> SwitchArg(const Context& c, const std::string& name) {
  if (!c.args.Has(name)) return false;
  const std::string v = absl::AsciiStrToLower(c.args.Get(name));
  if (v.empty() || v == "true" || v == "yes" || v == "1") return true;
  if (v == "false" || v == "no" || v == "0") return false;
  return UsageError(absl::StrCat("--", name, " is a switch: give it alone, or =true or =false"));
}

absl::StatusOr<char> DelimiterArg(const Context& c) {
  const std::string d = c.args.Get("delimiter");
  if (d.empty()) return '\0';
  if (d == "tab" || d == "\t") return '\t';
  if (d == "," || d == ";") return d[0];
  return UsageError("--delimiter is , ; or tab");
}

absl::StatusOr<FlowCsvDefaults> FlowDefaultsArg(const Context& c) {
  FlowCsvDefaults d;
  d.reporter = c.args.Get("reporter");
  d.partner = c.args.Get("partner");
  d.product = c.args.Get("product");
  d.currency = c.args.Get("currency");
  if (c.args.Has("classification")) {
    absl::StatusOr<v1::Classification> cls = ParseClassification(c.args.Get("classification"));
    if (!cls.ok()) return UsageError(cls.status().message());
    d.classification = *cls;
  }
  if (c.args.Has("scale")) {
    absl::StatusOr<int> scale = ScaleExponent(c.args.Get("scale"));
    if (!scale.ok()) return UsageError(scale.status().message());
    d.scale_exponent = *scale;
  }
  absl::StatusOr<FlowLayout> layout = ParseFlowLayout(c.args.Get("layout", "auto"));
  if (!layout.ok()) return UsageError(layout.status().message());
  d.layout = *layout;
  absl::StatusOr<char> delimiter = DelimiterArg(c);
  if (!delimiter.ok()) return delimiter.status();
  d.delimiter = *delimiter;
  absl::StatusOr<bool> skip_bad = SwitchArg(c, "skip-bad");
  if (!skip_bad.ok()) return skip_bad.status();
  d.skip_bad = *skip_bad;
  return d;
}

// The --csv file of flows, read only when the command uploads it or runs dry.
absl::StatusOr<std::unique_ptr<CsvFlowFile>> CsvArg(Context& c) {
  if (c.args.Get("csv").empty()) {
    return UsageError("--csv FILE is required (- reads standard input)");
  }
  absl::StatusOr<FlowCsvDefaults> defaults = FlowDefaultsArg(c);
  if (!defaults.ok()) return defaults.status();
  return std::make_unique<CsvFlowFile>(c.args.Get("csv"), c.in, *std::move(defaults), "uploading");
}

absl::StatusOr<RateCsv> ReadRatesArg(Context& c, const std::string& option) {
  RateCsvOptions o;
  o.base = c.args.Get("base");
  o.quote = c.args.Get("quote");
  absl::StatusOr<char> delimiter = DelimiterArg(c);
  if (!delimiter.ok()) return delimiter.status();
  o.delimiter = *delimiter;
  absl::StatusOr<bool> skip_bad = SwitchArg(c, "skip-bad");
  if (!skip_bad.ok()) return skip_bad.status();
  o.skip_bad = *skip_bad;
  if (c.args.Has("date-format")) {
    absl::StatusOr<import::DateOrder> order = import::ParseDateOrder(c.args.Get("date-format"));
    if (!order.ok()) return UsageError(order.status().message());
    o.date_order = *order;
  }
  return ReadInput<RateCsv>(c, c.args.Get(option),
                            [&](std::istream& in) { return ReadRatesCsv(in, o); });
}

// Skipped rows go to standard error, so that the output stays the result alone.
void ReportSkipped(const std::string& path, const CsvReport& r) {
  if (r.skipped == 0) return;
  std::cerr << "ctrade: " << path << ": skipped " << r.skipped << " bad row"
            << (r.skipped == 1 ? "" : "s") << " (first: line " << r.first_bad->line << ", "
            << r.first_bad->why << ")\n";
}

std::string DelimiterName(char d) { return d == '\t' ? "tab" : std::string(1, d); }

void PrintColumns(const Context& c, const std::string& path, const CsvReport& r) {
  c.out << path << ": " << r.layout << " layout, delimiter " << DelimiterName(r.delimiter) << ", "
        << Count(r.rows, "row") << " read, " << r.skipped << " skipped\n";
  Table t{{"COLUMN", "MEANING"}, {}, r.notes};
  for (const ColumnMeaning& m : r.columns) t.rows.push_back({m.column, m.meaning});
  PrintTable(t, c.format, c.out);
  c.out << "\n";
}

constexpr int kPreviewRows = 10;

void PrintFlowPreview(const Context& c, const std::vector<v1::TradeFlow>& first, int64_t count) {
  Table t{{"REPORTER", "PARTNER", "PRODUCT", "DIRECTION", "PERIOD", "VALUE", "CURRENCY", "STATUS"},
          {},
          {}};
  for (const v1::TradeFlow& f : first) {
    t.rows.push_back({f.reporter(), f.partner(), f.product().code(), DirectionName(f.direction()),
                      PeriodText(f.period()), FormatMoney(f.value(), 0, 2),
                      f.value().currency_code(), StatusName(f.status())});
  }
  t.notes.push_back(absl::StrCat("first ", t.rows.size(), " of ", Count(count, "flow")));
  PrintTable(t, c.format, c.out);
  c.out << "\n";
}

void PrintRatePreview(const Context& c, const std::vector<v1::ExchangeRate>& rates) {
  Table t{{"BASE", "QUOTE", "PERIOD", "RATE"}, {}, {}};
  for (size_t i = 0; i < rates.size() && i < kPreviewRows; ++i) {
    const v1::ExchangeRate& r = rates[i];
    const v1::Period& p = r.period();
    t.rows.push_back({r.base_currency_code(), r.quote_currency_code(),
                      p.day() == 0 ? PeriodText(p)
                                   : absl::StrFormat("%d-%02d-%02d", p.year(), p.month(), p.day()),
                      r.rate()});
  }
  t.notes.push_back(absl::StrCat("first ", t.rows.size(), " of ", Count(rates.size(), "rate")));
  PrintTable(t, c.format, c.out);
  c.out << "\n";
}

void PrintCreated(const Context& c, const v1::Dataset& created) {
  if (c.format == Format::kJson) {
    PrintJson(created, c.out);
  } else {
    PrintDatasets(c, {created});
  }
}

// The files a command reads: flows, read block by block when uploaded, and exchange rates,
// groups, concordances and price indexes, read whole beforehand (they are small).
struct Imported {
  std::unique_ptr<CsvFlowFile> flows;
  std::optional<RateCsv> rates;
  std::string rates_path;
  DatasetTables tables;
};

// What the files hold and how they were read, without contacting the server: the flows are
// read through, keeping the first few to show. JSON shows those and the count as flow_count.
// `what` says what the command would have done with the flows read.
absl::Status DryRun(const Context& c, const Imported& in,
                    absl::FunctionRef<std::string(int64_t flows)> what) {
  std::vector<v1::TradeFlow> first;
  if (in.flows) {
    absl::StatusOr<std::vector<v1::TradeFlow>> read = in.flows->ReadThrough(kPreviewRows);
    if (!read.ok()) return read.status();
    first = *std::move(read);
    ReportSkipped(in.flows->path(), in.flows->report());
  }
  const int64_t count = in.flows ? in.flows->flows() : 0;
  if (c.format == Format::kJson) {
    v1::Dataset preview;
    for (const v1::TradeFlow& f : first) *preview.add_flows() = f;
    preview.set_flow_count(count);
    if (in.rates) {
      for (const v1::ExchangeRate& r : in.rates->rates) *preview.add_exchange_rates() = r;
    }
    preview.MergeFrom(in.tables.tables);
    PrintJson(preview, c.out);
    return absl::OkStatus();
  }
  if (in.flows) {
    PrintColumns(c, in.flows->path(), in.flows->report());
    PrintFlowPreview(c, first, count);
  }
  if (in.rates) {
    PrintColumns(c, in.rates_path, in.rates->report);
    PrintRatePreview(c, in.rates->rates);
  }
  for (const std::string& line : in.tables.read) c.out << line << "\n";
  c.out << "dry run: " << what(count) << "; nothing was sent to the server\n";
  return absl::OkStatus();
}

absl::StatusOr<Imported> ReadCreateInputs(Context& c) {
  const std::string csv = c.args.Get("csv"), rates = c.args.Get("rates");
  if (csv.empty() && rates.empty()) {
    return UsageError("--csv FILE (flows) or --rates FILE is required (- reads standard input)");
  }
  if (csv == "-" && rates == "-") {
    return UsageError("--csv and --rates cannot both read standard input");
  }
  Imported in;
  if (!csv.empty()) {
    absl::StatusOr<std::unique_ptr<CsvFlowFile>> flows = CsvArg(c);
    if (!flows.ok()) return flows.status();
    in.flows = *std::move(flows);
  }
  if (!rates.empty()) {
    absl::StatusOr<RateCsv> read = ReadRatesArg(c, "rates");
    if (!read.ok()) return read.status();
    ReportSkipped(rates, read->report);
    in.rates = *std::move(read);
    in.rates_path = rates;
  }
  absl::StatusOr<DatasetTables> tables = ReadDatasetTables(c);
  if (!tables.ok()) return tables.status();
  in.tables = *std::move(tables);
  return in;
}

// Uploads the flows of `file` under `header`, then reports the rows it skipped.
absl::Status UploadCsv(Context& c, const v1::UploadFlowsHeader& header, CsvFlowFile& file) {
  absl::StatusOr<v1::Dataset> stored = c.client.UploadBlocks(header, file.Factory());
  if (!stored.ok()) return stored.status();
  ReportSkipped(file.path(), file.report());
  PrintCreated(c, *stored);
  return absl::OkStatus();
}

const std::vector<std::pair<std::string, std::string>> kCsvOptions = {
    {"csv", "the CSV file of flows, - for standard input"},
    {"layout", "auto (from the header), long, wide (export and import columns), comtrade or baci"},
    {"reporter", "reporter for files without a reporter column (ISO alpha-3)"},
    {"partner", "partner for files without a partner column"},
    {"product", "product code for files without a product column"},
    {"classification", "classification of the product codes: free (default), hs, sitc or ebops"},
    {"currency", "currency for files without a currency column (ISO 4217)"},
    {"scale", "the unit of the values: units, thousands, millions or billions"},
    {"delimiter", "the field separator: , ; or tab (detected when absent)"},
    {"rates", "a CSV file of exchange rates to store with the flows (see 'rates import')"},
    {"base", "with --rates: the base currency of rows or columns that name none"},
    {"quote", "with --rates: the quote currency of rows or columns that name none"},
    {"date-format", "with --rates: DMY or MDY, the order of numeric dates such as 02/01/2001"},
    {"skip-bad", "skip bad rows, count them, and report the first on standard error"},
    {"dry-run", "show how the columns were read and the first rows; send nothing"}};

absl::Status CreateDataset(Context& c) {
  absl::StatusOr<std::string> id = OnePositional(c, "dataset id");
  if (!id.ok()) return id.status();
  absl::StatusOr<bool> dry_run = SwitchArg(c, "dry-run");
  if (!dry_run.ok()) return dry_run.status();
  absl::StatusOr<Imported> in = ReadCreateInputs(c);
  if (!in.ok()) return in.status();
  v1::UploadFlowsHeader header;
  header.mutable_create()->set_dataset_id(*id);
  v1::Dataset& dataset = *header.mutable_create()->mutable_dataset();
  dataset.set_display_name(c.args.Get("display-name", *id));
  dataset.set_description(c.args.Get("description"));
  dataset.MergeFrom(in->tables.tables);
  if (in->rates) {
    absl::Status s = AddRates(in->rates->rates, *dataset.mutable_exchange_rates());
    if (!s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(c.args.Get("rates"), ": ", s.message()));
    }
  }
  if (*dry_run) {
    return DryRun(c, *in, [&](int64_t flows) {
      return absl::StrCat("would create ", DatasetNameArg(*id), " with ", Count(flows, "flow"),
                          " and ", Count(dataset.exchange_rates_size(), "exchange rate"));
    });
  }
  if (in->flows) {
    header.mutable_create()->set_request_id(CreateRequestId(header, c.args, kCsvOptions));
    return UploadCsv(c, header, *in->flows);
  }
  absl::StatusOr<v1::Dataset> created = c.client.UploadNewDataset(*id, dataset, {});
  if (!created.ok()) return created.status();
  PrintCreated(c, *created);
  return absl::OkStatus();
}

absl::Status AppendFlows(Context& c) {
  absl::StatusOr<std::string> name = OnePositional(c, "dataset name");
  if (!name.ok()) return name.status();
  absl::StatusOr<bool> dry_run = SwitchArg(c, "dry-run");
  if (!dry_run.ok()) return dry_run.status();
  Imported in;
  absl::StatusOr<std::unique_ptr<CsvFlowFile>> flows = CsvArg(c);
  if (!flows.ok()) return flows.status();
  in.flows = *std::move(flows);
  if (*dry_run) {
    return DryRun(c, in, [&](int64_t count) {
      return absl::StrCat("would add ", Count(count, "flow"), " to ", DatasetNameArg(*name));
    });
  }
  v1::UploadFlowsHeader header;
  header.set_dataset(DatasetNameArg(*name));
  header.set_etag(c.args.Get("etag"));
  return UploadCsv(c, header, *in.flows);
}

// `source` as the content of a new dataset: the output-only fields are the server's to set,
// and the flows travel in the upload's blocks rather than in its header.
v1::Dataset ContentOf(v1::Dataset source, std::vector<v1::TradeFlow>& flows) {
  flows.assign(std::make_move_iterator(source.mutable_flows()->begin()),
               std::make_move_iterator(source.mutable_flows()->end()));
  source.clear_flows();
  source.clear_name();
  source.clear_etag();
  source.clear_create_time();
  source.clear_update_time();
  source.clear_flow_count();
  return source;
}

absl::Status ImportRates(Context& c) {
  absl::StatusOr<std::string> id = OnePositional(c, "new dataset id");
  if (!id.ok()) return id.status();
  const std::string from = c.args.Get("from");
  if (from.empty()) return UsageError("--from DATASET is required: the dataset to copy");
  absl::StatusOr<bool> dry_run = SwitchArg(c, "dry-run");
  if (!dry_run.ok()) return dry_run.status();
  if (c.args.Get("csv").empty()) {
    return UsageError("--csv FILE is required (- reads standard input)");
  }
  Imported in;
  absl::StatusOr<RateCsv> rates = ReadRatesArg(c, "csv");
  if (!rates.ok()) return rates.status();
  ReportSkipped(c.args.Get("csv"), rates->report);
  in.rates = *std::move(rates);
  in.rates_path = c.args.Get("csv");
  if (*dry_run) {
    return DryRun(c, in, [&](int64_t) {
      return absl::StrCat("would create ", DatasetNameArg(*id), " as ", DatasetNameArg(from),
                          " with ", Count(in.rates->rates.size(), "exchange rate"), " added");
    });
  }
  absl::StatusOr<v1::Dataset> source =
      c.client.GetDataset(DatasetNameArg(from), v1::DATASET_VIEW_FULL);
  if (!source.ok()) return source.status();
  std::vector<v1::TradeFlow> flows;
  v1::Dataset dataset = ContentOf(*std::move(source), flows);
  absl::Status s = AddRates(in.rates->rates, *dataset.mutable_exchange_rates());
  if (!s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(c.args.Get("csv"), ": ", s.message()));
  }
  if (c.args.Has("display-name")) dataset.set_display_name(c.args.Get("display-name"));
  if (c.args.Has("description")) dataset.set_description(c.args.Get("description"));
  absl::StatusOr<v1::Dataset> created = c.client.UploadNewDataset(*id, dataset, flows);
  if (!created.ok()) return created.status();
  PrintCreated(c, *created);
  return absl::OkStatus();
}

const std::vector<std::pair<std::string, std::string>> kRateOptions = {
    {"from", "the dataset to copy (required)"},
    {"csv",
     "the CSV file of exchange rates, - for standard input: a long file (base, quote, "
     "rate, date) or a daily table (a date column and one column a currency)"},
    {"base",
     "the base currency of rows or columns that name none: a daily table's columns "
     "then give units of their currency per unit of it"},
    {"quote",
     "the quote currency of rows or columns that name none: a daily table's columns "
     "then give the price of one unit of their currency in it"},
    {"delimiter", "the field separator: , ; or tab (detected when absent)"},
    {"date-format",
     "DMY or MDY: the order of numeric dates such as 02/01/2001 (told by the file's dates when "
     "one has a part above 12)"},
    {"display-name", "a short title for the new dataset (default: the copied one's)"},
    {"description", "what the new dataset holds (default: the copied one's)"},
    {"skip-bad", "skip bad rows, count them, and report the first on standard error"},
    {"dry-run", "show how the columns were read and the first rates; send nothing"}};

}  // namespace

std::vector<Command> ImportCommands() {
  std::vector<std::pair<std::string, std::string>> create_options = {
      {"display-name", "a short title for the dataset"},
      {"description", "what the dataset holds"},
      {"request-id",
       "with --csv: the create's id, so that a repeat whose first reply was lost gets the "
       "dataset the first made (default: derived from the options and the file's identity, "
       "its size and modification time)"}};
  create_options.insert(create_options.end(), kCsvOptions.begin(), kCsvOptions.end());
  create_options.insert(create_options.end(), DatasetTableOptions().begin(),
                        DatasetTableOptions().end());
  return {
      {"datasets create", "ID",
       "Create a dataset from a CSV file of flows (long, wide, UN Comtrade or CEPII BACI "
       "layout) and optionally one of exchange rates, and files of economy groups, product "
       "concordances and price indexes.",
       create_options, CreateDataset},
      {"datasets append", "DATASET",
       "Add the flows of a CSV file to a dataset, all of them or none (a flow it already has "
       "is refused).",
       [] {
         auto options = kCsvOptions;
         options.push_back({"etag", "append only while the dataset has this etag"});
         return options;
       }(),
       AppendFlows},
      {"rates import", "ID",
       "Create dataset ID as a copy of --from DATASET with exchange rates added from a CSV "
       "file. A stored dataset cannot change apart from added flows, and reading it then "
       "re-creating it under its own name would not be atomic, so the rates go into a new "
       "dataset, created whole or not at all.",
       kRateOptions, ImportRates},
  };
}

}  // namespace culturetrade::ctrade
