// Yearly totals of one flow direction for one reporter, partner and product.
//
// An AnnualSeries holds only the years that have data, in increasing order: a year without
// flows is a gap, never a zero. Totals are exact sums in a single currency.
#ifndef CULTURETRADE_CORE_ANNUAL_SERIES_H_
#define CULTURETRADE_CORE_ANNUAL_SERIES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/decimal.h"
#include "core/flow.h"
#include "core/flow_table.h"

namespace culturetrade {

struct YearValue {
  int year = 0;
  Decimal value;
  ValueStatus status = ValueStatus::kReported;  // the weakest among the year's flows
  // True when the year is built from months or quarters that do not cover it whole: its
  // total is a part of the year's trade and would fake a fall in growth.
  bool partial = false;
};

class AnnualSeries {
 public:
  AnnualSeries() = default;
  AnnualSeries(std::string currency, std::vector<YearValue> years)
      : currency_(std::move(currency)), years_(std::move(years)) {}

  const std::string& currency() const { return currency_; }
  const std::vector<YearValue>& years() const { return years_; }
  bool empty() const { return years_.empty(); }
  // The entry of `year`, or nullptr when the year is a gap.
  const YearValue* Find(int year) const;
  // The same series without its partial years, which growth leaves out unless asked.
  AnnualSeries WithoutPartialYears() const;
  // The years from `start_year` to `end_year` inclusive; 0 leaves that end open.
  AnnualSeries Between(int start_year, int end_year) const;

 private:
  std::string currency_;
  std::vector<YearValue> years_;
};

// Sums the flows matching `key` and `direction` by year; a year with an annual flow, all twelve
// months or all four quarters (a quarter may also be made of its three months) is whole.
// Fails with FAILED_PRECONDITION when they are in more than one currency, naming both.
absl::StatusOr<AnnualSeries> BuildAnnualSeries(const FlowTable& flows, const SeriesKey& key,
                                               Direction direction);

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_ANNUAL_SERIES_H_
