#include "bench/load/flow_grid.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace culturetrade::bench {
namespace {

constexpr int kFirstYear = 2000;
constexpr const char* kReporter = "CHN";
// Real ISO 3166-1 codes: the server refuses unknown economies.
constexpr const char* kPartners[50] = {
    "USA", "KOR", "JPN", "DEU", "FRA", "GBR", "ITA", "ESP", "CAN", "AUS", "BRA", "IND", "RUS",
    "MEX", "IDN", "TUR", "SAU", "ARG", "ZAF", "NLD", "BEL", "CHE", "SWE", "NOR", "DNK", "FIN",
    "POL", "AUT", "IRL", "PRT", "GRC", "CZE", "HUN", "ROU", "THA", "VNM", "MYS", "SGP", "PHL",
    "NZL", "CHL", "COL", "PER", "EGY", "NGA", "KEN", "MAR", "ISR", "ARE", "PAK"};

std::string ProductCode(int product) { return absl::StrFormat("K%02d", product); }

// Whole US dollars, spread over three orders of magnitude so that sums exercise every digit.
int64_t Units(int partner, int product, int direction, int year) {
  return 1000 + (int64_t{partner} * 131 + int64_t{product} * 17 + int64_t{year} * 7 +
                 int64_t{direction} * 3) *
                    7919 % 1'000'000;
}

}  // namespace

std::vector<v1::TradeFlow> FlowGrid::Flows() const {
  std::vector<v1::TradeFlow> flows;
  flows.reserve(static_cast<size_t>(flow_count()));
  for (int partner = 0; partner < partners; ++partner) {
    for (int product = 0; product < products; ++product) {
      for (int direction = 0; direction < 2; ++direction) {
        for (int year = 0; year < years; ++year) {
          v1::TradeFlow& f = flows.emplace_back();
          f.set_reporter(kReporter);
          f.set_partner(kPartners[partner]);
          f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
          f.mutable_product()->set_code(ProductCode(product));
          f.set_direction(direction == 0 ? v1::FLOW_DIRECTION_EXPORT : v1::FLOW_DIRECTION_IMPORT);
          f.mutable_period()->set_year(kFirstYear + year);
          f.mutable_value()->set_currency_code("USD");
          f.mutable_value()->set_units(Units(partner, product, direction, year));
          f.set_status(v1::VALUE_STATUS_REPORTED);
        }
      }
    }
  }
  return flows;
}

v1::AnalyzeBalanceRequest FlowGrid::BalanceRequest(const std::string& dataset) {
  v1::AnalyzeBalanceRequest request;
  request.set_dataset(dataset);
  request.set_reporter(kReporter);
  request.set_partner(kPartners[0]);
  request.set_product_code(ProductCode(0));
  return request;
}

absl::Status FlowGrid::CheckBalance(const v1::AnalyzeBalanceResponse& answer) const {
  if (answer.years_size() != years) {
    return absl::InternalError(absl::StrCat(answer.years_size(), " years, expected ", years));
  }
  for (int year = 0; year < years; ++year) {
    const v1::BalanceYear& y = answer.years(year);
    const int64_t exports = Units(0, 0, 0, year), imports = Units(0, 0, 1, year);
    if (y.year() != kFirstYear + year || y.exports().units() != exports ||
        y.imports().units() != imports || y.balance().units() != exports - imports ||
        y.exports().nanos() != 0 || y.imports().nanos() != 0) {
      return absl::InternalError(absl::StrCat("year ", y.year(), ": ", y.ShortDebugString()));
    }
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::bench
