// Builds a FlowBlock flow by flow, giving each distinct string one dictionary entry.
#ifndef CULTURETRADE_CORE_FLOW_BLOCK_BUILDER_H_
#define CULTURETRADE_CORE_FLOW_BLOCK_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "core/flow_block.h"

namespace culturetrade {

class FlowBlockBuilder {
 public:
  // One flow, its strings given as the indices that the methods below return.
  struct Row {
    uint32_t reporter = 0, partner = 0, product = 0, currency = 0;
    Period period;
    Direction direction = Direction::kExport;
    ValueStatus status = ValueStatus::kReported;
    Decimal value;
    std::optional<uint32_t> source;
    std::string quantity_amount;  // empty for none
    uint32_t quantity_unit = 0;
  };

  uint32_t Economy(absl::string_view code);
  uint32_t Product(Classification classification, absl::string_view code,
                   absl::string_view description);
  uint32_t Currency(absl::string_view code);
  uint32_t Source(const SourceEntry& source);
  uint32_t QuantityUnit(absl::string_view unit);

  void Add(Row row);
  size_t size() const { return block_.size(); }
  // The block built so far; the builder starts afresh.
  FlowBlock Take();

 private:
  FlowBlock block_;
  absl::flat_hash_map<std::string, uint32_t> economies_, products_, currencies_, sources_, units_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_BLOCK_BUILDER_H_
