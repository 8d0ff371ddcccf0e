// Bad requests of the analyses, over the wire: every bad field named; and messages that do not
// parse, after which the server carries on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "tests/bad_input_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::BadInputTest;
using ::culturetrade::testing::ExpectRefused;
using ::culturetrade::testing::Flow;
using ::culturetrade::testing::Flows;
using ::culturetrade::testing::GoodMultiplier;
using ::culturetrade::testing::kStudy;

struct AnalysisCase {
  std::string what;
  std::function<absl::Status(Client&)> call;
  std::vector<std::string> fields;
};

v1::AnalyzeBalanceRequest StudyBalance() {
  v1::AnalyzeBalanceRequest r;
  r.set_dataset(kStudy);
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV_DRAMAS");
  return r;
}

v1::AnalyzeGrowthRequest StudyGrowth() {
  v1::AnalyzeGrowthRequest r;
  r.set_dataset(kStudy);
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV_DRAMAS");
  r.set_direction(v1::FLOW_DIRECTION_IMPORT);
  return r;
}

v1::ProjectBalanceRequest StudyProjection() {
  v1::ProjectBalanceRequest r;
  r.set_dataset(kStudy);
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV_DRAMAS");
  r.set_to_year(2030);
  return r;
}

v1::EstimateSpilloverRequest StudySpillover() {
  v1::EstimateSpilloverRequest r;
  r.set_dataset(kStudy);
  r.set_multiplier_id("kexim-2012");
  r.set_reporter("KOR");
  r.set_product_code("TV_DRAMAS");
  r.set_year(2013);
  return r;
}

template <typename Request, typename Call>
std::function<absl::Status(Client&)> Spoilt(Request request, std::function<void(Request&)> spoil,
                                            Call call) {
  spoil(request);
  return [request, call](Client& c) { return (c.*call)(request).status(); };
}

