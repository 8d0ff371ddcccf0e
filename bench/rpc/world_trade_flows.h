// The benchmark world (bench/world.h) as wire messages, the form a client uploads: flow i here
// is WorldFlow(i), so the RPC, ingest and comparison benchmarks all read the very same figures.
#ifndef CULTURETRADE_BENCH_RPC_WORLD_TRADE_FLOWS_H_
#define CULTURETRADE_BENCH_RPC_WORLD_TRADE_FLOWS_H_

#include <cstdint>
#include <vector>

#include "culturetrade/v1/dataset.pb.h"

namespace culturetrade::bench {

// Flow `i` of the world, WorldFlow(i) as a message.
v1::TradeFlow WorldTradeFlow(int64_t i);

// The first `n` flows of the world.
std::vector<v1::TradeFlow> WorldTradeFlows(int64_t n);

// A dataset's metadata for `n` world flows (no flows in it): what an upload's header carries.
v1::Dataset WorldDatasetHeader(int64_t n);

// The analysis every benchmark asks for: the first reporter's balance with its first partner
// in the first product, a series present in any dataset of at least 50 flows.
inline constexpr char kWorldReporter[] = "AFG";
inline constexpr char kWorldPartner[] = "AGO";
inline constexpr char kWorldProduct[] = "HS9700";

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_RPC_WORLD_TRADE_FLOWS_H_
