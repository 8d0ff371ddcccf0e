// AnalyzeDealPrices and EstimateSpillover, in process: their errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::AddFlow;
using ::culturetrade::testing::AnalysesTest;
using ::culturetrade::testing::kX;
using ::culturetrade::testing::Money;
using ::culturetrade::testing::Str;
using ::culturetrade::testing::TwoDeals;
using ::culturetrade::testing::ViolatedFields;
using ::culturetrade::testing::Year;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(AnalysesTest, DealAndSpilloverErrors) {
  // No deals at all.
  {
    v1::AnalyzeDealPricesRequest r;
    AddFlow(*r.mutable_inline_dataset(), "KOR", "CHN", "DRAMAS", kX, Year(2020), "1", "USD");
    absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), absl::StatusCode::kFailedPrecondition) << p.status();
  }
  // A title the dataset does not have.
  {
    v1::AnalyzeDealPricesRequest r;
    *r.mutable_inline_dataset() = TwoDeals();
    r.set_numerator_title("Alpha");
    r.set_denominator_title("Gamma");
    absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), absl::StatusCode::kNotFound) << p.status();
    EXPECT_THAT(p.status().message(), HasSubstr("Gamma"));
    // The two titles it has: 100 / 50.
    r.set_denominator_title("Beta");
    p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->title_ratio().ratio(), 2.0);
  }
  // A multiplier id the dataset does not have.
  {
    v1::EstimateSpilloverRequest r;
    v1::Multiplier* m = r.mutable_inline_dataset()->add_multipliers();
    m->set_id("kexim-2012");
    m->set_economy("KOR");
    *m->mutable_cultural_exports() = Money("100", "USD");
    *m->mutable_induced_exports() = Money("412", "USD");
    m->set_year(2012);
    r.set_multiplier_id("no-such-multiplier");
    *r.mutable_cultural_exports() = Money("50", "USD");
    absl::StatusOr<v1::EstimateSpilloverResponse> s = EstimateSpillover(*store_, r, NoCaller());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), absl::StatusCode::kNotFound) << s.status();
    EXPECT_THAT(s.status().message(), HasSubstr("no-such-multiplier"));
    // The id it has: 50 x 412 / 100 = 206.
    r.set_multiplier_id("kexim-2012");
    s = EstimateSpillover(*store_, r, NoCaller());
    ASSERT_TRUE(s.ok()) << s.status();
    EXPECT_EQ(Str(s->induced_exports()), "206");
  }
  // Only one side of a pair names the other as missing.
  struct Half {
    const char* numerator;
    const char* denominator;
    const char* origin_a;
    const char* origin_b;
    const char* missing;
  };
  for (const Half& h :
       {Half{"Alpha", "", "", "", "denominator_title"}, Half{"", "Beta", "", "", "numerator_title"},
        Half{"", "", "KOR", "", "origin_b"}, Half{"", "", "", "CHN", "origin_a"}}) {
    v1::AnalyzeDealPricesRequest r;
    *r.mutable_inline_dataset() = TwoDeals();
    r.set_numerator_title(h.numerator);
    r.set_denominator_title(h.denominator);
    r.set_origin_a(h.origin_a);
    r.set_origin_b(h.origin_b);
    absl::StatusOr<v1::AnalyzeDealPricesResponse> p = AnalyzeDealPrices(*store_, r, NoCaller());
    ASSERT_FALSE(p.ok()) << h.missing;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << p.status();
    EXPECT_THAT(ViolatedFields(p.status()), ElementsAre(h.missing));
  }
}

}  // namespace
}  // namespace culturetrade
