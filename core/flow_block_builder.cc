#include "core/flow_block_builder.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace culturetrade {
namespace {

template <typename Entry>
uint32_t Intern(absl::flat_hash_map<std::string, uint32_t>& codes, const std::string& key,
                std::vector<Entry>& dictionary, Entry entry) {
  auto [it, inserted] = codes.try_emplace(key, static_cast<uint32_t>(dictionary.size()));
  if (inserted) dictionary.push_back(std::move(entry));
  return it->second;
}

}  // namespace

uint32_t FlowBlockBuilder::Economy(absl::string_view code) {
  return Intern(economies_, std::string(code), block_.economies, std::string(code));
}

uint32_t FlowBlockBuilder::Product(Classification classification, absl::string_view code,
                                   absl::string_view description) {
  // Length-prefixed, so that the key tells the fields apart whatever they hold.
  std::string key =
      absl::StrCat(static_cast<int>(classification), ":", code.size(), ":", code, description);
  return Intern(products_, key, block_.products,
                ProductEntry{classification, std::string(code), std::string(description)});
}

uint32_t FlowBlockBuilder::Currency(absl::string_view code) {
  return Intern(currencies_, std::string(code), block_.currencies, std::string(code));
}

uint32_t FlowBlockBuilder::Source(const SourceEntry& s) {
  std::string key = absl::StrCat(s.title.size(), ":", s.title, s.locator.size(), ":", s.locator,
                                 s.quote.size(), ":", s.quote, s.uri);
  return Intern(sources_, key, block_.sources, s);
}

uint32_t FlowBlockBuilder::QuantityUnit(absl::string_view unit) {
  return Intern(units_, std::string(unit), block_.quantity_units, std::string(unit));
}

void FlowBlockBuilder::Add(Row row) {
  const size_t before = block_.size();
  // An optional column starts when its first flow has a value (the block's first flow too);
  // the flows before it get none.
  const bool sources = row.source.has_value() || !block_.source.empty();
  const bool quantities = !row.quantity_amount.empty() || !block_.quantity_amount.empty();
  if (sources && block_.source.size() < before) {
    block_.source.assign(before, Source(SourceEntry{}));
  }
  if (quantities && block_.quantity_amount.size() < before) {
    block_.quantity_amount.assign(before, "");
    block_.quantity_unit.assign(before, 0);
  }
  block_.reporter.push_back(row.reporter);
  block_.partner.push_back(row.partner);
  block_.product.push_back(row.product);
  block_.currency.push_back(row.currency);
  block_.year.push_back(static_cast<int16_t>(row.period.year));
  block_.month.push_back(static_cast<uint8_t>(row.period.month));
  block_.quarter.push_back(static_cast<uint8_t>(row.period.quarter));
  block_.direction.push_back(row.direction);
  block_.status.push_back(row.status);
  block_.value.push_back(row.value);
  if (sources) block_.source.push_back(row.source ? *row.source : Source(SourceEntry{}));
  if (quantities) {
    block_.quantity_amount.push_back(std::move(row.quantity_amount));
    block_.quantity_unit.push_back(row.quantity_unit);
  }
}

FlowBlock FlowBlockBuilder::Take() {
  FlowBlock out = std::move(block_);
  block_ = FlowBlock();
  for (auto* codes : {&economies_, &products_, &currencies_, &sources_, &units_}) codes->clear();
  return out;
}

}  // namespace culturetrade
