// The shortcut of FlowCsvBlocks for the records most flow files are made of: a plain record
// (SplitPlainRecord: no quotes, its cells views of the batch's text) read straight into the
// block being built, without a TradeFlow message, a string per cell, or a dictionary lookup
// per string. Each column remembers what its distinct cells mean, read once by the layout's
// own rules (a file repeats its countries, products and years on every row), with the index
// of their dictionary entry in the block; values are read digit by digit into exact decimals.
// A record the shortcut does not take (a bad cell, a number with a thousands separator, ...)
// goes to the layout's FlowRowReader, which gives the same flow or the record's error.
#ifndef CULTURETRADE_IMPORT_PLAIN_FLOW_ROWS_H_
#define CULTURETRADE_IMPORT_PLAIN_FLOW_ROWS_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "core/decimal.h"
#include "core/flow_block_builder.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::import {

// Reads the plain records of one batch, on one thread, into blocks.
class PlainFlowRows {
 public:
  virtual ~PlainFlowRows() = default;
  // Adds the flow of the record of `cells` to `builder` and returns true, or returns false
  // having added nothing.
  virtual bool Add(const std::vector<absl::string_view>& cells, FlowBlockBuilder& builder) = 0;
  // The builder was emptied: the dictionary indices remembered are of the block before.
  void NewBlock() { ++block_; }

 protected:
  uint32_t block() const { return block_; }

 private:
  uint32_t block_ = 0;
};

// The index of a dictionary entry in the block being built, found once a block.
class BlockIndex {
 public:
  // The index in block `block`, `add()` giving it the first time.
  template <typename Add>
  uint32_t In(uint32_t block, const Add& add) {
    if (block_ != block) {
      index_ = add();
      block_ = block;
    }
    return index_;
  }

 private:
  uint32_t index_ = 0;
  uint32_t block_ = std::numeric_limits<uint32_t>::max();
};

// What the distinct cells of one column mean: a `Value`, or nullopt for a cell that only the
// layout's FlowRowReader reads (one it refuses, with the error it gives).
template <typename Value>
class CellMeanings {
 public:
  struct Meaning {
    std::optional<Value> value;
    BlockIndex index;  // of `value` in the block's dictionary, where it has one
  };

  // The meaning of `cell`, `read(cell)` giving it the first time.
  template <typename Read>
  Meaning& Of(absl::string_view cell, const Read& read) {
    // Files are often sorted, so a cell is most often the one of the row before.
    if (last_ != nullptr && cell == last_cell_) return *last_;
    auto it = meanings_.find(cell);
    if (it == meanings_.end())
      it = meanings_.emplace(std::string(cell), Meaning{read(cell), BlockIndex()}).first;
    last_cell_ = it->first;
    last_ = &it->second;
    return it->second;
  }

 private:
  // Nodes stay put, so `last_` and `last_cell_` outlive insertions.
  absl::node_hash_map<std::string, Meaning> meanings_;
  absl::string_view last_cell_;
  Meaning* last_ = nullptr;
};

// The cell of `column` (-1 for none) in `cells`, untrimmed; empty beyond a short record, as
// CsvRow::Cell.
inline absl::string_view PlainCell(const std::vector<absl::string_view>& cells, int column) {
  if (column < 0 || static_cast<size_t>(column) >= cells.size()) return {};
  return cells[column];
}

// PlainCell, or `flag` (the command's flag standing in) for column -1, as CsvRow::CellOr.
inline absl::string_view PlainCellOr(const std::vector<absl::string_view>& cells, int column,
                                     const std::string& flag) {
  return column >= 0 ? PlainCell(cells, column) : flag;
}

// The text CsvRow::CellOr gives for `cell`, PlainCellOr's: trimmed, or the flag as it is.
inline std::string CellText(int column, absl::string_view cell) {
  return std::string(column >= 0 ? absl::StripAsciiWhitespace(cell) : cell);
}

// The value of `parsed`, or nullopt for an error.
template <typename T>
std::optional<T> ValueOrNone(absl::StatusOr<T> parsed) {
  return parsed.ok() ? std::optional<T>(*std::move(parsed)) : std::nullopt;
}

// The value of `cell` in 10^`scale` units when it is plain digits, with or without a dot and
// a fraction (around which it may have spaces), as ParseValue reads it exactly; nullopt for
// any other text, which ParseValue then reads or refuses.
std::optional<Decimal> PlainValue(absl::string_view cell, int scale);

// `cell` when it is a number ParseCsvNumber gives back unchanged (plain digits, with or
// without a dot and a fraction, around which it may have spaces), trimmed; nullopt otherwise.
std::optional<absl::string_view> PlainNumber(absl::string_view cell);

// A source of which only the title is known.
SourceEntry SourceTitled(absl::string_view title);

// The domain's direction, status and classification of the wire's values that the layouts
// read (ParseDirection's, ParseStatus's and ParseClassification's).
Direction DirectionOf(v1::FlowDirection direction);
ValueStatus StatusOf(v1::ValueStatus status);
Classification ClassificationOf(v1::Classification classification);

}  // namespace culturetrade::import

#endif  // CULTURETRADE_IMPORT_PLAIN_FLOW_ROWS_H_
