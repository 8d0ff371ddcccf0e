#include "client/ctrade/dataset_tables.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/ctrade/command_support.h"
#include "import/builtin_concordances.h"
#include "import/concordance_csv.h"
#include "import/csv_cells.h"
#include "import/group_csv.h"
#include "import/price_index_csv.h"

namespace culturetrade::ctrade {
namespace {

// One --concordance or --price-index: `ID=FILE` and then `,SETTING=VALUE`s.
struct TableSpec {
  std::string id;
  std::string path;
  absl::flat_hash_map<std::string, std::string> settings;

  std::string Setting(const std::string& name, const std::string& fallback = "") const {
    auto it = settings.find(name);
    return it == settings.end() ? fallback : it->second;
  }
};

absl::StatusOr<TableSpec> ParseSpec(const std::string& option, const std::string& value,
                                    const std::vector<std::string>& known) {
  const auto usage = [&](const std::string& why) {
    return UsageError(absl::StrCat("--", option, " ", value, ": ", why, "; write ID=FILE",
                                   known.empty() ? "" : "[,SETTING=VALUE...] with settings ",
                                   absl::StrJoin(known, ", ")));
  };
  TableSpec spec;
  const size_t eq = value.find('=');
  if (eq == std::string::npos || eq == 0) return usage("no ID");
  spec.id = value.substr(0, eq);
  std::vector<std::string> parts = absl::StrSplit(value.substr(eq + 1), ',');
  spec.path = parts[0];
  if (spec.path.empty()) return usage("no file");
  for (size_t i = 1; i < parts.size(); ++i) {
    std::pair<std::string, std::string> setting = absl::StrSplit(parts[i], absl::MaxSplits('=', 1));
    if (std::find(known.begin(), known.end(), setting.first) == known.end()) {
      return usage(absl::StrCat("unknown setting '", setting.first, "'"));
    }
    spec.settings[setting.first] = setting.second;
  }
  return spec;
}

// The source of a table read from `path`: the file's name, without the directories, which
// mean nothing on the server.
v1::Citation FileSource(const std::string& path, const TableSpec* spec) {
  v1::Citation c;
  const std::string title = spec == nullptr ? "" : spec->Setting("source");
  c.set_title(title.empty() ? path.substr(path.find_last_of('/') + 1) : title);
  return c;
}

absl::Status ReadGroups(Context& c, DatasetTables& out) {
  for (const std::string& path : c.args.GetAll("groups")) {
    absl::StatusOr<import::GroupCsv> read = ReadInput<import::GroupCsv>(
        c, path, [](std::istream& in) { return import::ReadGroupsCsv(in); });
    if (!read.ok()) return read.status();
    std::vector<std::string> codes;
    for (v1::CountryGroup& g : read->groups) {
      codes.push_back(g.code());
      *g.mutable_source() = FileSource(path, nullptr);
      *out.tables.add_country_groups() = std::move(g);
    }
    out.read.push_back(absl::StrCat(path, ": ", Count(codes.size(), "economy group"), " (",
                                    absl::StrJoin(codes, ", "), "), ",
                                    Count(read->report.rows, "membership spell")));
  }
  return absl::OkStatus();
}

// A concordance culturetrade ships (import/builtin_concordances.h), named by its id alone.
absl::Status AddBuiltinConcordance(const std::string& id, DatasetTables& out) {
  absl::StatusOr<v1::ProductConcordance> table = import::BuiltinConcordance(id);
  if (!table.ok()) {
    return UsageError(absl::StrCat("--concordance ", id, ": ", table.status().message(),
                                   "; or write ID=FILE for a table of your own"));
  }
  out.read.push_back(absl::StrCat("built in: concordance ", id, ", ",
                                  Count(table->mappings_size(), "mapping"), " (",
                                  table->source().title(), ")"));
  *out.tables.add_product_concordances() = *std::move(table);
  return absl::OkStatus();
}

absl::Status ReadConcordances(Context& c, DatasetTables& out) {
  for (const std::string& value : c.args.GetAll("concordance")) {
    if (value.find('=') == std::string::npos) {
      if (absl::Status s = AddBuiltinConcordance(value, out); !s.ok()) return s;
      continue;
    }
    absl::StatusOr<TableSpec> spec =
        ParseSpec("concordance", value, {"product", "group", "weight", "name", "source"});
    if (!spec.ok()) return spec.status();
    import::ConcordanceCsvOptions o;
    o.product_column = spec->Setting("product", o.product_column);
    o.group_column = spec->Setting("group", o.group_column);
    o.weight_column = spec->Setting("weight", o.weight_column);
    absl::StatusOr<import::ConcordanceCsv> read = ReadInput<import::ConcordanceCsv>(
        c, spec->path, [&o](std::istream& in) { return import::ReadConcordanceCsv(in, o); });
    if (!read.ok()) return read.status();
    v1::ProductConcordance& table = *out.tables.add_product_concordances();
    table.set_id(spec->id);
    table.set_display_name(spec->Setting("name", spec->id));
    *table.mutable_source() = FileSource(spec->path, &*spec);
    for (v1::ProductMapping& m : read->mappings) *table.add_mappings() = std::move(m);
    out.read.push_back(absl::StrCat(spec->path, ": concordance ", spec->id, ", ",
                                    Count(table.mappings_size(), "mapping")));
  }
  return absl::OkStatus();
}

absl::Status ReadPriceIndexes(Context& c, DatasetTables& out) {
  for (const std::string& value : c.args.GetAll("price-index")) {
    absl::StatusOr<TableSpec> spec =
        ParseSpec("price-index", value, {"currency", "country", "name", "source"});
    if (!spec.ok()) return spec.status();
    absl::StatusOr<std::string> currency =
        import::ParseCurrencyCode(spec->Setting("currency", c.args.Get("price-index-currency")));
    if (!currency.ok()) {
      return UsageError(absl::StrCat("--price-index ", spec->id,
                                     " needs the currency it deflates: add ,currency=CUR or "
                                     "give --price-index-currency"));
    }
    import::PriceIndexCsvOptions o;
    o.country = spec->Setting("country");
    absl::StatusOr<import::PriceIndexCsv> read = ReadInput<import::PriceIndexCsv>(
        c, spec->path, [&o](std::istream& in) { return import::ReadPriceIndexCsv(in, o); });
    if (!read.ok()) return read.status();
    v1::PriceIndex& index = *out.tables.add_price_indexes();
    index = std::move(read->index);
    index.set_id(spec->id);
    const std::string name = spec->Setting("name", index.display_name());
    index.set_display_name(name.empty() ? spec->id : name);
    index.set_currency_code(*currency);
    *index.mutable_source() = FileSource(spec->path, &*spec);
    out.read.push_back(absl::StrCat(spec->path, ": price index ", spec->id, " (",
                                    index.display_name(), ", ", *currency, "), ",
                                    Count(index.values_size(), "year")));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DatasetTables> ReadDatasetTables(Context& c) {
  DatasetTables out;
  absl::Status s = ReadGroups(c, out);
  if (s.ok()) s = ReadConcordances(c, out);
  if (s.ok()) s = ReadPriceIndexes(c, out);
  if (!s.ok()) return s;
  return out;
}

namespace {

std::string BuiltinConcordanceIds() {
  std::vector<std::string> ids;
  for (const import::BuiltinConcordanceInfo& info : import::BuiltinConcordances()) {
    ids.push_back(info.id);
  }
  return absl::StrJoin(ids, ", ");
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& DatasetTableOptions() {
  static const auto* options = new std::vector<std::pair<std::string, std::string>>{
      {"groups",
       "a CSV file of economy groups (group,economy,first_year,last_year[,group_name]; blank "
       "years are open), usable wherever an economy is; repeatable"},
      {"concordance",
       "ID=FILE[,product=COL][,group=COL][,weight=COL][,name=TEXT][,source=TEXT]: a CSV "
       "product concordance (columns product_code, group_code, weight unless named), for "
       "'analyze --concordance ID'; or the id alone of one culturetrade ships (" +
           BuiltinConcordanceIds() + "); repeatable"},
      {"price-index",
       "ID=FILE[,currency=CUR][,country=ISO3][,name=TEXT][,source=TEXT]: a CSV price index "
       "(year,value, or a World Bank WDI download and the country whose row to read), for "
       "'analyze --constant-prices ID:BASE_YEAR'; repeatable"},
      {"price-index-currency", "the currency of every --price-index that names none"}};
  return *options;
}

}  // namespace culturetrade::ctrade
