// Validation of the analyses' requests, in process: every bad field is named, and only those.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::GrowthRequest;
using ::culturetrade::testing::kM;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::ProjectionRequest;
using ::culturetrade::testing::TwoDeals;
using ::culturetrade::testing::ViolatedFields;
using ::culturetrade::testing::Year;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

v1::Dataset Tiny() {
  v1::Dataset d;
  AddFlow(d, "KOR", "CHN", "DRAMAS", kX, Year(2020), "1", "USD");
  AddFlow(d, "KOR", "CHN", "DRAMAS", kM, Year(2020), "2", "USD");
  return d;
}

TEST_F(AnalysesTest, ValidationNamesExactlyTheBadFields) {
  {
    v1::AnalyzeBalanceRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_reporter("China");
    r.set_partner("CHN");
    r.set_product_code("DRAMAS");
    absl::Status s = AnalyzeBalance(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), ElementsAre("reporter"));
    EXPECT_THAT(s.message(), HasSubstr("China"));
  }
  {
    v1::AnalyzeBalanceRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_reporter("China");
    r.set_partner("CHN");
    r.set_product_code("");
    r.set_start_year(1066);
    r.set_target_currency("usd");
    absl::Status s = AnalyzeBalance(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "start_year", "target_currency"));
  }
  {
    v1::AnalyzeGrowthRequest r = GrowthRequest(Tiny(), "");
    r.set_end_year(1066);
    absl::Status s = AnalyzeGrowth(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("product_code", "end_year"));
  }
  {
    v1::CompareExportersRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_product_code("DRAMAS");
    r.set_year(1066);
    r.set_reporter_a("China");
    r.set_reporter_b("KOR");
    r.set_target_currency("usd");
    absl::Status s = CompareExporters(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("year", "reporter_a", "target_currency"));
  }
  {
    v1::ComputeIndicatorsRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_year(1066);
    r.set_reporter("KOR");
    absl::Status s = ComputeIndicators(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("indicators", "year"));
  }
  {
    v1::ComputeIndicatorsRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.add_indicators(v1::INDICATOR_KIND_RCA);
    r.set_year(2020);
    r.set_reporter("China");
    r.set_target_currency("usd");
    absl::Status s = ComputeIndicators(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "target_currency"));
  }
  {
    v1::ProjectBalanceRequest r = ProjectionRequest(Tiny());
    r.set_reporter("China");
    r.set_product_code("");
    r.set_to_year(1066);
    r.set_target_currency("usd");
    absl::Status s = ProjectBalance(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "to_year", "target_currency"));
  }
  {
    v1::ReconcileMirrorRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_reporter("China");
    r.set_partner("KOR");
    r.set_product_code("");
    r.set_direction(kM);
    r.set_target_currency("usd");
    absl::Status s = ReconcileMirror(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s),
                UnorderedElementsAre("reporter", "product_code", "target_currency"));
  }
  {
    v1::AnalyzeDealPricesRequest r;
    *r.mutable_inline_dataset() = TwoDeals();
    r.set_target_currency("usd");
    absl::Status s = AnalyzeDealPrices(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), ElementsAre("target_currency"));
  }
  {
    v1::EstimateSpilloverRequest r;
    *r.mutable_inline_dataset() = Tiny();
    r.set_multiplier_id("m");
    r.set_reporter("China");
    r.set_product_code("");
    r.set_year(1066);
    absl::Status s = EstimateSpillover(*store_, r, NoCaller()).status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_THAT(ViolatedFields(s), UnorderedElementsAre("reporter", "product_code", "year"));
  }
}

}  // namespace
}  // namespace culturetrade
