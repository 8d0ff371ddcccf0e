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

#include <array>
#include <cstddef>
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

// Reads plain records into blocks, on one thread at a time.
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
    Recent& recent = recent_[Slot(cell)];
    if (recent.meaning != nullptr && Same(cell, recent.cell)) return *recent.meaning;
    auto it = meanings_.find(cell);
    if (it == meanings_.end() && meanings_.size() >= kMaxMeanings) {
      meanings_.clear();
      recent_.fill(Recent());
    }
    if (it == meanings_.end()) {
      it = meanings_.emplace(std::string(cell), Meaning{read(cell), BlockIndex()}).first;
    }
    recent = Recent{it->first, &it->second};
    return it->second;
  }

 private:
  // A column holds few distinct cells, most often, and a sorted file the same for many rows:
  // a cell's slot among the recent ones, from a few of its bytes, is found faster than its
  // place in the map.
  struct Recent {
    absl::string_view cell;  // the map's key
    Meaning* meaning = nullptr;
  };
  static constexpr size_t kRecent = 64;
  // Remembered for a whole file, but no more than this many (a column of ever new cells
  // would hold the file in memory otherwise).
  static constexpr size_t kMaxMeanings = size_t{1} << 14;

  static size_t Slot(absl::string_view cell) {
    if (cell.empty()) return 0;
    const auto byte = [&cell](size_t i) { return static_cast<uint64_t>(uint8_t(cell[i])); };
    const uint64_t h =
        cell.size() ^ byte(0) << 8 ^ byte(cell.size() / 2) << 16 ^ byte(cell.size() - 1) << 24;
    return (h * 0x9E3779B97F4A7C15ULL) >> 58;  // the top 6 bits: 0 to kRecent - 1
  }

  // Cells are short: comparing them byte by byte beats a call to memcmp.
  static bool Same(absl::string_view a, absl::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  // Nodes stay put, so `recent_` outlives insertions.
  absl::node_hash_map<std::string, Meaning> meanings_;
  std::array<Recent, kRecent> recent_{};
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
