// The baci layout of flow_layouts.h: CEPII BACI, every row an export of i to j valued in
// thousands of US dollars.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"
#include "import/csv_periods.h"
#include "import/flow_layouts.h"
#include "import/numeric_country_codes.h"
#include "import/plain_flow_rows.h"

namespace culturetrade::import {
namespace {

constexpr char kSource[] = "CEPII BACI";
constexpr char kTons[] = "t";

// The year of the t column: four digits.
absl::StatusOr<v1::Period> ReadYear(const std::string& year) {
  absl::StatusOr<v1::Period> period = ParseCsvPeriod(year, false);
  if (period.ok() && year.size() != 4) return CsvError("'", year, "' is not a year");
  return period;
}

// The HS 6-digit code of the k column.
absl::StatusOr<std::string> ReadHs6(std::string code) {
  // A tool that read k as a number dropped the leading zero of chapters 01 to 09.
  if (code.size() == 5 && AllDigits(code)) code = "0" + code;
  if (code.size() != 6 || !AllDigits(code)) {
    return CsvError("'", code, "' is not an HS 6-digit code");
  }
  return code;
}

// The amount of the q column, empty for none: BACI writes NA where it has no quantity.
std::string QuantityAmount(const std::string& cell) {
  absl::StatusOr<std::string> tons = ParseCsvNumber(cell);
  return tons.ok() && !absl::StartsWith(*tons, "-") ? *tons : "";
}

struct BaciColumns {
  int year = -1, exporter = -1, importer = -1, product = -1, value = -1, quantity = -1;
};

// The plain records of a BACI file read as BaciLayout::Read reads them.
class BaciPlainRows final : public PlainFlowRows {
 public:
  explicit BaciPlainRows(const BaciColumns& columns) : c_(columns) {}

  bool Add(const std::vector<absl::string_view>& cells, FlowBlockBuilder& builder) override {
    auto& year = years_.Of(PlainCell(cells, c_.year), [](absl::string_view cell) {
      return ValueOrNone(ReadYear(CellText(0, cell)));
    });
    auto& exporter = exporters_.Of(PlainCell(cells, c_.exporter), Country);
    auto& importer = importers_.Of(PlainCell(cells, c_.importer), Country);
    auto& product = products_.Of(PlainCell(cells, c_.product), [](absl::string_view cell) {
      return ValueOrNone(ReadHs6(CellText(0, cell)));
    });
    const std::optional<Decimal> value = PlainValue(PlainCell(cells, c_.value), 3);
    if (!year.value || !exporter.value || !importer.value || !product.value || !value) {
      return false;
    }
    FlowBlockBuilder::Row row;
    // In the order of AddTradeFlow, so that the dictionaries are in the same order.
    row.reporter = exporter.index.In(block(), [&] { return builder.Economy(*exporter.value); });
    row.partner = importer.index.In(block(), [&] { return builder.Economy(*importer.value); });
    row.product = product.index.In(
        block(), [&] { return builder.Product(Classification::kHs, *product.value, ""); });
    row.currency = usd_.In(block(), [&] { return builder.Currency("USD"); });
    row.source = source_.In(block(), [&] { return builder.Source(SourceTitled(kSource)); });
    row.quantity_amount = Tons(PlainCell(cells, c_.quantity));
    if (!row.quantity_amount.empty()) {
      row.quantity_unit = tons_.In(block(), [&] { return builder.QuantityUnit(kTons); });
    }
    const v1::Period& p = *year.value;
    row.period = Period{p.year(), p.month(), p.quarter()};
    row.direction = Direction::kExport;
    row.status = ValueStatus::kReported;
    row.value = *value;
    builder.Add(std::move(row));
    return true;
  }

 private:
  static std::optional<std::string> Country(absl::string_view cell) {
    return ValueOrNone(CountryFromNumeric(absl::StripAsciiWhitespace(cell)));
  }

