#include "service/model/validation.h"

#include <gtest/gtest.h>

#include "proto/status_convert.h"
#include "service/server/seed.h"

namespace culturetrade {
namespace {

v1::TradeFlow GoodFlow() {
  v1::TradeFlow f;
  f.set_reporter("CHN");
  f.set_partner("KOR");
  f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f.mutable_product()->set_code("TV_DRAMAS");
  f.set_direction(v1::FLOW_DIRECTION_EXPORT);
  f.mutable_period()->set_year(2010);
  f.mutable_value()->set_currency_code("CNY");
  f.mutable_value()->set_units(4070000);
  return f;
}

std::vector<std::string> ViolatedFields(const v1::Dataset& d) {
  FieldViolations v;
  ValidateDatasetContent(d, "dataset.", v);
  google::rpc::BadRequest bad;
  ReadDetail(v.ToStatus(), bad);
  std::vector<std::string> fields;
  for (const auto& fv : bad.field_violations()) fields.push_back(fv.field());
  return fields;
}

TEST(ValidationTest, TheStudyDatasetIsValid) {
  absl::StatusOr<v1::Dataset> study = StudyDataset();
  ASSERT_TRUE(study.ok());
  EXPECT_TRUE(ViolatedFields(*study).empty());
}

TEST(ValidationTest, EachBadFieldIsNamed) {
  v1::Dataset d;
  *d.add_flows() = GoodFlow();
  v1::TradeFlow bad = GoodFlow();
  bad.set_reporter("China");
  bad.mutable_value()->set_currency_code("yuan");
  bad.mutable_value()->set_units(-5);
  bad.mutable_period()->set_year(1066);
  bad.mutable_period()->set_month(13);
  bad.set_direction(v1::FLOW_DIRECTION_UNSPECIFIED);
  bad.mutable_product()->set_classification(v1::CLASSIFICATION_UNSPECIFIED);
  *d.add_flows() = bad;
  const std::vector<std::string> fields = ViolatedFields(d);
  for (const char* expected :
       {"dataset.flows[1].reporter", "dataset.flows[1].value.currency_code",
        "dataset.flows[1].value", "dataset.flows[1].period.year", "dataset.flows[1].period.month",
        "dataset.flows[1].direction", "dataset.flows[1].product.classification"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), expected), fields.end()) << expected;
  }
  for (const std::string& f : fields) EXPECT_EQ(f.rfind("dataset.flows[1]", 0), 0u) << f;
}

TEST(ValidationTest, CodesMustExistNotJustLookRight) {
  v1::Dataset d;
  v1::TradeFlow f = GoodFlow();
  f.set_partner("XYZ");
  f.mutable_value()->set_currency_code("ABC");
  *d.add_flows() = f;
  v1::TradeFlow former = GoodFlow();
  former.set_partner("SUN");  // the Soviet Union, in ISO 3166-3: old series carry it
  *d.add_flows() = former;
  EXPECT_EQ(ViolatedFields(d), (std::vector<std::string>{"dataset.flows[0].partner",
                                                         "dataset.flows[0].value.currency_code"}));
}

TEST(ValidationTest, TheTradeSourcesOwnCodesAreEconomies) {
  v1::Dataset d;
  for (const char* code : {"S19", "R20", "ZA1", "XNS", "S20", "X19"}) {
    v1::TradeFlow f = GoodFlow();
    f.set_partner(code);
    *d.add_flows() = f;
  }
  EXPECT_EQ(ViolatedFields(d),
            (std::vector<std::string>{"dataset.flows[4].partner", "dataset.flows[5].partner"}));
}

TEST(ValidationTest, DuplicateFlowKeysAreRefused) {
  v1::Dataset d;
  *d.add_flows() = GoodFlow();
  *d.add_flows() = GoodFlow();
  EXPECT_EQ(ViolatedFields(d), std::vector<std::string>{"dataset.flows[1]"});
}

TEST(ValidationTest, NonFiniteOrMalformedMoneyIsRefused) {
  v1::Dataset d;
  v1::TradeFlow f = GoodFlow();
  f.mutable_value()->set_units(1);
  f.mutable_value()->set_nanos(-1);
  *d.add_flows() = f;
  EXPECT_EQ(ViolatedFields(d), std::vector<std::string>{"dataset.flows[0].value"});
}

TEST(ValidationTest, AYearIsGivenWholeOrInPartsNotBoth) {
  v1::Dataset d;
  *d.add_flows() = GoodFlow();
  v1::TradeFlow january = GoodFlow();
  january.mutable_period()->set_month(1);
  *d.add_flows() = january;
  EXPECT_EQ(ViolatedFields(d), std::vector<std::string>{"dataset.flows[1].period"});
}

TEST(ValidationTest, ExchangeRatesAreNotQuarterly) {
  v1::Dataset d;
  v1::ExchangeRate* r = d.add_exchange_rates();
  r->mutable_period()->set_year(2013);
  r->mutable_period()->set_quarter(2);
  r->set_base_currency_code("USD");
  r->set_quote_currency_code("CNY");
  r->set_rate("6.2");
  EXPECT_EQ(ViolatedFields(d),
            std::vector<std::string>{"dataset.exchange_rates[0].period.quarter"});
}

TEST(ValidationTest, HsCodesAreDigits) {
  v1::Dataset d;
  v1::TradeFlow f = GoodFlow();
  f.mutable_product()->set_classification(v1::CLASSIFICATION_HS);
  *d.add_flows() = f;
  EXPECT_EQ(ViolatedFields(d), std::vector<std::string>{"dataset.flows[0].product.code"});
}

TEST(ValidationTest, DatasetNames) {
  EXPECT_TRUE(IsValidDatasetId("china-korea-tv-dramas"));
  for (const char* bad : {"", "Upper", "1abc", "ends-", "has_underscore", "a/b"}) {
    EXPECT_FALSE(IsValidDatasetId(bad)) << bad;
  }
  EXPECT_EQ(*DatasetIdFromName("datasets/abc", "name"), "abc");
  absl::StatusOr<std::string> bad = DatasetIdFromName("projects/abc", "name");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ValidationTest, ManyViolationsAreCapped) {
  FieldViolations v;
  for (int i = 0; i < 100; ++i) v.Add("f", "bad");
  absl::Status s = v.ToStatus();
  google::rpc::BadRequest bad;
  ASSERT_TRUE(ReadDetail(s, bad));
  EXPECT_EQ(bad.field_violations_size(), FieldViolations::kMaxReported);
  EXPECT_NE(s.message().find("80 more"), absl::string_view::npos);
}

}  // namespace
}  // namespace culturetrade
