#include "client/ctrade/flow_csv.h"

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/money_format.h"

namespace culturetrade::ctrade {
namespace {

constexpr absl::string_view kColumns[] = {"reporter", "partner", "product",  "classification",
                                          "direction", "year",   "period",   "month",
                                          "quarter",  "value",   "currency", "status",
                                          "source"};

char DetectDelimiter(const std::string& header) {
  for (char c : {'\t', ';', ','}) {
    if (header.find(c) != std::string::npos) return c;
  }
  return ',';
}

absl::StatusOr<v1::FlowDirection> ParseDirection(std::string s) {
  s = absl::AsciiStrToLower(s);
  if (s == "export" || s == "x") return v1::FLOW_DIRECTION_EXPORT;
  if (s == "import" || s == "m") return v1::FLOW_DIRECTION_IMPORT;
  if (s == "re-export" || s == "rx") return v1::FLOW_DIRECTION_RE_EXPORT;
  if (s == "re-import" || s == "rm") return v1::FLOW_DIRECTION_RE_IMPORT;
  return absl::InvalidArgumentError(
      absl::StrCat("'", s, "' is not export, import, re-export or re-import"));
}

absl::StatusOr<v1::ValueStatus> ParseStatus(std::string s) {
  s = absl::AsciiStrToLower(s);
  if (s.empty() || s == "reported") return v1::VALUE_STATUS_REPORTED;
  if (s == "derived") return v1::VALUE_STATUS_DERIVED;
  if (s == "estimated" || s == "illustrative") return v1::VALUE_STATUS_ESTIMATED;
  return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not reported, derived or estimated"));
}

absl::StatusOr<v1::Classification> ParseClassification(std::string s) {
  s = absl::AsciiStrToLower(s);
  if (s == "free") return v1::CLASSIFICATION_FREE;
  if (s == "hs") return v1::CLASSIFICATION_HS;
  if (s == "ebops" || s == "ebops2010" || s == "ebops_2010") return v1::CLASSIFICATION_EBOPS_2010;
  if (s == "sitc") return v1::CLASSIFICATION_SITC;
  return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not free, hs, ebops or sitc"));
}

absl::StatusOr<int> ParseInt(const std::string& s) {
  int v = 0;
  if (!absl::SimpleAtoi(s, &v)) return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not a whole number"));
  return v;
}

// `2010`, `2010-01`, `2010/01`, `2010.01`, `2010M01` or `2010Q1`.
absl::Status ParsePeriod(const std::string& s, v1::Period* period) {
  const absl::Status bad = absl::InvalidArgumentError(
      absl::StrCat("'", s, "' is not a period such as 2010, 2010-01 or 2010Q1"));
  if (s.size() < 4) return bad;
  absl::StatusOr<int> year = ParseInt(s.substr(0, 4));
  if (!year.ok()) return bad;
  period->set_year(*year);
  if (s.size() == 4) return absl::OkStatus();
  const char sep = absl::ascii_toupper(static_cast<unsigned char>(s[4]));
  absl::StatusOr<int> part = ParseInt(s.substr(5));
  if (!part.ok() || s.size() < 6) return bad;
  if (sep == 'Q') {
    period->set_quarter(*part);
  } else if (sep == '-' || sep == '/' || sep == '.' || sep == 'M') {
    period->set_month(*part);
  } else {
    return bad;
  }
  return absl::OkStatus();
}

class RowReader {
 public:
  RowReader(const absl::flat_hash_map<std::string, int>& columns,
            const std::vector<std::string>& cells, const FlowCsvDefaults& defaults)
      : columns_(columns), cells_(cells), defaults_(defaults) {}

  // The cell of `column`, or `fallback` when the file has no such column.
  std::string Cell(absl::string_view column, const std::string& fallback = "") const {
    auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= static_cast<int>(cells_.size())) return fallback;
    return std::string(absl::StripAsciiWhitespace(cells_[it->second]));
  }

