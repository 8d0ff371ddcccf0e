// Bad requests of the datasets: CreateDataset field by field, and reading, listing and deleting.
// Each refusal names the bad fields, and leaves the store as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "tests/bad_input_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::BadInputTest;
using ::culturetrade::testing::ExpectRefused;
using ::culturetrade::testing::Flow;
using ::culturetrade::testing::GoodMultiplier;
using ::culturetrade::testing::kStudy;
using ::culturetrade::testing::Usd;

struct CreateCase {
  std::string what;
  std::function<void(std::string& id, v1::Dataset& d)> spoil;
  std::vector<std::string> fields;
};

v1::Deal GoodDeal() {
  v1::Deal d;
  d.set_title("Descendants of the Sun");
  d.set_origin("KOR");
  d.set_buyer("CHN");
  d.set_year(2016);
  d.set_episodes(16);
  *d.mutable_price_per_episode() = Usd(250000);
  return d;
}

v1::ExchangeRate GoodRate() {
  v1::ExchangeRate r;
  r.mutable_period()->set_year(2016);
  r.set_base_currency_code("USD");
  r.set_quote_currency_code("CNY");
  r.set_rate("6.64");
  return r;
}

v1::TradeFlow& First(v1::Dataset& d) { return *d.mutable_flows(0); }

