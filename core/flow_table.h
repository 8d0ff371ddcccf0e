// A dataset's flows in columns, the form every analysis reads.
//
// Reporter, partner, product and currency are dictionary-encoded; period, direction, status
// and the exact value sit in contiguous arrays, about 32 bytes a flow. Selecting a series
// compares small integers instead of strings and touches only the columns it needs, so a
// table of tens of millions of flows aggregates at memory speed.
#ifndef CULTURETRADE_CORE_FLOW_TABLE_H_
#define CULTURETRADE_CORE_FLOW_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/numeric/int128.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/decimal.h"
#include "core/flow.h"
#include "core/flow_block.h"

namespace culturetrade {

// Strings interned as dense codes 0, 1, 2, ... in order of first appearance.
class Dictionary {
 public:
  static constexpr uint32_t kAbsent = ~uint32_t{0};
  uint32_t Intern(absl::string_view value);
  // The code of `value`, or kAbsent.
  uint32_t Find(absl::string_view value) const;
  const std::string& value(uint32_t code) const { return values_[code]; }
  size_t size() const { return values_.size(); }

 private:
  absl::flat_hash_map<std::string, uint32_t> codes_;
  std::vector<std::string> values_;
};

class FlowTable {
 public:
  FlowTable() = default;
  explicit FlowTable(absl::Span<const Flow> flows);

  void Reserve(size_t n);
  void Add(absl::string_view reporter, absl::string_view partner, absl::string_view product,
           Direction direction, Period period, Decimal value, absl::string_view currency,
           ValueStatus status);
  void Add(const Flow& f);
  // Appends every flow of `block`, looking each dictionary entry up once.
  void Append(const FlowBlock& block);
  // Appends row `i` of `other`, which may use other dictionaries.
  void AddRow(const FlowTable& other, size_t i);
  // For currency conversion: the code of `currency`, and a row's new value and currency.
  uint16_t InternCurrency(absl::string_view currency) {
    return static_cast<uint16_t>(currencies_.Intern(currency));
  }
  void SetValue(size_t i, Decimal value, uint16_t currency) {
    nanos_[i] = value.nanos();
    currency_[i] = currency;
  }

  size_t size() const { return year_.size(); }
  bool empty() const { return year_.empty(); }
  // Row `i` as a plain Flow, for code that is not on a hot path.
  Flow Row(size_t i) const;

  // Columns, one entry a row.
  absl::Span<const uint16_t> reporter() const { return reporter_; }
  absl::Span<const uint16_t> partner() const { return partner_; }
  absl::Span<const uint32_t> product() const { return product_; }
  absl::Span<const uint16_t> currency() const { return currency_; }
  absl::Span<const int16_t> year() const { return year_; }
  absl::Span<const uint8_t> month() const { return month_; }      // 0 for none
  absl::Span<const uint8_t> quarter() const { return quarter_; }  // 0 for none
  absl::Span<const uint8_t> direction() const { return direction_; }
  absl::Span<const uint8_t> status() const { return status_; }
  absl::Span<const absl::int128> nanos() const { return nanos_; }

  const Dictionary& economies() const { return economies_; }  // reporters and partners
  const Dictionary& products() const { return products_; }
  const Dictionary& currencies() const { return currencies_; }

  // Bytes held by the columns (dictionaries aside), for memory accounting.
  size_t ColumnBytes() const;

 private:
  Dictionary economies_, products_, currencies_;
  std::vector<uint16_t> reporter_, partner_, currency_;
  std::vector<uint32_t> product_;
  std::vector<int16_t> year_;
  std::vector<uint8_t> month_, quarter_, direction_, status_;
  std::vector<absl::int128> nanos_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_TABLE_H_
