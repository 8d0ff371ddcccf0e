// A block of flows in columns: the unit in which flows travel from an upload to the store and
// from the store to the cache, in domain terms (the wire's FlowBlock is converted at the API
// boundary).
//
// Strings sit once in the block's dictionaries and each flow refers to them by index, so a
// block of thousands of flows holds a handful of strings and a few tight integer columns.
// Every per-flow column has size() entries, except the optional ones (`source`, `quantity_*`),
// which are either empty (no flow has one) or full.
#ifndef CULTURETRADE_CORE_FLOW_BLOCK_H_
#define CULTURETRADE_CORE_FLOW_BLOCK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/flow.h"

namespace culturetrade {

// The nomenclature of a product code; the numbers are the wire's.
enum class Classification : uint8_t {
  kUnspecified = 0,
  kFree = 1,
  kHs = 2,
  kEbops2010 = 3,
  kSitc = 4
};

struct ProductEntry {
  Classification classification = Classification::kUnspecified;
  std::string code;
  std::string description;
  friend bool operator==(const ProductEntry& a, const ProductEntry& b) {
    return a.classification == b.classification && a.code == b.code &&
           a.description == b.description;
  }
};

// Where a value comes from; all empty for none.
struct SourceEntry {
  std::string title, locator, quote, uri;
  friend bool operator==(const SourceEntry& a, const SourceEntry& b) {
    return a.title == b.title && a.locator == b.locator && a.quote == b.quote && a.uri == b.uri;
  }
};

struct FlowBlock {
  // Dictionaries.
  std::vector<std::string> economies;  // reporters and partners
  std::vector<ProductEntry> products;
  std::vector<std::string> currencies;
  std::vector<SourceEntry> sources;
  std::vector<std::string> quantity_units;

  // Per-flow columns, indices into the dictionaries above.
  std::vector<uint32_t> reporter, partner, product, currency;
  std::vector<int16_t> year;
  std::vector<uint8_t> month, quarter;  // 0 when the period is not a month / quarter
  std::vector<Direction> direction;
  std::vector<ValueStatus> status;
  std::vector<Decimal> value;
  // Optional columns: empty, or one entry a flow.
  std::vector<uint32_t> source;
  std::vector<std::string> quantity_amount;  // a decimal string, empty for none
  std::vector<uint32_t> quantity_unit;

  size_t size() const { return reporter.size(); }
  bool empty() const { return reporter.empty(); }
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_BLOCK_H_