std::vector<CreateCase> FlowCases() {
  return {
      {"id with capitals", [](std::string& id, v1::Dataset&) { id = "Not_An_Id"; }, {"dataset_id"}},
      {"empty id", [](std::string& id, v1::Dataset&) { id = ""; }, {"dataset_id"}},
      {"id of 64 characters",
       [](std::string& id, v1::Dataset&) { id = std::string(64, 'a'); },
       {"dataset_id"}},
      {"id ending in a hyphen",
       [](std::string& id, v1::Dataset&) { id = "ends-"; },
       {"dataset_id"}},
      {"display name of 257 bytes",
       [](std::string&, v1::Dataset& d) { d.set_display_name(std::string(257, 'x')); },
       {"dataset.display_name"}},
      {"reporter not a code",
       [](std::string&, v1::Dataset& d) { First(d).set_reporter("Korea"); },
       {"dataset.flows[0].reporter"}},
      {"partner not in ISO 3166",
       [](std::string&, v1::Dataset& d) { First(d).set_partner("XYZ"); },
       {"dataset.flows[0].partner"}},
      {"partner the reporter",
       [](std::string&, v1::Dataset& d) { First(d).set_partner("KOR"); },
       {"dataset.flows[0].partner"}},
      {"no classification",
       [](std::string&, v1::Dataset& d) {
         First(d).mutable_product()->set_classification(v1::CLASSIFICATION_UNSPECIFIED);
       },
       {"dataset.flows[0].product.classification"}},
      {"product code of 65 characters",
       [](std::string&, v1::Dataset& d) {
         First(d).mutable_product()->set_code(std::string(65, 'P'));
       },
       {"dataset.flows[0].product.code"}},
      {"product code with a space",
       [](std::string&, v1::Dataset& d) { First(d).mutable_product()->set_code("TV DRAMAS"); },
       {"dataset.flows[0].product.code"}},
      {"HS code with letters",
       [](std::string&, v1::Dataset& d) {
         First(d).mutable_product()->set_classification(v1::CLASSIFICATION_HS);
       },
       {"dataset.flows[0].product.code"}},
      {"no direction",
       [](std::string&, v1::Dataset& d) { First(d).set_direction(v1::FLOW_DIRECTION_UNSPECIFIED); },
       {"dataset.flows[0].direction"}},
      {"direction out of the enum",
       [](std::string&, v1::Dataset& d) {
         First(d).set_direction(static_cast<v1::FlowDirection>(99));
       },
       {"dataset.flows[0].direction"}},
      {"year 1899",
       [](std::string&, v1::Dataset& d) { First(d).mutable_period()->set_year(1899); },
       {"dataset.flows[0].period.year"}},
      {"month 13",
       [](std::string&, v1::Dataset& d) { First(d).mutable_period()->set_month(13); },
       {"dataset.flows[0].period.month"}},
      {"quarter 5",
       [](std::string&, v1::Dataset& d) { First(d).mutable_period()->set_quarter(5); },
       {"dataset.flows[0].period.quarter"}},
      {"month and quarter",
       [](std::string&, v1::Dataset& d) {
         First(d).mutable_period()->set_month(3);
         First(d).mutable_period()->set_quarter(1);
       },
       {"dataset.flows[0].period"}},
      {"a day on a flow",
       [](std::string&, v1::Dataset& d) {
         First(d).mutable_period()->set_month(3);
         First(d).mutable_period()->set_day(3);
       },
       {"dataset.flows[0].period.day"}},
      {"currency in lower case",
       [](std::string&, v1::Dataset& d) { First(d).mutable_value()->set_currency_code("usd"); },
       {"dataset.flows[0].value.currency_code"}},
      {"currency not in ISO 4217",
       [](std::string&, v1::Dataset& d) { First(d).mutable_value()->set_currency_code("ABC"); },
       {"dataset.flows[0].value.currency_code"}},
      {"negative value",
       [](std::string&, v1::Dataset& d) { First(d).mutable_value()->set_units(-1); },
       {"dataset.flows[0].value"}},
      {"nanos of a whole unit",
       [](std::string&, v1::Dataset& d) { First(d).mutable_value()->set_nanos(1'000'000'000); },
       {"dataset.flows[0].value"}},
      {"units and nanos of opposite signs",
       [](std::string&, v1::Dataset& d) { First(d).mutable_value()->set_nanos(-1); },
       {"dataset.flows[0].value"}},
      {"status out of the enum",
       [](std::string&, v1::Dataset& d) { First(d).set_status(static_cast<v1::ValueStatus>(99)); },
       {"dataset.flows[0].status"}},
      {"negative quantity",
       [](std::string&, v1::Dataset& d) { First(d).mutable_quantity()->set_amount("-2"); },
       {"dataset.flows[0].quantity.amount"}},
      {"quantity not a number",
       [](std::string&, v1::Dataset& d) { First(d).mutable_quantity()->set_amount("lots"); },
       {"dataset.flows[0].quantity.amount"}},
      {"the same flow twice",
       [](std::string&, v1::Dataset& d) { *d.add_flows() = Flow(2020); },
       {"dataset.flows[1]"}},
      {"a year whole and by month",
       [](std::string&, v1::Dataset& d) {
         v1::TradeFlow january = Flow(2020);
         january.mutable_period()->set_month(1);
         *d.add_flows() = january;
       },
       {"dataset.flows[1].period"}},
  };
}

// Adds `good` to the dataset through `add`, then spoils it.
template <typename Item>
std::function<void(std::string&, v1::Dataset&)> AddSpoilt(Item* (v1::Dataset::*add)(), Item good,
                                                          std::function<void(Item&)> spoil) {
  return [add, good, spoil](std::string&, v1::Dataset& d) {
    Item* item = (d.*add)();
    *item = good;
    spoil(*item);
  };
}

std::vector<CreateCase> ContentCases() {
  const auto multiplier = [](std::function<void(v1::Multiplier&)> spoil) {
    return AddSpoilt(&v1::Dataset::add_multipliers, GoodMultiplier("kexim-2012"), std::move(spoil));
  };
  const auto deal = [](std::function<void(v1::Deal&)> spoil) {
    return AddSpoilt(&v1::Dataset::add_deals, GoodDeal(), std::move(spoil));
  };
  const auto rate = [](std::function<void(v1::ExchangeRate&)> spoil) {
    return AddSpoilt(&v1::Dataset::add_exchange_rates, GoodRate(), std::move(spoil));
  };
  return {
      {"multiplier without id",
       multiplier([](v1::Multiplier& m) { m.set_id(""); }),
       {"dataset.multipliers[0].id"}},
      {"two multipliers with one id",
       [](std::string&, v1::Dataset& d) {
         *d.add_multipliers() = GoodMultiplier("m");
         *d.add_multipliers() = GoodMultiplier("m");
       },
       {"dataset.multipliers[1].id"}},
      {"multiplier economy not a code",
       multiplier([](v1::Multiplier& m) { m.set_economy("Korea"); }),
       {"dataset.multipliers[0].economy"}},
      {"multiplier of zero cultural exports",
       multiplier([](v1::Multiplier& m) { m.mutable_cultural_exports()->set_units(0); }),
       {"dataset.multipliers[0].cultural_exports"}},
      {"multiplier of negative induced exports",
       multiplier([](v1::Multiplier& m) { m.mutable_induced_exports()->set_units(-1); }),
       {"dataset.multipliers[0].induced_exports"}},
      {"multiplier in two currencies",
       multiplier([](v1::Multiplier& m) { m.mutable_induced_exports()->set_currency_code("KRW"); }),
       {"dataset.multipliers[0]"}},
      {"cited fact without id",
       [](std::string&, v1::Dataset& d) { d.add_cited_facts()->set_value("75"); },
       {"dataset.cited_facts[0].id"}},
      {"cited fact value not a number",
       [](std::string&, v1::Dataset& d) {
         v1::CitedFact* f = d.add_cited_facts();
         f->set_id("share");
         f->set_value("three quarters");
       },
       {"dataset.cited_facts[0].value"}},
      {"deal without title",
       deal([](v1::Deal& x) { x.set_title(""); }),
       {"dataset.deals[0].title"}},
      {"deal origin not a code",
       deal([](v1::Deal& x) { x.set_origin("Korea"); }),
       {"dataset.deals[0].origin"}},
      {"deal without buyer",
       deal([](v1::Deal& x) { x.set_buyer(""); }),
       {"dataset.deals[0].buyer"}},
      {"deal without year", deal([](v1::Deal& x) { x.set_year(0); }), {"dataset.deals[0].year"}},
      {"deal of negative episodes",
       deal([](v1::Deal& x) { x.set_episodes(-1); }),
       {"dataset.deals[0].episodes"}},
      {"deal price of zero",
       deal([](v1::Deal& x) { x.mutable_price_per_episode()->set_units(0); }),
       {"dataset.deals[0].price_per_episode"}},
      {"rate base in lower case",
       rate([](v1::ExchangeRate& r) { r.set_base_currency_code("usd"); }),
       {"dataset.exchange_rates[0].base_currency_code"}},
      {"rate quote not in ISO 4217",
       rate([](v1::ExchangeRate& r) { r.set_quote_currency_code("ABC"); }),
       {"dataset.exchange_rates[0].quote_currency_code"}},
      {"rate of zero",
       rate([](v1::ExchangeRate& r) { r.set_rate("0"); }),
       {"dataset.exchange_rates[0].rate"}},
      {"rate not a number",
       rate([](v1::ExchangeRate& r) { r.set_rate("six"); }),
       {"dataset.exchange_rates[0].rate"}},
      {"quarterly rate",
       rate([](v1::ExchangeRate& r) { r.mutable_period()->set_quarter(2); }),
       {"dataset.exchange_rates[0].period.quarter"}},
      {"rate day without month",
       rate([](v1::ExchangeRate& r) { r.mutable_period()->set_day(5); }),
       {"dataset.exchange_rates[0].period.day"}},
      {"rate day 32",
       rate([](v1::ExchangeRate& r) {
         r.mutable_period()->set_month(1);
         r.mutable_period()->set_day(32);
       }),
       {"dataset.exchange_rates[0].period.day"}},
  };
}

TEST_F(BadInputTest, CreateDatasetNamesEachBadField) {
  Start();
  std::vector<CreateCase> cases = FlowCases();
  for (CreateCase& c : ContentCases()) cases.push_back(std::move(c));
  for (const CreateCase& c : cases) {
    SCOPED_TRACE(c.what);
    std::string id = "fresh";
    v1::Dataset d;
    *d.add_flows() = Flow(2020);
    c.spoil(id, d);
    ExpectRefused(client().CreateDataset(id, d).status(), c.fields);
  }
  // An id that is taken.
  EXPECT_EQ(client().CreateDataset("china-korea-tv-dramas", v1::Dataset()).status().code(),
            absl::StatusCode::kAlreadyExists);
  ExpectStoreUntouched();
}

TEST_F(BadInputTest, ReadListAndDeleteNameTheBadField) {
  Start();
  for (const char* name : {"datasets/", "datasets/Upper", "china-korea-tv-dramas"}) {
    SCOPED_TRACE(name);
    ExpectRefused(client().GetDataset(name).status(), {"name"});
    ExpectRefused(client().DeleteDataset(name), {"name"});
  }
  ExpectRefused(client().GetDataset(kStudy, static_cast<v1::DatasetView>(99)).status(), {"view"});
  ExpectRefused(client().ListDatasets(-1).status(), {"page_size"});
  ExpectRefused(client().ListDatasets(1001).status(), {"page_size"});
  // Tokens the server did not make: not base64, or base64 of something else.
  for (const std::string& token :
       {std::string("garbage!"), absl::WebSafeBase64Escape("after:Not_An_Id"),
        absl::WebSafeBase64Escape("before:china-korea-tv-dramas")}) {
    SCOPED_TRACE(token);
    ExpectRefused(client().ListDatasets(1, token).status(), {"page_token"});
  }
  // A delete guarded by an etag the dataset no longer has, and one of a dataset not there.
  EXPECT_EQ(client().DeleteDataset(kStudy, "999").code(), absl::StatusCode::kAborted);
  EXPECT_EQ(client().DeleteDataset("datasets/missing").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(client().GetDataset("datasets/missing").status().code(), absl::StatusCode::kNotFound);
  ExpectStoreUntouched();
}

}  // namespace
}  // namespace culturetrade
