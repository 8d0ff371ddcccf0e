#include "core/flow_table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <utility>

namespace culturetrade {
namespace {

// `code` in a column `limit` codes wide. A wider dictionary cannot be stored, and only a caller
// that skipped validation can make one, so it ends the process rather than mix codes up.
template <typename Code>
Code Narrowed(uint32_t code, size_t limit, const char* what) {
  if (code >= limit) {
    std::fprintf(stderr, "FlowTable: more than %zu distinct %s\n", limit, what);
    std::abort();
  }
  return static_cast<Code>(code);
}

// out[i] = codes[from[i]]: a block's dictionary indices turned into this table's codes.
template <typename Code>
void Remap(const std::vector<uint32_t>& from, const std::vector<Code>& codes, Code* out) {
  const Code* code = codes.data();
  const uint32_t* index = from.data();
  for (size_t i = 0, n = from.size(); i < n; ++i) out[i] = code[index[i]];
}

// Maps the codes of another table's dictionary to this table's, interning each value the first
// time it is asked for, so that rows appended in order intern their strings in row order, as
// adding them one by one would.
template <typename Code>
class CodeMap {
 public:
  CodeMap(const Dictionary& from, std::function<Code(absl::string_view)> intern)
      : from_(from), intern_(std::move(intern)), codes_(from.size()), known_(from.size(), false) {}
  Code operator()(uint32_t code) {
    if (!known_[code]) {
      codes_[code] = intern_(from_.value(code));
      known_[code] = true;
    }
    return codes_[code];
  }

 private:
  const Dictionary& from_;
  std::function<Code(absl::string_view)> intern_;
  std::vector<Code> codes_;
  std::vector<bool> known_;
};

}  // namespace

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
  ForEachColumn(*this, [n](auto& column) { column.reserve(n); });
  values_.Reserve(n);
}

uint16_t FlowTable::InternEconomy(absl::string_view economy) {
  return Narrowed<uint16_t>(economies_.Intern(economy), kMaxEconomies, "economies");
}

uint8_t FlowTable::InternCurrency(absl::string_view currency) {
  return Narrowed<uint8_t>(currencies_.Intern(currency), kMaxCurrencies, "currencies");
}

void FlowTable::Add(absl::string_view reporter, absl::string_view partner,
                    absl::string_view product, Direction direction, Period period, Decimal value,
                    absl::string_view currency, ValueStatus status) {
  index_.Clear();
  reporter_.push_back(InternEconomy(reporter));
  partner_.push_back(InternEconomy(partner));
  product_.push_back(products_.Intern(product));
  currency_.push_back(InternCurrency(currency));
  year_.push_back(static_cast<int16_t>(period.year));
  kind_.push_back(PackKind(period.month, period.quarter, direction, status));
  values_.Append(value);
}

void FlowTable::Add(const Flow& f) {
  Add(f.reporter, f.partner, f.product_code, f.direction, f.period, f.value, f.currency, f.status);
}

size_t FlowTable::Grow(size_t n) {
  index_.Clear();
  const size_t start = size();
  ForEachColumn(*this, [end = start + n](auto& column) { column.resize(end); });
  return start;
}

void FlowTable::Append(const FlowBlock& block) {
  std::vector<uint16_t> economy;
  economy.reserve(block.economies.size());
  for (const std::string& e : block.economies) economy.push_back(InternEconomy(e));
  std::vector<uint32_t> product;
  product.reserve(block.products.size());
  for (const ProductEntry& p : block.products) product.push_back(products_.Intern(p.code));
  std::vector<uint8_t> currency;
  currency.reserve(block.currencies.size());
  for (const std::string& c : block.currencies) currency.push_back(InternCurrency(c));

  const size_t start = Grow(block.size());
  Remap(block.reporter, economy, reporter_.data() + start);
  Remap(block.partner, economy, partner_.data() + start);
  Remap(block.product, product, product_.data() + start);
  Remap(block.currency, currency, currency_.data() + start);
  std::copy(block.year.begin(), block.year.end(), year_.begin() + start);
  // Plain pointers: a store through uint8_t* may alias anything, so the loop would otherwise
  // reload the block's vectors on every row.
  const uint8_t *month = block.month.data(), *quarter = block.quarter.data();
  const Direction* direction = block.direction.data();
  const ValueStatus* status = block.status.data();
  uint8_t* kind = kind_.data() + start;
  for (size_t i = 0, n = block.size(); i < n; ++i) {
    kind[i] = PackKind(month[i], quarter[i], direction[i], status[i]);
  }
  values_.Append(block.value);
}

