#include "client/ctrade/output.h"

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/json_util.h"

namespace culturetrade::ctrade {
namespace {

// A number, possibly signed, with a trailing % or a status marker (* or ~).
bool LooksNumeric(absl::string_view cell) {
  while (!cell.empty() && (cell.back() == '%' || cell.back() == '*' || cell.back() == '~')) {
    cell.remove_suffix(1);
  }
  if (!cell.empty() && (cell[0] == '-' || cell[0] == '+')) cell.remove_prefix(1);
  if (cell.empty()) return false;
  for (char c : cell) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',') return false;
  }
  return true;
}

// Columns of numbers (and "-" for no data) are right-aligned, header included.
std::vector<bool> NumericColumns(const Table& table) {
  std::vector<bool> numeric(table.header.size(), !table.rows.empty());
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < numeric.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      if (cell != "-" && !LooksNumeric(cell)) numeric[i] = false;
    }
  }
  return numeric;
}

// A column as scripts name it: "EXPORT GROWTH FRACTION" -> export_growth_fraction.
std::string CsvColumnName(const std::string& title) {
  std::string name;
  for (char c : title) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      name += absl::ascii_tolower(static_cast<unsigned char>(c));
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

std::string CsvField(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

absl::StatusOr<Format> ParseFormat(const std::string& name) {
  if (name == "table") return Format::kTable;
  if (name == "json") return Format::kJson;
  if (name == "csv") return Format::kCsv;
  return absl::InvalidArgumentError(
      absl::StrCat("--format is table, json or csv, not '", name, "'"));
}

void PrintTable(const Table& table, Format format, std::ostream& out) {
  if (format == Format::kCsv) {
    std::vector<std::string> header;
    header.reserve(table.header.size());
    for (const std::string& name : table.header) header.push_back(CsvColumnName(name));
    PrintCsvRow(header, out);
    for (const auto& row : table.rows) PrintCsvRow(row, out);
    return;
  }
  std::vector<size_t> width(table.header.size(), 0);
  for (size_t i = 0; i < table.header.size(); ++i) width[i] = table.header[i].size();
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], row[i].size());
    }
  }
  const std::vector<bool> right = NumericColumns(table);
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      const std::string pad(width[i] - std::min(width[i], cell.size()), ' ');
      absl::StrAppend(&line, i == 0 ? "" : "  ", right[i] ? pad + cell : cell + pad);
    }
    out << std::string(absl::StripTrailingAsciiWhitespace(line)) << "\n";
  };
  if (!table.caption.empty()) out << table.caption << "\n\n";
  print_row(table.header);
  for (const auto& row : table.rows) print_row(row);
  for (const std::string& note : table.notes) out << note << "\n";
}

void PrintCsvRow(absl::Span<const std::string> cells, std::ostream& out) {
  out << absl::StrJoin(cells, ",", [](std::string* o, const std::string& c) {
    o->append(CsvField(c));
  }) << "\n";
}

void PrintJson(const google::protobuf::Message& message, std::ostream& out) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = false;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  out << json;
}

}  // namespace culturetrade::ctrade
