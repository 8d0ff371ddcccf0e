// A dataset's economy groups, product concordances and price indexes are checked when it is
// created, every bad field named by its path; requests may name groups where economies go.
#include "service/model/aggregation_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/model/validation.h"
#include "tests/analyses_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

v1::GroupMember* AddMember(v1::CountryGroup* g, const char* economy, int first, int last) {
  v1::GroupMember* m = g->add_members();
  m->set_economy(economy);
  m->set_first_year(first);
  m->set_last_year(last);
  return m;
}

// A dataset whose groups, concordance and index are all valid.
v1::Dataset Valid() {
  v1::Dataset d;
  v1::CountryGroup* g = d.add_country_groups();
  g->set_code("EU_CORE");
  AddMember(g, "FRA", 0, 0);
  AddMember(g, "DEU", 1990, 1999);
  AddMember(g, "DEU", 2005, 0);
  v1::ProductConcordance* c = d.add_product_concordances();
  c->set_id("hs2022-to-hs2007");
  v1::ProductMapping* m = c->add_mappings();
  m->set_product_code("852589");
  m->set_group_code("852580");
  m->set_weight("0.25");
  m = c->add_mappings();
  m->set_product_code("852589");
  m->set_group_code("852520");
  m->set_weight("0.75");
  v1::PriceIndex* p = d.add_price_indexes();
  p->set_id("kor-cpi");
  p->set_currency_code("KRW");
  v1::PriceIndexValue* v = p->add_values();
  v->set_year(2015);
  v->set_value("100");
  return d;
}

std::vector<std::string> Violations(const v1::Dataset& d) {
  FieldViolations v;
  ValidateDatasetContent(d, "dataset.", v);
  if (v.empty()) return {};
  return ViolatedFields(v.ToStatus());
}

TEST(AggregationValidationTest, ValidTablesPass) { EXPECT_THAT(Violations(Valid()), IsEmpty()); }

TEST(AggregationValidationTest, GroupsWithBadCodesMembersAndSpells) {
  v1::Dataset d = Valid();
  v1::CountryGroup* g = d.mutable_country_groups(0);
  AddMember(g, "XYZ", 0, 0);
  AddMember(g, "DEU", 1999, 2001);  // overlaps 1990-1999
  AddMember(g, "ITA", 2001, 2000);
  v1::CountryGroup* copy = d.add_country_groups();
  *copy = Valid().country_groups(0);
  d.add_country_groups()->set_code("KOR");
  d.add_country_groups()->set_code("EUU");
  d.add_country_groups()->set_code("eu");
  EXPECT_THAT(
      Violations(d),
      UnorderedElementsAre(
          "dataset.country_groups[0].members[3].economy", "dataset.country_groups[0].members[4]",
          "dataset.country_groups[0].members[5].last_year", "dataset.country_groups[1].code",
          "dataset.country_groups[2].code", "dataset.country_groups[2].members",
          "dataset.country_groups[3].code", "dataset.country_groups[3].members",
          "dataset.country_groups[4].code", "dataset.country_groups[4].members"));
}

TEST(AggregationValidationTest, ConcordancesWithBadIdsAndWeights) {
  v1::Dataset d = Valid();
  d.mutable_product_concordances(0)->mutable_mappings(1)->set_weight("0.7");
  FieldViolations v;
  ValidateDatasetContent(d, "dataset.", v);
  EXPECT_THAT(ViolatedFields(v.ToStatus()),
              ElementsAre("dataset.product_concordances[0].mappings"));
  EXPECT_THAT(v.ToStatus().message(), HasSubstr("sum to 0.95, not 1"));

  d = Valid();
  v1::ProductConcordance* c = d.mutable_product_concordances(0);
  c->mutable_mappings(0)->set_weight("1.5");
  c->mutable_mappings(1)->set_weight("half");
  c->mutable_mappings(1)->set_group_code("");
  *d.add_product_concordances() = Valid().product_concordances(0);
  d.add_product_concordances()->set_id("Bad Id");
  EXPECT_THAT(Violations(d),
              UnorderedElementsAre("dataset.product_concordances[0].mappings[0].weight",
                                   "dataset.product_concordances[0].mappings[1].weight",
                                   "dataset.product_concordances[0].mappings[1].group_code",
                                   "dataset.product_concordances[1].id",
                                   "dataset.product_concordances[2].id",
                                   "dataset.product_concordances[2].mappings"));
}

TEST(AggregationValidationTest, PriceIndexesWithBadValues) {
  v1::Dataset d = Valid();
  v1::PriceIndex* p = d.mutable_price_indexes(0);
  p->set_currency_code("won");
  v1::PriceIndexValue* v = p->add_values();
  v->set_year(2015);
  v->set_value("-3");
  v = p->add_values();
  v->set_year(2016);
  v->set_value("0");
  d.add_price_indexes()->set_id("kor-cpi");
  EXPECT_THAT(Violations(d), UnorderedElementsAre("dataset.price_indexes[0].currency_code",
                                                  "dataset.price_indexes[0].values[1].year",
                                                  "dataset.price_indexes[0].values[1].value",
                                                  "dataset.price_indexes[0].values[2].value",
                                                  "dataset.price_indexes[1].id",
                                                  "dataset.price_indexes[1].currency_code",
                                                  "dataset.price_indexes[1].values"));
}

TEST(AggregationValidationTest, RequestsMayNameGroups) {
  FieldViolations v;
  CheckEconomyOrGroup("EUU", "partner", v);
  CheckEconomyOrGroup("ASEAN", "partner", v);  // a dataset's, checked once it is loaded
  CheckEconomyOrGroup("KOR", "reporter", v);
  EXPECT_TRUE(v.empty());
  CheckEconomyOrGroup("Korea", "reporter", v);
  EXPECT_THAT(ViolatedFields(v.ToStatus()), ElementsAre("reporter"));
}

TEST(AggregationValidationTest, AggregationNeedsIndexAndBaseYearTogether) {
  v1::FlowAggregation a;
  a.set_price_index("kor-cpi");
  FieldViolations v;
  CheckAggregation(a, v);
  EXPECT_THAT(ViolatedFields(v.ToStatus()), ElementsAre("aggregation.base_year"));
  a.clear_price_index();
  a.set_base_year(2015);
  a.set_product_concordance("Not An Id");
  FieldViolations w;
  CheckAggregation(a, w);
  EXPECT_THAT(ViolatedFields(w.ToStatus()),
              UnorderedElementsAre("aggregation.product_concordance", "aggregation.price_index"));
}

}  // namespace
}  // namespace culturetrade