  absl::Status Fill(v1::TradeFlow& f, std::string* failed_column) const {
    auto fail = [&](absl::string_view column, absl::Status s) {
      *failed_column = std::string(column);
      return s;
    };
    f.set_reporter(absl::AsciiStrToUpper(Cell("reporter", defaults_.reporter)));
    f.set_partner(absl::AsciiStrToUpper(Cell("partner", defaults_.partner)));
    f.mutable_product()->set_code(Cell("product", defaults_.product));
    f.mutable_product()->set_classification(defaults_.classification);
    if (columns_.contains("classification")) {
      absl::StatusOr<v1::Classification> c = ParseClassification(Cell("classification"));
      if (!c.ok()) return fail("classification", c.status());
      f.mutable_product()->set_classification(*c);
    }
    absl::StatusOr<v1::FlowDirection> d = ParseDirection(Cell("direction"));
    if (!d.ok()) return fail("direction", d.status());
    f.set_direction(*d);
    const std::string period = Cell("period", Cell("year"));
    absl::Status s = ParsePeriod(period, f.mutable_period());
    if (!s.ok()) return fail(columns_.contains("period") ? "period" : "year", s);
    for (absl::string_view column : {"month", "quarter"}) {
      const std::string cell = Cell(column);
      if (cell.empty()) continue;
      absl::StatusOr<int> v = ParseInt(cell);
      if (!v.ok()) return fail(column, v.status());
      column == "month" ? f.mutable_period()->set_month(*v) : f.mutable_period()->set_quarter(*v);
    }
    absl::StatusOr<google::type::Money> value = ParseMoney(
        Cell("value"), defaults_.scale_exponent,
        absl::AsciiStrToUpper(Cell("currency", defaults_.currency)));
    if (!value.ok()) return fail("value", value.status());
    *f.mutable_value() = *value;
    absl::StatusOr<v1::ValueStatus> status = ParseStatus(Cell("status"));
    if (!status.ok()) return fail("status", status.status());
    f.set_status(*status);
    const std::string source = Cell("source");
    if (!source.empty()) f.mutable_source()->set_title(source);
    return absl::OkStatus();
  }

 private:
  const absl::flat_hash_map<std::string, int>& columns_;
  const std::vector<std::string>& cells_;
  const FlowCsvDefaults& defaults_;
};

}  // namespace

std::vector<std::string> SplitCsvLine(const std::string& line, char delimiter) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

absl::StatusOr<int> ScaleExponent(const std::string& name) {
  if (name == "units" || name.empty()) return 0;
  if (name == "thousands") return 3;
  if (name == "millions") return 6;
  if (name == "billions") return 9;
  return absl::InvalidArgumentError(
      absl::StrCat("the scale is units, thousands, millions or billions, not '", name, "'"));
}

absl::StatusOr<std::vector<v1::TradeFlow>> ReadFlowsCsv(std::istream& in,
                                                        const FlowCsvDefaults& defaults) {
  std::string line;
  int line_number = 0;
  absl::flat_hash_map<std::string, int> columns;
  char delimiter = defaults.delimiter;
  std::vector<v1::TradeFlow> flows;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) line.erase(0, 3);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    if (columns.empty()) {
      if (delimiter == 0) delimiter = DetectDelimiter(line);
      std::vector<std::string> header = SplitCsvLine(line, delimiter);
      for (int i = 0; i < static_cast<int>(header.size()); ++i) {
        std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(header[i]));
        for (absl::string_view known : kColumns) {
          if (name == known) columns[name] = i;
        }
      }
      for (absl::string_view required : {"direction", "value"}) {
        if (!columns.contains(required)) {
          return absl::InvalidArgumentError(
              absl::StrCat("line ", line_number, ": the header has no '", required, "' column"));
        }
      }
      if (!columns.contains("year") && !columns.contains("period")) {
        return absl::InvalidArgumentError(
            absl::StrCat("line ", line_number, ": the header has no 'year' or 'period' column"));
      }
      continue;
    }
    const std::vector<std::string> cells = SplitCsvLine(line, delimiter);
    v1::TradeFlow flow;
    std::string column;
    absl::Status s = RowReader(columns, cells, defaults).Fill(flow, &column);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ", column '", column, "': ", s.message()));
    }
    flows.push_back(std::move(flow));
  }
  if (columns.empty()) return absl::InvalidArgumentError("the file is empty: no header line");
  return flows;
}

}  // namespace culturetrade::ctrade