std::vector<AnalysisCase> AnalysisCases() {
  using B = v1::AnalyzeBalanceRequest;
  using G = v1::AnalyzeGrowthRequest;
  using P = v1::ProjectBalanceRequest;
  using S = v1::EstimateSpilloverRequest;
  const auto balance = [](std::function<void(B&)> f) {
    return Spoilt(StudyBalance(), std::move(f), &Client::AnalyzeBalance);
  };
  const auto growth = [](std::function<void(G&)> f) {
    return Spoilt(StudyGrowth(), std::move(f), &Client::AnalyzeGrowth);
  };
  const auto projection = [](std::function<void(P&)> f) {
    return Spoilt(StudyProjection(), std::move(f), &Client::ProjectBalance);
  };
  const auto spillover = [](std::function<void(S&)> f) {
    return Spoilt(StudySpillover(), std::move(f), &Client::EstimateSpillover);
  };
  return {
      {"neither a dataset nor one inline", balance([](B& r) { r.clear_dataset(); }), {"dataset"}},
      {"a dataset without datasets/",
       balance([](B& r) { r.set_dataset("china-korea-tv-dramas"); }),
       {"dataset"}},
      {"an inline dataset with a bad flow",
       balance([](B& r) {
         v1::TradeFlow* f = r.mutable_inline_dataset()->add_flows();
         *f = Flow(2020);
         f->set_reporter("Korea");
       }),
       {"inline_dataset.flows[0].reporter"}},
      {"a span that ends before it starts",
       balance([](B& r) {
         r.set_start_year(2016);
         r.set_end_year(2010);
       }),
       {"end_year"}},
      {"a target currency not in ISO 4217",
       balance([](B& r) { r.set_target_currency("XYZ"); }),
       {"target_currency"}},
      {"growth without direction",
       growth([](G& r) { r.set_direction(v1::FLOW_DIRECTION_UNSPECIFIED); }),
       {"direction"}},
      {"growth with a direction out of the enum",
       growth([](G& r) { r.set_direction(static_cast<v1::FlowDirection>(99)); }),
       {"direction"}},
      {"a spike threshold of -100 %",
       growth([](G& r) { r.set_spike_threshold(-1.0); }),
       {"spike_threshold"}},
      {"a spike threshold that is NaN",
       growth([](G& r) { r.set_spike_threshold(std::nan("")); }),
       {"spike_threshold"}},
      {"exporters to a partner that is no code",
       [](Client& c) {
         v1::CompareExportersRequest r;
         r.set_dataset(kStudy);
         r.set_product_code("TV_DRAMAS");
         r.set_year(2013);
         r.set_reporter_a("CHN");
         r.set_reporter_b("KOR");
         r.set_partner("World");
         return c.CompareExporters(r).status();
       },
       {"partner"}},
      {"a deal origin that is no code",
       [](Client& c) {
         v1::AnalyzeDealPricesRequest r;
         r.set_dataset(kStudy);
         r.set_origin_a("Korea");
         r.set_origin_b("CHN");
         return c.AnalyzeDealPrices(r).status();
       },
       {"origin_a"}},
      {"a spillover without multiplier",
       spillover([](S& r) { r.clear_multiplier_id(); }),
       {"multiplier_id"}},
      {"a multiplier of zero cultural exports",
       spillover([](S& r) {
         r.clear_multiplier_id();
         *r.mutable_multiplier() = GoodMultiplier("mine");
         r.mutable_multiplier()->mutable_cultural_exports()->set_units(0);
       }),
       {"multiplier.cultural_exports"}},
      {"a multiplier in two currencies",
       spillover([](S& r) {
         r.clear_multiplier_id();
         *r.mutable_multiplier() = GoodMultiplier("mine");
         r.mutable_multiplier()->mutable_induced_exports()->set_currency_code("KRW");
       }),
       {"multiplier"}},
      {"a growth basis out of the enum",
       projection([](P& r) { r.set_basis(static_cast<v1::GrowthBasis>(99)); }),
       {"basis"}},
      {"given growth without the rates",
       projection([](P& r) { r.set_basis(v1::GROWTH_BASIS_GIVEN); }),
       {"export_growth", "import_growth"}},
      {"a projection to a year before the base",
       projection([](P& r) { r.set_to_year(2010); }),
       {"to_year"}},
      {"closing by the base year itself",
       projection([](P& r) { r.set_close_by_year(2016); }),
       {"close_by_year"}},
      {"an indicator out of the enum",
       [](Client& c) {
         v1::ComputeIndicatorsRequest r;
         r.set_dataset(kStudy);
         r.set_year(2013);
         r.set_reporter("KOR");
         r.add_indicators(static_cast<v1::IndicatorKind>(99));
         return c.ComputeIndicators(r).status();
       },
       {"indicators[0]"}},
      {"Grubel-Lloyd without partner",
       [](Client& c) {
         v1::ComputeIndicatorsRequest r;
         r.set_dataset(kStudy);
         r.set_year(2013);
         r.set_reporter("KOR");
         r.add_indicators(v1::INDICATOR_KIND_GRUBEL_LLOYD);
         return c.ComputeIndicators(r).status();
       },
       {"partner"}},
      {"a mirror without direction",
       [](Client& c) {
         v1::ReconcileMirrorRequest r;
         r.set_dataset(kStudy);
         r.set_reporter("CHN");
         r.set_partner("KOR");
         r.set_product_code("TV_DRAMAS");
         return c.ReconcileMirror(r).status();
       },
       {"direction"}},
  };
}

TEST_F(BadInputTest, AnalysesNameEachBadField) {
  Start();
  for (const AnalysisCase& c : AnalysisCases()) {
    SCOPED_TRACE(c.what);
    ExpectRefused(c.call(client()), c.fields);
  }
}

// A string field that is not UTF-8 makes a message protobuf will not parse. gRPC refuses it
// before any handler runs, with INTERNAL; an upload whose header does not parse never starts.
TEST_F(BadInputTest, AMessageThatDoesNotParseIsRefusedAndTheServerCarriesOn) {
  Start();
  v1::AnalyzeBalanceRequest balance = StudyBalance();
  balance.set_reporter(
      "Cor\xE9"
      "e");
  // Analyses parse their requests themselves and name the type; the dataset methods leave it
  // to gRPC, which answers INTERNAL.
  const absl::Status unparsable = client().AnalyzeBalance(balance).status();
  EXPECT_EQ(unparsable.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(unparsable.message()),
              ::testing::HasSubstr("not a valid culturetrade.v1.AnalyzeBalanceRequest"));
  v1::Dataset latin1;
  latin1.set_display_name("S\xE9oul");
  EXPECT_EQ(client().CreateDataset("latin", latin1).status().code(), absl::StatusCode::kInternal);
  ExpectRefused(client().UploadNewDataset("latin", latin1, Flows(1)).status(), {"header"});
  EXPECT_TRUE(client().AnalyzeBalance(StudyBalance()).ok());
  ExpectStoreUntouched();
}

}  // namespace
}  // namespace culturetrade