  // The amount of the quantity `cell`, empty for none.
  std::string Tons(absl::string_view cell) {
    if (const std::optional<absl::string_view> plain = PlainNumber(cell))
      return std::string(*plain);
    // NA, mostly, on every row that has no quantity.
    return *quantities_
                .Of(cell,
                    [](absl::string_view c) {
                      return std::optional<std::string>(QuantityAmount(CellText(0, c)));
                    })
                .value;
  }

  const BaciColumns c_;
  CellMeanings<v1::Period> years_;
  CellMeanings<std::string> exporters_, importers_, products_, quantities_;
  BlockIndex usd_, source_, tons_;
};

// CEPII BACI: every row an export of i to j, valued in thousands of US dollars.
class BaciLayout final : public FlowRowReader {
 public:
  absl::Status Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    c_.year = h.Claim({"t"}, "year");
    c_.exporter = h.Claim({"i"}, "reporter: the exporter (ISO numeric)");
    c_.importer = h.Claim({"j"}, "partner: the importer (ISO numeric)");
    c_.product = h.Claim({"k"}, "product (HS 6-digit)");
    c_.value = h.Claim({"v"}, "export value in thousands of US dollars");
    c_.quantity = h.Claim({"q"}, "quantity in metric tons");
    absl::Status s = ClaimFixedUnit(
        d, 3, "BACI's v", "each row an export of i to j, in thousands of US dollars", report);
    for (const auto& [column, name] :
         {std::pair(c_.year, "t"), std::pair(c_.exporter, "i"), std::pair(c_.importer, "j"),
          std::pair(c_.product, "k"), std::pair(c_.value, "v")}) {
      if (s.ok()) s = NeedColumn(column, absl::StrCat("'", name, "'"));
    }
    return s;
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    v1::TradeFlow f;
    absl::Status s = ReadParties(row, f);
    if (s.ok()) s = ReadProduct(row, *f.mutable_product());
    if (s.ok()) s = ReadValue(row, f);
    if (!s.ok()) return s;
    f.set_direction(v1::FLOW_DIRECTION_EXPORT);
    f.set_status(v1::VALUE_STATUS_REPORTED);
    f.mutable_source()->set_title(kSource);
    out.push_back(std::move(f));
    return absl::OkStatus();
  }

  std::unique_ptr<PlainFlowRows> PlainRows() const override {
    return std::make_unique<BaciPlainRows>(c_);
  }

 private:
  absl::Status ReadParties(const CsvRow& row, v1::TradeFlow& f) const {
    absl::StatusOr<v1::Period> period = ReadYear(row.Cell(c_.year));
    if (!period.ok()) return row.Bad(c_.year, period.status());
    absl::StatusOr<std::string> exporter = CountryFromNumeric(row.Cell(c_.exporter));
    if (!exporter.ok()) return row.Bad(c_.exporter, exporter.status());
    absl::StatusOr<std::string> importer = CountryFromNumeric(row.Cell(c_.importer));
    if (!importer.ok()) return row.Bad(c_.importer, importer.status());
    *f.mutable_period() = *period;
    f.set_reporter(*exporter);
    f.set_partner(*importer);
    return absl::OkStatus();
  }

  absl::Status ReadProduct(const CsvRow& row, v1::Product& product) const {
    absl::StatusOr<std::string> code = ReadHs6(row.Cell(c_.product));
    if (!code.ok()) return row.Bad(c_.product, code.status());
    product.set_classification(v1::CLASSIFICATION_HS);
    product.set_code(*code);
    return absl::OkStatus();
  }

  absl::Status ReadValue(const CsvRow& row, v1::TradeFlow& f) const {
    if (absl::Status s = ReadUsdValue(row, c_.value, 3, f); !s.ok()) return s;
    if (const std::string tons = QuantityAmount(row.Cell(c_.quantity)); !tons.empty()) {
      f.mutable_quantity()->set_amount(tons);
      f.mutable_quantity()->set_unit(kTons);
    }
    return absl::OkStatus();
  }

  BaciColumns c_;
};

}  // namespace

FlowRowReaderOr MakeBaciLayout(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  return MakeLayout<BaciLayout>(h, d, report);
}

}  // namespace culturetrade::import
