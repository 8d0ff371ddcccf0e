// ctrade datasets list, get, delete and export.
#include <cstdio>
#include <fstream>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/ctrade/command_support.h"
#include "client/ctrade/commands.h"
#include "client/ctrade/flow_writer.h"
#include "client/money_format.h"
#include "import/direction.h"
#include "import/value_status.h"

namespace culturetrade::ctrade {
namespace {

using import::DirectionName;
using import::StatusName;

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

// Multipliers and cited facts are shown as their sources state them, with the source.
void PrintSourcedFacts(const Context& c, const v1::Dataset& d) {
  if (d.multipliers_size() + d.cited_facts_size() == 0) return;
  Table facts{{"ID", "FACT", "VALUE", "SOURCE"}, {}, {}};
  for (const v1::Multiplier& m : d.multipliers()) {
    facts.rows.push_back(
        {m.id(), absl::StrCat("merchandise exports induced per cultural exports, ", m.economy()),
         absl::StrCat(FormatMoney(m.induced_exports(), 0, 0), " per ",
                      FormatMoney(m.cultural_exports(), 0, 0), " ",
                      m.cultural_exports().currency_code()),
         absl::StrCat(m.source().title(), ", ", m.year())});
  }
  for (const v1::CitedFact& f : d.cited_facts()) {
    facts.rows.push_back(
        {f.id(), absl::StrCat(f.subject(), ": ", f.statement()),
         absl::StrCat(f.qualifier(), f.qualifier().empty() ? "" : " ", f.value(), " ", f.unit()),
         absl::StrCat(f.source().title(), ", ", f.source().locator())});
  }
  c.out << "\n";
  PrintTable(facts, c.format, c.out);
}

// The dataset's economy groups, concordances and price indexes, by code or id, when it has any.
void AddTableRows(const v1::Dataset& d, Table& meta) {
  std::vector<std::string> groups, concordances, indexes;
  for (const v1::CountryGroup& g : d.country_groups()) groups.push_back(g.code());
  for (const v1::ProductConcordance& p : d.product_concordances()) concordances.push_back(p.id());
  for (const v1::PriceIndex& p : d.price_indexes()) {
    indexes.push_back(absl::StrCat(p.id(), " (", p.currency_code(), ")"));
  }
  for (const auto& [field, names] :
       {std::pair{"country_groups", &groups}, std::pair{"product_concordances", &concordances},
        std::pair{"price_indexes", &indexes}}) {
    if (!names->empty()) meta.rows.push_back({field, absl::StrJoin(*names, ", ")});
  }
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
  AddTableRows(*d, meta);
  PrintTable(meta, c.format, c.out);
  PrintSourcedFacts(c, *d);
  if (d->flows_size() == 0) return absl::OkStatus();
  Table flows{
      {"REPORTER", "PARTNER", "PRODUCT", "DIRECTION", "PERIOD", "VALUE", "CURRENCY", "STATUS"},
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

// Streams the flows of dataset `name` to `out` as they arrive; how many there were.
absl::StatusOr<int64_t> WriteFlows(Context& c, const std::string& name, ExportFormat format,
                                   std::ostream& out) {
  FlowWriter writer(format, out);
  absl::StatusOr<std::string> etag =
      c.client.ReadFlows(name, [&](const v1::FlowBlock& block) -> absl::Status {
        if (absl::Status s = writer.Write(block); !s.ok()) return s;
        if (!out) return absl::DataLossError("cannot write the output");
        return absl::OkStatus();
      });
  if (!etag.ok()) return etag.status();
  return writer.flows();
}

// Runs `write` on `path`.part and renames that `path` once it is all written, so that the file
// appears only whole; removes it otherwise.
absl::StatusOr<int64_t> WriteWhole(
    const std::string& path, absl::FunctionRef<absl::StatusOr<int64_t>(std::ostream&)> write) {
  const std::string part = path + ".part";
  std::ofstream file(part, std::ios::binary | std::ios::trunc);
  if (!file) return absl::InvalidArgumentError(absl::StrCat("cannot write ", part));
  absl::StatusOr<int64_t> written = write(file);
  file.close();
  if (written.ok() && !file) written = absl::DataLossError(absl::StrCat("cannot write ", part));
  if (written.ok() && std::rename(part.c_str(), path.c_str()) != 0) {
    written = absl::DataLossError(absl::StrCat("cannot rename ", part, " to ", path));
  }
  if (!written.ok()) std::remove(part.c_str());
  return written;
}

absl::Status ExportDataset(Context& c) {
  absl::StatusOr<std::string> name = OnePositional(c, "dataset name");
  if (!name.ok()) return name.status();
  absl::StatusOr<ExportFormat> format = ParseExportFormat(c.args.Get("format", "csv"));
  if (!format.ok()) return UsageError(format.status().message());
  const std::string output = c.args.Get("output");
  const auto write = [&](std::ostream& out) {
    return WriteFlows(c, DatasetNameArg(*name), *format, out);
  };
  if (output.empty()) return write(c.out).status();
  absl::StatusOr<int64_t> flows = WriteWhole(output, write);
  if (!flows.ok()) return flows.status();
  c.out << "exported " << *flows << " flow" << (*flows == 1 ? "" : "s") << " of "
        << DatasetNameArg(*name) << " to " << output << "\n";
  return absl::OkStatus();
}

}  // namespace

std::vector<Command> DatasetCommands() {
  return {
      {"datasets list",
       "",
       "List datasets, all pages unless --page-size is given.",
       {{"page-size", "datasets a page (1-1000)"}, {"page-token", "continue after a page"}},
       ListDatasets},
      {"datasets get",
       "DATASET",
       "Show a dataset; --view full lists its flows.",
       {{"view", "basic or full"}},
       GetDataset},
      {"datasets delete",
       "DATASET",
       "Delete a dataset and all it holds, for good.",
       {{"etag", "delete only while the dataset has this etag"}},
       DeleteDataset},
      {"datasets export",
       "DATASET",
       "Write every flow of a dataset, one a row, as they arrive: CSV that 'datasets create "
       "--csv' reads back, or JSON lines.",
       {{"format", "csv (default; the long layout) or jsonl"},
        {"output", "the file to write (default: standard output); it appears only when whole"}},
       ExportDataset},
  };
}

}  // namespace culturetrade::ctrade