void FlowTable::AppendRows(const FlowTable& other, absl::Span<const uint32_t> rows) {
  CodeMap<uint16_t> economy(other.economies_,
                            [this](absl::string_view e) { return InternEconomy(e); });
  CodeMap<uint32_t> product(other.products_,
                            [this](absl::string_view p) { return products_.Intern(p); });
  CodeMap<uint8_t> currency(other.currencies_,
                            [this](absl::string_view c) { return InternCurrency(c); });
  const size_t start = Grow(rows.size());
  std::vector<Decimal> values;
  values.reserve(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    const uint32_t r = rows[k];
    reporter_[start + k] = economy(other.reporter_[r]);
    partner_[start + k] = economy(other.partner_[r]);
    product_[start + k] = product(other.product_[r]);
    currency_[start + k] = currency(other.currency_[r]);
    year_[start + k] = other.year_[r];
    kind_[start + k] = other.kind_[r];
    values.push_back(other.value(r));
  }
  values_.Append(values);
}

void FlowTable::AddRow(const FlowTable& other, size_t i) { Add(other.Row(i)); }

void FlowTable::Seal() {
  ForEachColumn(*this, [](auto& column) { column.shrink_to_fit(); });
  values_.ShrinkToFit();
  index_.Build(Keys());
}

Flow FlowTable::Row(size_t i) const {
  return Flow{economies_.value(reporter_[i]),         economies_.value(partner_[i]),
              products_.value(product_[i]),           direction(i),
              Period{year_[i], month(i), quarter(i)}, value(i),
              currencies_.value(currency_[i]),        status(i)};
}

absl::Span<const uint32_t> FlowTable::SeriesRows(uint32_t reporter, uint32_t partner,
                                                 uint32_t product) const {
  if (partner >= economies_.size() || product >= products_.size()) return {};
  const uint64_t key = SeriesIndex::Pack(reporter, partner, product);
  return Find(reporter, key, key);
}

absl::Span<const uint32_t> FlowTable::SeriesRows(const SeriesKey& key) const {
  return SeriesRows(economies_.Find(key.reporter), economies_.Find(key.partner),
                    products_.Find(key.product_code));
}

absl::Span<const uint32_t> FlowTable::PairRows(uint32_t reporter, uint32_t partner) const {
  if (partner >= economies_.size()) return {};
  return Find(reporter, SeriesIndex::Pack(reporter, partner, 0),
              SeriesIndex::Pack(reporter, partner, ~uint32_t{0}));
}

absl::Span<const uint32_t> FlowTable::ReporterRows(uint32_t reporter) const {
  return Find(reporter, SeriesIndex::Pack(reporter, 0, 0),
              SeriesIndex::Pack(reporter, kMaxEconomies - 1, ~uint32_t{0}));
}

absl::Span<const uint32_t> FlowTable::Find(uint32_t reporter, uint64_t first, uint64_t last) const {
  if (reporter >= economies_.size()) return {};
  return index_.Find(Keys(), first, last);
}

size_t FlowTable::ColumnBytes() const {
  size_t bytes = values_.bytes() + index_.bytes();
  ForEachColumn(
      *this, [&bytes](const auto& column) { bytes += column.capacity() * sizeof(column.front()); });
  return bytes;
}

}  // namespace culturetrade
