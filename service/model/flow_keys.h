// The keys of the flows an upload has seen, to refuse two flows for the same reporter, partner,
// product, direction and period, and a year given both whole and by month or quarter (it would
// be counted twice). Exact: a key packs the flow's fields into 128 bits, with product codes
// numbered as they come, so that checking tens of millions of flows costs about 16 bytes a flow
// and no string is built.
//
// TradeFlows (chunks, inline datasets, the stored dataset) and the rows of blocks share one
// key space, so an upload's chunks and blocks are checked against each other.
#ifndef CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_
#define CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "core/flow_block.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "service/model/field_violations.h"

namespace culturetrade {

class FlowKeySet {
 public:
  // What a flow's keys meet among those already seen.
  enum class Clash { kNone, kSameKey, kWholeAndParts };

  // Only for flows that passed validation: their codes are what the keys pack.
  Clash Find(const v1::TradeFlow& flow) const;
  void Remember(const v1::TradeFlow& flow);
  // Remembers `flow` unless it clashes with a flow seen, which it reports as a violation of
  // `field` (or of `field`.period when its year is given both whole and in parts).
  void CheckAndRemember(const v1::TradeFlow& flow, const std::string& field,
                        FieldViolations& violations);
  // The same for each row of `block` (a block that passed validation), in order, so that the
  // block's own rows meet each other too. A clashing row is named `prefix`reporter[row] (or
  // `prefix`year[row] when its year is given both whole and in parts), `prefix` being for
  // example `block[3].`.
  void CheckAndRemember(const FlowBlock& block, const std::string& prefix,
                        FieldViolations& violations);
  // Room for `flows` more flows.
  void Reserve(size_t flows) { keys_.reserve(keys_.size() + flows); }

 private:
  // A flow's fields as numbers: economies below 26^3, the product as products_ numbers its
  // code, the classification as the wire numbers it, the direction as the domain does.
  struct Row {
    uint64_t reporter = 0, partner = 0, product = 0, classification = 0, direction = 0;
    int year = 0, month = 0, quarter = 0;
  };
  enum class Kind : uint8_t { kFlow, kYearInParts };

  static Row RowOf(const v1::TradeFlow& flow, uint32_t product);
  // The key of the flow (kFlow) or of its year having parts (kYearInParts: month and quarter
  // left out). A whole year's flow key is also what a month or quarter of it meets.
  static absl::uint128 Key(const Row& row, Kind kind, int month, int quarter);
  Clash Find(const Row& row) const;
  void Remember(const Row& row);
  uint32_t ProductNumber(const std::string& code);

  absl::flat_hash_map<std::string, uint32_t> products_;
  absl::flat_hash_set<absl::uint128> keys_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_
