#include "client/ctrade/flow_writer.h"

#include <array>
#include <cstdio>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/ctrade/output.h"
#include "client/flows_of_block.h"
#include "import/direction.h"
#include "import/value_status.h"
#include "proto/money_convert.h"

namespace culturetrade::ctrade {
namespace {

constexpr std::array<const char*, 11> kFields = {
    "reporter", "partner", "product", "classification", "direction", "year",
    "month",    "quarter", "value",   "currency",       "status"};

// The word ParseClassification (import/flow_fields.h) reads back.
std::string ClassificationName(v1::Classification classification) {
  switch (classification) {
    case v1::CLASSIFICATION_HS: return "hs";
    case v1::CLASSIFICATION_SITC: return "sitc";
    case v1::CLASSIFICATION_EBOPS_2010: return "ebops";
    default: return "free";
  }
}

// A JSON string literal of `text`, which the API keeps valid UTF-8.
std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A month or quarter: blank when the period has none, as the importer reads it.
std::string PartOfYear(int n) { return n == 0 ? "" : absl::StrCat(n); }

// The fields of `f` in the order of kFields; strings quoted for JSON when `json`.
absl::StatusOr<std::array<std::string, kFields.size()>> Fields(const v1::TradeFlow& f, bool json) {
  absl::StatusOr<Decimal> value = DecimalFromMoney(f.value());
  if (!value.ok()) return value.status();
  const auto text = [json](const std::string& s) { return json ? JsonString(s) : s; };
  const auto number = [json](int n) { return json ? absl::StrCat(n) : PartOfYear(n); };
  return std::array<std::string, kFields.size()>{
      text(f.reporter()),
      text(f.partner()),
      text(f.product().code()),
      text(ClassificationName(f.product().classification())),
      text(import::DirectionName(f.direction())),
      absl::StrCat(f.period().year()),
      number(f.period().month()),
      number(f.period().quarter()),
      text(value->ToString()),
      text(f.value().currency_code()),
      text(import::StatusName(f.status()))};
}

}  // namespace

absl::StatusOr<ExportFormat> ParseExportFormat(const std::string& name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonLines;
  return absl::InvalidArgumentError(absl::StrCat("--format is csv or jsonl, not '", name, "'"));
}

FlowWriter::FlowWriter(ExportFormat format, std::ostream& out) : format_(format), out_(out) {
  if (format_ == ExportFormat::kCsv) {
    PrintCsvRow(std::vector<std::string>(kFields.begin(), kFields.end()), out_);
  }
}

absl::Status FlowWriter::Write(const v1::FlowBlock& block) {
  absl::StatusOr<google::protobuf::RepeatedPtrField<v1::TradeFlow>> flows = FlowsOfBlock(block);
  if (!flows.ok()) return flows.status();
  const bool json = format_ == ExportFormat::kJsonLines;
  for (const v1::TradeFlow& f : *flows) {
    absl::StatusOr<std::array<std::string, kFields.size()>> fields = Fields(f, json);
    if (!fields.ok()) return fields.status();
    if (json) {
      std::string line = "{";
      for (size_t i = 0; i < kFields.size(); ++i) {
        absl::StrAppend(&line, i == 0 ? "" : ",", "\"", kFields[i], "\":", (*fields)[i]);
      }
      out_ << line << "}\n";
    } else {
      PrintCsvRow(*fields, out_);
    }
    ++flows_;
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::ctrade
