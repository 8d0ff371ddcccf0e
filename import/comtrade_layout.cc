// The comtrade layout of flow_layouts.h: UN Comtrade's download format, values in US dollars.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "core/special_codes.h"
#include "import/csv_error.h"
#include "import/csv_periods.h"
#include "import/direction.h"
#include "import/flow_csv.h"
#include "import/flow_fields.h"
#include "import/flow_layouts.h"
#include "import/numeric_country_codes.h"
#include "import/value_status.h"

namespace culturetrade::import {
namespace {

// UN Comtrade's download format.
class ComtradeLayout final : public FlowRowReader {
 public:
  absl::Status Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    classification_flag_ = d.classification;
    absl::Status s = ClaimFixedUnit(d, 0, "Comtrade's primaryValue",
                                    "values in US dollars, as Comtrade states them", report);
    if (s.ok()) s = ClaimPeriod(h);
    if (s.ok()) s = ClaimParties(h);
    if (s.ok()) s = ClaimProduct(h);
    if (s.ok()) s = ClaimValue(h);
    return s;
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    v1::TradeFlow f;
    absl::Status s = ReadParties(row, f);
    if (s.ok()) s = ReadPeriod(row, *f.mutable_period());
    if (s.ok()) s = ReadProduct(row, *f.mutable_product());
    if (s.ok()) s = ReadValue(row, f);
    if (!s.ok()) return s;
    out.push_back(std::move(f));
    return absl::OkStatus();
  }

 private:
  absl::Status ClaimPeriod(CsvHeader& h) {
    period_ = h.Claim({"period"}, "period (YYYY or YYYYMM)");
    if (period_ < 0) {
      year_ = h.Claim({"refyear"}, "year");
      month_ = h.Claim({"refmonth"}, "month (52: the whole year)");
    }
    return NeedColumn(std::max(period_, year_), "period or refYear");
  }

  absl::Status ClaimParties(CsvHeader& h) {
    reporter_iso_ = h.Claim({"reporteriso"}, "reporter (ISO alpha-3)");
    reporter_code_ = h.Claim({"reportercode"}, "reporter where reporterISO is empty (M49)");
    partner_iso_ = h.Claim({"partneriso"}, "partner (ISO alpha-3; W00 the world)");
    partner_code_ = h.Claim({"partnercode"}, "partner (M49; 0 the world)");
    flow_ = h.Claim({"flowcode"}, "direction (X, M, RX, RM)");
    absl::Status s = NeedColumn(std::max(reporter_iso_, reporter_code_), "reporterISO");
    if (s.ok()) s = NeedColumn(std::max(partner_iso_, partner_code_), "partnerISO");
    if (s.ok()) s = NeedColumn(flow_, "flowCode");
    return s;
  }

  absl::Status ClaimProduct(CsvHeader& h) {
    classification_ = h.Claim({"classificationcode"}, "classification (H0-H6, S1-S4, EB02, EB10)");
    product_ = h.Claim({"cmdcode"}, "product code");
    return NeedColumn(product_, "cmdCode");
  }

  absl::Status ClaimValue(CsvHeader& h) {
    value_ = h.Claim({"primaryvalue"}, "value in US dollars");
    reported_ = h.Claim({"isreported"}, "status (false: estimated)");
    return NeedColumn(value_, "primaryValue");
  }

  // The ISO code, else the numeric one; partnerCode 0 is the world whatever partnerISO says.
  static absl::StatusOr<std::string> Country(const CsvRow& row, int iso, int code) {
    const std::string number = row.Cell(code);
    if (!number.empty() && number.find_first_not_of('0') == std::string::npos) {
      return std::string(kWorld);
    }
    const std::string text = row.Cell(iso);
    const bool by_iso = !text.empty() || code < 0;
    absl::StatusOr<std::string> c = by_iso ? ParseCountry(text) : CountryFromNumeric(number);
    if (!c.ok()) return row.Bad(by_iso ? iso : code, c.status());
    return c;
  }

  absl::Status ReadParties(const CsvRow& row, v1::TradeFlow& f) const {
    absl::StatusOr<std::string> reporter = Country(row, reporter_iso_, reporter_code_);
    if (!reporter.ok()) return reporter.status();
    f.set_reporter(*reporter);
    absl::StatusOr<std::string> partner = Country(row, partner_iso_, partner_code_);
    if (!partner.ok()) return partner.status();
    f.set_partner(*partner);
    absl::StatusOr<v1::FlowDirection> direction = ParseDirection(row.Cell(flow_));
    if (!direction.ok()) return row.Bad(flow_, direction.status());
    f.set_direction(*direction);
    return absl::OkStatus();
  }

  absl::Status ReadPeriod(const CsvRow& row, v1::Period& p) const {
    const int column = period_ >= 0 ? period_ : year_;
    absl::StatusOr<v1::Period> parsed = ParseCsvPeriod(row.Cell(column), false);
    if (!parsed.ok()) return row.Bad(column, parsed.status());
    p = *parsed;
    const std::string month = row.Cell(month_);
    int m = 0;
    if (!month.empty() && !absl::SimpleAtoi(month, &m)) {
      return row.Bad(month_, CsvError("'", month, "' is not a month"));
    }
    // Comtrade marks annual figures with refMonth 52.
    if (m == 0 || m == 52) return absl::OkStatus();
    if (m < 1 || m > 12) return row.Bad(month_, CsvError("month ", m, " is outside 1-12"));
    if (p.month() != 0 || p.quarter() != 0) {
      return row.Bad(month_, CsvError("refYear already gives a month"));
    }
    p.set_month(m);
    return absl::OkStatus();
  }

  absl::Status ReadProduct(const CsvRow& row, v1::Product& product) const {
    v1::Classification c = classification_flag_ == v1::CLASSIFICATION_UNSPECIFIED
                               ? v1::CLASSIFICATION_HS
                               : classification_flag_;
    if (const std::string text = row.Cell(classification_); !text.empty()) {
      absl::StatusOr<v1::Classification> parsed = ParseClassification(text);
      if (!parsed.ok()) return row.Bad(classification_, parsed.status());
      c = *parsed;
    }
    const std::string code = absl::AsciiStrToUpper(row.Cell(product_));
    if (code.empty()) return row.Bad(product_, CsvError("the product code is empty"));
    // TOTAL (all products) is no code of any nomenclature; the analyses know it by name.
    product.set_classification(code == kAllProducts ? v1::CLASSIFICATION_FREE : c);
    product.set_code(code);
    return absl::OkStatus();
  }

  absl::Status ReadValue(const CsvRow& row, v1::TradeFlow& f) const {
    if (absl::Status s = ReadUsdValue(row, value_, 0, f); !s.ok()) return s;
    absl::StatusOr<v1::ValueStatus> status = ParseIsReported(row.Cell(reported_));
    if (!status.ok()) return row.Bad(reported_, status.status());
    f.set_status(*status);
    f.mutable_source()->set_title("UN Comtrade");
    return absl::OkStatus();
  }

  int period_ = -1, year_ = -1, month_ = -1, reporter_iso_ = -1, reporter_code_ = -1,
      partner_iso_ = -1, partner_code_ = -1, flow_ = -1, classification_ = -1, product_ = -1,
      value_ = -1, reported_ = -1;
  v1::Classification classification_flag_ = v1::CLASSIFICATION_UNSPECIFIED;
};

}  // namespace

FlowRowReaderOr MakeComtradeLayout(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  return MakeLayout<ComtradeLayout>(h, d, report);
}

}  // namespace culturetrade::import
