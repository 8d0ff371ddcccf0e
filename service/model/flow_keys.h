// The keys of the flows an upload has seen, to refuse two flows for the same reporter, partner,
// product, direction and period, and a year given both whole and by month or quarter (it would
// be counted twice). Exact: a key packs the flow's fields but its month and quarter into 128
// bits, with product codes numbered as they come, and holds the periods seen in that year as
// marks beside it (flow_keys_table.h), so that checking and remembering a flow is one probe of
// one flat table, a flow costs at most 16 bytes at the table's load and no string is built.
//
// TradeFlows (chunks, inline datasets, the stored dataset) and the rows of blocks share one
// key space, so an upload's chunks and blocks are checked against each other.
#ifndef CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_
#define CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "core/flow_block.h"
#include "culturetrade/v1/trade_flow.pb.h"
#include "service/model/field_violations.h"
#include "service/model/flow_keys_table.h"

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
  void Reserve(size_t flows) { keys_.Reserve(keys_.size() + flows); }
  // The most bytes the set holds on its way to holding `flows` flows (at most a key each).
  static int64_t BytesToHold(int64_t flows) { return FlowKeysTable::BytesToHold(flows); }

 private:
  // A flow's fields as numbers: economies below 26^3, the product as products_ numbers its
  // code, the classification as the wire numbers it, the direction as the domain does.
  struct Row {
    uint64_t reporter = 0, partner = 0, product = 0, classification = 0, direction = 0;
    int year = 0, month = 0, quarter = 0;
  };

  static Row RowOf(const v1::TradeFlow& flow, uint32_t product);
  // The key of the row's year: its fields but month and quarter.
  static FlowKeysTable::Key Key(const Row& row);
  Clash Find(const Row& row) const;
  void Remember(const Row& row);
  // Remembers the period `mark` (Mark in flow_keys.cc) under `key` unless it clashes.
  Clash CheckAndRemember(const FlowKeysTable::Key& key, uint32_t mark);
  uint32_t ProductNumber(const std::string& code);

  absl::flat_hash_map<std::string, uint32_t> products_;
  FlowKeysTable keys_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_
