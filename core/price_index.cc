#include "core/price_index.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::StatusOr<PriceIndex> PriceIndex::Make(std::string id, std::string display_name,
                                            std::string currency, std::map<int, Decimal> values) {
  for (const auto& [year, value] : values) {
    if (!value.is_positive()) {
      return absl::InvalidArgumentError(absl::StrCat("price index ", id, " is ", value.ToString(),
                                                     " in ", year, "; an index is positive"));
    }
  }
  PriceIndex index;
  index.id_ = std::move(id);
  index.display_name_ = std::move(display_name);
  index.currency_ = std::move(currency);
  index.values_ = std::move(values);
  return index;
}

absl::StatusOr<Decimal> PriceIndex::ValueIn(int year) const {
  const auto it = values_.find(year);
  if (it == values_.end()) {
    return absl::FailedPreconditionError(
        absl::StrCat("price index ", id_, " has no value for ", year));
  }
  return it->second;
}

absl::StatusOr<Decimal> PriceIndex::InPricesOf(int base_year, Decimal value,
                                               absl::string_view currency, int year) const {
  if (currency != currency_) {
    return absl::FailedPreconditionError(absl::StrCat("price index ", id_, " deflates amounts in ",
                                                      currency_, ", not ", currency,
                                                      "; name target_currency ", currency_));
  }
  absl::StatusOr<Decimal> base = ValueIn(base_year);
  if (!base.ok()) return base.status();
  absl::StatusOr<Decimal> index = ValueIn(year);
  if (!index.ok()) return index.status();
  absl::StatusOr<Decimal> scaled = value.Times(*base);
  if (!scaled.ok()) return scaled.status();
  return scaled->DividedBy(*index);
}

}  // namespace culturetrade
