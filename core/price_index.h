// A price index (a consumer price index or a deflator) and amounts in constant prices.
//
// real_t = nominal_t × index(base) / index(t). The product nominal_t × index(base) is rounded
// half away from zero to nine fractional digits (Decimal::Times), then the quotient by
// index(t) is rounded the same way (Decimal::DividedBy): exact for the indexes statistical
// offices publish (a few fractional digits), and at most one nano off the true quotient.
#ifndef CULTURETRADE_CORE_PRICE_INDEX_H_
#define CULTURETRADE_CORE_PRICE_INDEX_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/decimal.h"

namespace culturetrade {

class PriceIndex {
 public:
  // Fails with INVALID_ARGUMENT naming the year when a value is not positive.
  static absl::StatusOr<PriceIndex> Make(std::string id, std::string display_name,
                                         std::string currency, std::map<int, Decimal> values);

  const std::string& id() const { return id_; }
  const std::string& display_name() const { return display_name_; }
  const std::string& currency() const { return currency_; }
  // The index in `year`; FAILED_PRECONDITION naming the index and the year when it lacks it.
  absl::StatusOr<Decimal> ValueIn(int year) const;
  // `value`, in `currency` of `year`, in constant prices of `base_year`. FAILED_PRECONDITION
  // when either year is missing or `currency` is not the index's.
  absl::StatusOr<Decimal> InPricesOf(int base_year, Decimal value, absl::string_view currency,
                                     int year) const;

 private:
  std::string id_, display_name_, currency_;
  std::map<int, Decimal> values_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_PRICE_INDEX_H_
