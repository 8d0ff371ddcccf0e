// The baci layout of flow_layouts.h: CEPII BACI, every row an export of i to j valued in
// thousands of US dollars.
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

namespace culturetrade::import {
namespace {

// CEPII BACI: every row an export of i to j, valued in thousands of US dollars.
class BaciLayout final : public FlowRowReader {
 public:
  absl::Status Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    year_ = h.Claim({"t"}, "year");
    exporter_ = h.Claim({"i"}, "reporter: the exporter (ISO numeric)");
    importer_ = h.Claim({"j"}, "partner: the importer (ISO numeric)");
    product_ = h.Claim({"k"}, "product (HS 6-digit)");
    value_ = h.Claim({"v"}, "export value in thousands of US dollars");
    quantity_ = h.Claim({"q"}, "quantity in metric tons");
    absl::Status s = ClaimFixedUnit(
        d, 3, "BACI's v", "each row an export of i to j, in thousands of US dollars", report);
    for (const auto& [column, name] :
         {std::pair(year_, "t"), std::pair(exporter_, "i"), std::pair(importer_, "j"),
          std::pair(product_, "k"), std::pair(value_, "v")}) {
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
    f.mutable_source()->set_title("CEPII BACI");
    out.push_back(std::move(f));
    return absl::OkStatus();
  }

 private:
  absl::Status ReadParties(const CsvRow& row, v1::TradeFlow& f) const {
    const std::string year = row.Cell(year_);
    absl::StatusOr<v1::Period> period = ParseCsvPeriod(year, false);
    if (period.ok() && year.size() != 4) period = CsvError("'", year, "' is not a year");
    if (!period.ok()) return row.Bad(year_, period.status());
    absl::StatusOr<std::string> exporter = CountryFromNumeric(row.Cell(exporter_));
    if (!exporter.ok()) return row.Bad(exporter_, exporter.status());
    absl::StatusOr<std::string> importer = CountryFromNumeric(row.Cell(importer_));
    if (!importer.ok()) return row.Bad(importer_, importer.status());
    *f.mutable_period() = *period;
    f.set_reporter(*exporter);
    f.set_partner(*importer);
    return absl::OkStatus();
  }

  absl::Status ReadProduct(const CsvRow& row, v1::Product& product) const {
    std::string code = row.Cell(product_);
    // A tool that read k as a number dropped the leading zero of chapters 01 to 09.
    if (code.size() == 5 && AllDigits(code)) code = "0" + code;
    if (code.size() != 6 || !AllDigits(code)) {
      return row.Bad(product_, CsvError("'", code, "' is not an HS 6-digit code"));
    }
    product.set_classification(v1::CLASSIFICATION_HS);
    product.set_code(code);
    return absl::OkStatus();
  }

  absl::Status ReadValue(const CsvRow& row, v1::TradeFlow& f) const {
    if (absl::Status s = ReadUsdValue(row, value_, 3, f); !s.ok()) return s;
    // BACI writes NA where it has no quantity: such a row simply has none.
    absl::StatusOr<std::string> tons = ParseCsvNumber(row.Cell(quantity_));
    if (tons.ok() && !absl::StartsWith(*tons, "-")) {
      f.mutable_quantity()->set_amount(*tons);
      f.mutable_quantity()->set_unit("t");
    }
    return absl::OkStatus();
  }

  int year_ = -1, exporter_ = -1, importer_ = -1, product_ = -1, value_ = -1, quantity_ = -1;
};

}  // namespace

FlowRowReaderOr MakeBaciLayout(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  return MakeLayout<BaciLayout>(h, d, report);
}

}  // namespace culturetrade::import
