// What the in-process tests of the eight analyses of AnalysisService share (one test file per
// analysis, named after it): datasets built inline, answers read back, and a fixture with a
// SQLite store. The expected figures are worked out by hand in the tests' comments.
#ifndef CULTURETRADE_TESTS_ANALYSES_FIXTURE_H_
#define CULTURETRADE_TESTS_ANALYSES_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "service/analyses/analyses.h"
#include "service/storage/sqlite/sqlite_store.h"

namespace culturetrade::testing {

inline constexpr double kTight = 1e-12;

// Building datasets.

google::type::Money Money(const std::string& amount, const std::string& currency);
v1::Period Year(int year);
v1::Period Month(int year, int month);
v1::Period Quarter(int year, int quarter);

inline constexpr v1::FlowDirection kX = v1::FLOW_DIRECTION_EXPORT;
inline constexpr v1::FlowDirection kM = v1::FLOW_DIRECTION_IMPORT;

void AddFlow(v1::Dataset& d, const std::string& reporter, const std::string& partner,
             const std::string& product, v1::FlowDirection direction, const v1::Period& period,
             const std::string& amount, const std::string& currency);
void AddRate(v1::Dataset& d, const v1::Period& period, const std::string& base,
             const std::string& quote, const std::string& rate);
void AddDeal(v1::Dataset& d, const std::string& title, const std::string& origin, int year,
             const std::string& price, const std::string& currency);

// Requests and datasets more than one analysis's tests use.
// KOR's flows with CHN of `product`, exports.
v1::AnalyzeGrowthRequest GrowthRequest(const v1::Dataset& d, const std::string& product);
// KOR's balance with CHN of DRAMAS.
v1::ProjectBalanceRequest ProjectionRequest(const v1::Dataset& d);
// Two deals of KOR's in 2020: "Alpha" at 100 USD an episode, "Beta" at 50.
v1::Dataset TwoDeals();

// Reading answers.

// An amount as the shortest exact decimal, "-" when it does not parse.
std::string Str(const google::type::Money& m);

// The fields the status's google.rpc.BadRequest names, in order.
std::vector<std::string> ViolatedFields(const absl::Status& status);

// A fixture with a new SQLite store per test, which the analyses read datasets from.
class AnalysesTest : public ::testing::Test {
 protected:
  void SetUp() override;
  std::unique_ptr<SqliteStore> store_;
};

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_ANALYSES_FIXTURE_H_
