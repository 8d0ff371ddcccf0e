// The keys of the flows an upload has seen, to refuse two flows for the same reporter, partner,
// product, direction and period, and a year given both whole and by month or quarter (it would
// be counted twice). Exact: a key packs the flow's fields into 128 bits, with product codes
// numbered as they come, so that checking tens of millions of flows costs 16 bytes a key and
// no string is built.
#ifndef CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_
#define CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade {

class FlowKeySet {
 public:
  // What a flow's keys meet among those already seen.
  enum class Clash { kNone, kSameKey, kWholeAndParts };

  // Only for flows that passed validation: their codes are what the keys pack.
  Clash Find(const v1::TradeFlow& flow) const;
  void Remember(const v1::TradeFlow& flow);
  void Reserve(size_t flows) { keys_.reserve(2 * flows); }

 private:
  enum class Kind : uint8_t { kFlow, kWholeYear, kYearInParts };
  // `product` is the number products_ gives the flow's product code.
  static absl::uint128 Key(const v1::TradeFlow& flow, uint64_t product, Kind kind);

  absl::flat_hash_map<std::string, uint32_t> products_;
  absl::flat_hash_set<absl::uint128> keys_;
};

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_FLOW_KEYS_H_
