#include "import/flow_layouts.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "import/csv_error.h"
#include "import/flow_csv.h"
#include "import/flow_fields.h"
#include "import/plain_flow_rows.h"
#include "import/scale.h"

namespace culturetrade::import {

std::unique_ptr<PlainFlowRows> FlowRowReader::PlainRows() const { return nullptr; }

namespace {

absl::StatusOr<FlowLayout> DetectLayout(const CsvHeader& h) {
  if (h.Find({"primaryvalue"}) >= 0 && h.Find({"flowcode"}) >= 0) return FlowLayout::kComtrade;
  if (h.Find({"t"}) >= 0 && h.Find({"i"}) >= 0 && h.Find({"j"}) >= 0 && h.Find({"k"}) >= 0 &&
      h.Find({"v"}) >= 0) {
    return FlowLayout::kBaci;
  }
  if (h.Find({"direction", "flow"}) >= 0) return FlowLayout::kLong;
  if (h.Find({"exports", "export", "x", "imports", "import", "m"}) >= 0) return FlowLayout::kWide;
  return CsvError("the header fits no layout: a long file has a direction column, a wide one ",
                  "exports and imports columns, a Comtrade file flowCode and primaryValue, a ",
                  "BACI file t, i, j, k and v");
}

const char* LayoutName(FlowLayout layout) {
  switch (layout) {
    case FlowLayout::kLong: return "long";
    case FlowLayout::kWide: return "wide";
    case FlowLayout::kComtrade: return "comtrade";
    case FlowLayout::kBaci: return "baci";
    default: return "auto";
  }
}

}  // namespace

absl::StatusOr<FlowLayout> ParseFlowLayout(const std::string& name) {
  if (name.empty() || name == "auto") return FlowLayout::kAuto;
  if (name == "long") return FlowLayout::kLong;
  if (name == "wide") return FlowLayout::kWide;
  if (name == "comtrade") return FlowLayout::kComtrade;
  if (name == "baci") return FlowLayout::kBaci;
  return CsvError("the layout is auto, long, wide, comtrade or baci, not '", name, "'");
}

absl::Status ClaimFixedUnit(const FlowCsvDefaults& d, int scale, absl::string_view what,
                            const std::string& note, CsvReport& report) {
  if (!d.currency.empty() && absl::AsciiStrToUpper(d.currency) != "USD") {
    return CsvError(what, " is in US dollars: --currency ", d.currency, " does not apply");
  }
  if (d.scale_exponent.value_or(scale) != scale) {
    return CsvError(what, " is in ", scale == 0 ? "US dollars" : "thousands of US dollars",
                    ": --scale ", ScaleName(*d.scale_exponent), " does not apply");
  }
  report.notes.push_back(note);
  return absl::OkStatus();
}

absl::Status ReadUsdValue(const CsvRow& row, int column, int scale, v1::TradeFlow& f) {
  absl::StatusOr<google::type::Money> value = ParseValue(row.Cell(column), scale, "USD");
  if (!value.ok()) return row.Bad(column, value.status());
  *f.mutable_value() = *value;
  return absl::OkStatus();
}

FlowRowReaderOr MakeFlowRowReader(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  absl::StatusOr<FlowLayout> layout =
      d.layout == FlowLayout::kAuto ? DetectLayout(h) : absl::StatusOr<FlowLayout>(d.layout);
  if (!layout.ok()) return layout.status();
  report.layout = absl::StrCat(LayoutName(*layout),
                               d.layout == FlowLayout::kAuto ? " (detected from the header)" : "");
  switch (*layout) {
    case FlowLayout::kWide: return MakeWideLayout(h, d, report);
    case FlowLayout::kComtrade: return MakeComtradeLayout(h, d, report);
    case FlowLayout::kBaci: return MakeBaciLayout(h, d, report);
    default: return MakeLongLayout(h, d, report);
  }
}

absl::StatusOr<FlowTable> OpenFlowTable(CsvBatches& batches, const FlowCsvDefaults& defaults,
                                        CsvReport& report) {
  const auto make_reader = [&defaults](CsvHeader& header, CsvReport& r) {
    return MakeFlowRowReader(header, defaults, r);
  };
  return FlowTable::Open(batches, defaults.delimiter, defaults.skip_bad, make_reader, report);
}

}  // namespace culturetrade::import
