// The study's balance (China and South Korea, TV dramas) as the load test asks for it, and the
// figures the study publishes for it: the answer every sample under load must still give.
#ifndef CULTURETRADE_BENCH_LOAD_STUDY_BALANCE_H_
#define CULTURETRADE_BENCH_LOAD_STUDY_BALANCE_H_

#include <cmath>

#include "absl/status/status.h"
#include "culturetrade/v1/analysis_service.pb.h"

namespace culturetrade::bench {

inline v1::AnalyzeBalanceRequest StudyBalanceRequest() {
  v1::AnalyzeBalanceRequest request;
  request.set_dataset("datasets/china-korea-tv-dramas");
  request.set_reporter("CHN");
  request.set_partner("KOR");
  request.set_product_code("TV_DRAMAS");
  return request;
}

// OK when the compound growth rates are the study's 26.85 % (exports) and 54.98 % (imports).
inline absl::Status CheckStudyBalance(const v1::AnalyzeBalanceResponse& answer) {
  const auto basis_points = [](const v1::CompoundGrowth& g) {
    return g.has_rate() ? std::lround(g.rate() * 10'000) : -1;
  };
  if (basis_points(answer.export_growth()) != 2685 ||
      basis_points(answer.import_growth()) != 5498) {
    return absl::InternalError("the study's growth rates changed: " + answer.ShortDebugString());
  }
  return absl::OkStatus();
}

}  // namespace culturetrade::bench

#endif  // CULTURETRADE_BENCH_LOAD_STUDY_BALANCE_H_
