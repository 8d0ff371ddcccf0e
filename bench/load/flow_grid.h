// A grid of trade flows whose analyses the load client can predict: China's exports to and
// imports from a number of real economies, in a number of products, one flow a year from 2000,
// each worth an amount computed from its place in the grid. A sampled answer under load is
// checked against the flows that were sent, not against another answer under load.
#ifndef CULTURETRADE_BENCH_LOAD_FLOW_GRID_H_
#define CULTURETRADE_BENCH_LOAD_FLOW_GRID_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "culturetrade/v1/analysis_service.pb.h"
#include "culturetrade/v1/trade_flow.pb.h"

namespace culturetrade::bench {

struct FlowGrid {
  int partners = 50;  // at most 50
  int products = 50;
  int years = 20;

  int64_t flow_count() const { return int64_t{2} * partners * products * years; }
  std::vector<v1::TradeFlow> Flows() const;
  // The balance of the first partner and product: the call the load test repeats.
  static v1::AnalyzeBalanceRequest BalanceRequest(const std::string& dataset);
  // OK when `answer` to BalanceRequest holds exactly the grid's amounts for every year.
  absl::Status CheckBalance(const v1::AnalyzeBalanceResponse& answer) const;
};

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_LOAD_FLOW_GRID_H_
