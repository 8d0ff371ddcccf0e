// A dataset's flows in columns, the form every analysis reads.
//
// Reporter, partner, product and currency are dictionary-encoded; the year, the packed period
// part, direction and status (flow_kind.h) and the exact value (value_column.h) sit in
// contiguous arrays. With the series index that is 24 bytes a flow: 2 + 2 reporter and
// partner, 4 product, 1 currency, 2 year, 1 kind, 8 value and 4 index; a value column that
// falls back to int128 adds 8. Whole-table passes compare small integers and touch only the
// columns they need; one series' analysis looks its rows up in the index and touches only those.
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
#include "core/flow_kind.h"
#include "core/series_index.h"
#include "core/value_column.h"

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
  // How many distinct economies and currencies a table holds at most: more than ISO 3166 and
  // ISO 4217 list (about 280 economies with the former ones, 181 currencies), which the
  // service validates against. Going past either is a programming error that aborts.
  static constexpr size_t kMaxEconomies = size_t{1} << 16;
  static constexpr size_t kMaxCurrencies = size_t{1} << 8;

  FlowTable() = default;
  explicit FlowTable(absl::Span<const Flow> flows);

  void Reserve(size_t n);
  void Add(absl::string_view reporter, absl::string_view partner, absl::string_view product,
           Direction direction, Period period, Decimal value, absl::string_view currency,
           ValueStatus status);
  void Add(const Flow& f);
  // Appends every flow of `block`, whose indices must be in range (BlockFromProto and the
  // stores check them): each dictionary entry is looked up once, then the columns are filled
  // in tight loops. Columns grow geometrically, so appending many blocks costs linear time.
  void Append(const FlowBlock& block);
  // Appends rows `rows` of `other`, which may use other dictionaries, in that order.
  void AppendRows(const FlowTable& other, absl::Span<const uint32_t> rows);
  // Appends row `i` of `other`.
  void AddRow(const FlowTable& other, size_t i);
  // For currency conversion: the code of `currency`, and a row's new value and currency.
  uint8_t InternCurrency(absl::string_view currency);
  void SetValue(size_t i, Decimal value, uint8_t currency) {
    values_.Set(i, value);
    currency_[i] = currency;
  }
  // For a table that is complete: gives back the capacity growth left unused and builds the
  // series index now rather than at the first lookup. A cache calls it once per revision.
  void Seal();

  size_t size() const { return year_.size(); }
  bool empty() const { return year_.empty(); }
  // Row `i` as a plain Flow, for code that is not on a hot path.
  Flow Row(size_t i) const;

  // Columns, one entry a row.
  absl::Span<const uint16_t> reporter() const { return reporter_; }
  absl::Span<const uint16_t> partner() const { return partner_; }
  absl::Span<const uint32_t> product() const { return product_; }
  absl::Span<const uint8_t> currency() const { return currency_; }
  absl::Span<const int16_t> year() const { return year_; }
  absl::Span<const uint8_t> kind() const { return kind_; }  // see flow_kind.h
  const ValueColumn& values() const { return values_; }

  // One row's fields that the columns hold packed.
  int month(size_t i) const { return KindMonth(kind_[i]); }      // 0 for none
  int quarter(size_t i) const { return KindQuarter(kind_[i]); }  // 0 for none
  Direction direction(size_t i) const {
    return static_cast<Direction>(KindDirectionCode(kind_[i]));
  }
  ValueStatus status(size_t i) const { return static_cast<ValueStatus>(KindStatusCode(kind_[i])); }
  absl::int128 value_nanos(size_t i) const { return values_.nanos(i); }
  Decimal value(size_t i) const { return Decimal::FromNanos(values_.nanos(i)); }

  const Dictionary& economies() const { return economies_; }  // reporters and partners
  const Dictionary& products() const { return products_; }
  const Dictionary& currencies() const { return currencies_; }

  // The rows of one series, in table order; empty when a code is absent (kAbsent included).
  // Lookups build the series index the first time (see Seal) and are then a binary search.
  absl::Span<const uint32_t> SeriesRows(uint32_t reporter, uint32_t partner,
                                        uint32_t product) const;
  absl::Span<const uint32_t> SeriesRows(const SeriesKey& key) const;
  // The rows of one reporter and partner, every product: by product, then in table order.
  absl::Span<const uint32_t> PairRows(uint32_t reporter, uint32_t partner) const;
  // The rows of one reporter: by partner and product, then in table order.
  absl::Span<const uint32_t> ReporterRows(uint32_t reporter) const;

  // Bytes held by the columns and the series index (dictionaries aside), spare capacity
  // included, for memory accounting.
  size_t ColumnBytes() const;

 private:
  // Calls f on each column but the values, of `self` (a FlowTable, const or not).
  template <typename Self, typename F>
  static void ForEachColumn(Self& self, F f) {
    f(self.reporter_);
    f(self.partner_);
    f(self.product_);
    f(self.currency_);
    f(self.year_);
    f(self.kind_);
  }
  uint16_t InternEconomy(absl::string_view economy);
  // Makes room for `n` more rows and returns the first new row; resize grows geometrically.
  size_t Grow(size_t n);
  absl::Span<const uint32_t> Find(uint32_t reporter, uint64_t first, uint64_t last) const;
  SeriesIndex::Keys Keys() const { return {reporter_, partner_, product_}; }

  Dictionary economies_, products_, currencies_;
  std::vector<uint16_t> reporter_, partner_;
  std::vector<uint32_t> product_;
  std::vector<uint8_t> currency_;
  std::vector<int16_t> year_;
  std::vector<uint8_t> kind_;
  ValueColumn values_;
  SeriesIndex index_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_TABLE_H_
