#include "import/price_index_csv.h"

#include <iterator>
#include <memory>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"
#include "import/csv_table.h"
#include "import/flow_fields.h"

namespace culturetrade::import {
namespace {

using IndexReaderOr = CsvRowReaderOr<v1::PriceIndexValue>;

v1::PriceIndexValue Value(int year, std::string value) {
  v1::PriceIndexValue v;
  v.set_year(year);
  v.set_value(std::move(value));
  return v;
}

// The readers of both layouts refuse a year given twice on the row that repeats it, which they
// can tell because ReadCsvTable reads the rows in order on one thread.
class IndexRows : public CsvRowReader<v1::PriceIndexValue> {
 protected:
  absl::Status Add(const CsvRow& row, int column, int year, const std::string& cell,
                   std::vector<v1::PriceIndexValue>& out) const {
    absl::StatusOr<std::string> value = ParsePositiveNumber(cell, "the index");
    if (!value.ok()) return row.Bad(column, value.status());
    if (!years_.insert(year).second) {
      return row.Bad(column, CsvError("the year ", year, " is given twice"));
    }
    out.push_back(Value(year, *std::move(value)));
    return absl::OkStatus();
  }

 private:
  mutable absl::flat_hash_set<int> years_;
};

// One year a row.
class LongIndex final : public IndexRows {
 public:
  static IndexReaderOr Make(CsvHeader& h) {
    auto r = std::make_unique<LongIndex>();
    r->year_ = h.Claim({"year"}, "year");
    r->value_ = h.Claim({"value", "index"}, "index value");
    absl::Status need = NeedColumn(r->year_, "year");
    if (need.ok()) need = NeedColumn(r->value_, "value");
    if (!need.ok()) return need;
    return IndexReaderOr::value_type(std::move(r));
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::PriceIndexValue>& out) const override {
    absl::StatusOr<int> year = ParseYear(row.Cell(year_));
    if (!year.ok()) return row.Bad(year_, year.status());
    return Add(row, value_, *year, row.Cell(value_), out);
  }

 private:
  int year_ = -1, value_ = -1;
};

// A WDI column's year: `1960`, or `1960 [YR1960]` as DataBank writes it; 0 for other columns.
int YearOfColumn(absl::string_view key) {
  if (key.size() < 4) return 0;
  if (key.size() != 4 && !absl::StartsWith(key.substr(4), " [yr")) return 0;
  absl::StatusOr<int> year = ParseYear(key.substr(0, 4));
  return year.ok() ? *year : 0;
}

// One row an economy, one column a year; only the chosen economy's row is read.
class WdiIndex final : public IndexRows {
 public:
  static IndexReaderOr Make(CsvHeader& h, const std::string& country, std::string& name) {
    auto r = std::make_unique<WdiIndex>(name);
    r->code_ = h.Claim({"country code"}, "country code (the row read)");
    r->country_name_ = h.Claim({"country name"}, "country name");
    r->indicator_ = h.Claim({"indicator name"}, "indicator name");
    absl::StatusOr<std::string> code = ParseCountry(country);
    if (!code.ok()) {
      return CsvError("the WDI layout needs the country whose row to read: ",
                      code.status().message());
    }
    r->country_ = *code;
    for (int i = 0; i < h.size(); ++i) {
      const int year = h.used(i) ? 0 : YearOfColumn(h.key(i));
      if (year == 0) continue;
      h.SetMeaning(i, absl::StrCat("index value in ", year));
      r->years_.push_back({i, year});
    }
    if (r->years_.empty()) return CsvError("the header has no year columns such as 1960");
    return IndexReaderOr::value_type(std::move(r));
  }

  explicit WdiIndex(std::string& name) : name_(name) {}

  absl::Status Read(const CsvRow& row, std::vector<v1::PriceIndexValue>& out) const override {
    if (absl::AsciiStrToUpper(row.Cell(code_)) != country_) return absl::OkStatus();
    if (!name_.empty()) {
      return row.Bad(code_, CsvError("a second row for ", country_, ": keep one indicator"));
    }
    name_ = absl::StrCat(row.Cell(country_name_), ": ", row.Cell(indicator_));
    for (const auto& [column, year] : years_) {
      const std::string cell = row.Cell(column);
      if (cell.empty()) continue;  // a year the indicator has no value for
      if (absl::Status s = Add(row, column, year, cell, out); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  const std::string& country() const { return country_; }

 private:
  int code_ = -1, country_name_ = -1, indicator_ = -1;
  std::string country_;
  std::vector<std::pair<int, int>> years_;  // column, year
  std::string& name_;                       // the row's country and indicator, once read
};

// The text with the lines before a WDI header (`Data Source`, `Last Updated Date`) blanked,
// so that the header is the first record and the lines keep their numbers.
std::string WithoutWdiPreamble(std::string text) {
  const size_t header = text.find("Country Name");
  if (header == std::string::npos) return text;
  const size_t line_start = text.rfind('\n', header);
  if (line_start == std::string::npos) return text;
  for (size_t i = 0; i < line_start; ++i) {
    if (text[i] != '\n') text[i] = ' ';
  }
  return text;
}

}  // namespace

absl::StatusOr<PriceIndexCsv> ReadPriceIndexCsv(std::istream& in,
                                                const PriceIndexCsvOptions& options) {
  std::istringstream text(WithoutWdiPreamble(
      std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()}));
  PriceIndexCsv out;
  std::string name;
  const auto make_reader = [&](CsvHeader& h, CsvReport& report) {
    const bool wdi = h.Find({"country code"}) >= 0;
    report.layout = wdi ? "WDI (one row an economy, one column a year)" : "long (year, value)";
    return wdi ? WdiIndex::Make(h, options.country, name) : LongIndex::Make(h);
  };
  std::vector<v1::PriceIndexValue> values;
  absl::Status read = ReadCsvTable(text, options.delimiter, make_reader, values, out.report);
  if (!read.ok()) return read;
  if (values.empty()) {
    return CsvError(name.empty() ? absl::StrCat("no row has the country code ", options.country)
                                 : absl::StrCat("the row of ", options.country, " has no values"));
  }
  for (v1::PriceIndexValue& v : values) *out.index.add_values() = std::move(v);
  out.index.set_display_name(name);
  return out;
}

}  // namespace culturetrade::import
