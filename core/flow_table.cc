#include "core/flow_table.h"

namespace culturetrade {

uint32_t Dictionary::Intern(absl::string_view value) {
  auto [it, inserted] = codes_.try_emplace(value, static_cast<uint32_t>(values_.size()));
  if (inserted) values_.emplace_back(value);
  return it->second;
}

uint32_t Dictionary::Find(absl::string_view value) const {
  auto it = codes_.find(value);
  return it == codes_.end() ? kAbsent : it->second;
}

FlowTable::FlowTable(absl::Span<const Flow> flows) {
  Reserve(flows.size());
  for (const Flow& f : flows) Add(f);
}

void FlowTable::Reserve(size_t n) {
  for (auto* column : {&reporter_, &partner_, &currency_}) column->reserve(n);
  product_.reserve(n);
  year_.reserve(n);
  for (auto* column : {&month_, &quarter_, &direction_, &status_}) column->reserve(n);
  nanos_.reserve(n);
}

void FlowTable::Add(absl::string_view reporter, absl::string_view partner,
                    absl::string_view product, Direction direction, Period period, Decimal value,
                    absl::string_view currency, ValueStatus status) {
  // Economies and currencies are ISO codes, a few hundred at most: 16 bits are plenty.
  reporter_.push_back(static_cast<uint16_t>(economies_.Intern(reporter)));
  partner_.push_back(static_cast<uint16_t>(economies_.Intern(partner)));
  product_.push_back(products_.Intern(product));
  currency_.push_back(static_cast<uint16_t>(currencies_.Intern(currency)));
  year_.push_back(static_cast<int16_t>(period.year));
  month_.push_back(static_cast<uint8_t>(period.month));
  quarter_.push_back(static_cast<uint8_t>(period.quarter));
  direction_.push_back(static_cast<uint8_t>(direction));
  status_.push_back(static_cast<uint8_t>(status));
  nanos_.push_back(value.nanos());
}

void FlowTable::Add(const Flow& f) {
  Add(f.reporter, f.partner, f.product_code, f.direction, f.period, f.value, f.currency, f.status);
}

void FlowTable::Append(const FlowBlock& block) {
  std::vector<uint16_t> economy(block.economies.size()), currency(block.currencies.size());
  std::vector<uint32_t> product(block.products.size());
  for (size_t e = 0; e < economy.size(); ++e) {
    economy[e] = static_cast<uint16_t>(economies_.Intern(block.economies[e]));
  }
  for (size_t p = 0; p < product.size(); ++p) product[p] = products_.Intern(block.products[p].code);
  for (size_t c = 0; c < currency.size(); ++c) {
    currency[c] = static_cast<uint16_t>(currencies_.Intern(block.currencies[c]));
  }
  for (size_t i = 0; i < block.size(); ++i) {
    reporter_.push_back(economy[block.reporter[i]]);
    partner_.push_back(economy[block.partner[i]]);
    product_.push_back(product[block.product[i]]);
    currency_.push_back(currency[block.currency[i]]);
    year_.push_back(block.year[i]);
    month_.push_back(block.month[i]);
    quarter_.push_back(block.quarter[i]);
    direction_.push_back(static_cast<uint8_t>(block.direction[i]));
    status_.push_back(static_cast<uint8_t>(block.status[i]));
    nanos_.push_back(block.value[i].nanos());
  }
}

void FlowTable::AddRow(const FlowTable& other, size_t i) {
  Add(other.economies_.value(other.reporter_[i]), other.economies_.value(other.partner_[i]),
      other.products_.value(other.product_[i]), static_cast<Direction>(other.direction_[i]),
      Period{other.year_[i], other.month_[i], other.quarter_[i]},
      Decimal::FromNanos(other.nanos_[i]), other.currencies_.value(other.currency_[i]),
      static_cast<ValueStatus>(other.status_[i]));
}

Flow FlowTable::Row(size_t i) const {
  return Flow{economies_.value(reporter_[i]),
              economies_.value(partner_[i]),
              products_.value(product_[i]),
              static_cast<Direction>(direction_[i]),
              Period{year_[i], month_[i], quarter_[i]},
              Decimal::FromNanos(nanos_[i]),
              currencies_.value(currency_[i]),
              static_cast<ValueStatus>(status_[i])};
}

size_t FlowTable::ColumnBytes() const {
  return size() * (3 * sizeof(uint16_t) + sizeof(uint32_t) + sizeof(int16_t) + 4 * sizeof(uint8_t) +
                   sizeof(absl::int128));
}

}  // namespace culturetrade
