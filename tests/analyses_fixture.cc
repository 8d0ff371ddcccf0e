#include "tests/analyses_fixture.h"

#include "core/decimal.h"
#include "google/rpc/error_details.pb.h"
#include "proto/money_convert.h"
#include "proto/status_convert.h"
#include "tests/test_store.h"

namespace culturetrade::testing {

google::type::Money Money(const std::string& amount, const std::string& currency) {
  absl::StatusOr<Decimal> d = Decimal::Parse(amount);
  EXPECT_TRUE(d.ok()) << amount;
  absl::StatusOr<google::type::Money> m = MoneyFromDecimal(d.ok() ? *d : Decimal(), currency);
  EXPECT_TRUE(m.ok()) << amount;
  return m.ok() ? *m : google::type::Money();
}

v1::Period Year(int year) {
  v1::Period p;
  p.set_year(year);
  return p;
}
v1::Period Month(int year, int month) {
  v1::Period p = Year(year);
  p.set_month(month);
  return p;
}
v1::Period Quarter(int year, int quarter) {
  v1::Period p = Year(year);
  p.set_quarter(quarter);
  return p;
}

void AddFlow(v1::Dataset& d, const std::string& reporter, const std::string& partner,
             const std::string& product, v1::FlowDirection direction, const v1::Period& period,
             const std::string& amount, const std::string& currency) {
  v1::TradeFlow* f = d.add_flows();
  f->set_reporter(reporter);
  f->set_partner(partner);
  f->mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f->mutable_product()->set_code(product);
  f->set_direction(direction);
  *f->mutable_period() = period;
  *f->mutable_value() = Money(amount, currency);
  f->set_status(v1::VALUE_STATUS_REPORTED);
}

void AddRate(v1::Dataset& d, const v1::Period& period, const std::string& base,
             const std::string& quote, const std::string& rate) {
  v1::ExchangeRate* r = d.add_exchange_rates();
  *r->mutable_period() = period;
  r->set_base_currency_code(base);
  r->set_quote_currency_code(quote);
  r->set_rate(rate);
}

void AddDeal(v1::Dataset& d, const std::string& title, const std::string& origin, int year,
             const std::string& price, const std::string& currency) {
  v1::Deal* deal = d.add_deals();
  deal->set_title(title);
  deal->set_origin(origin);
  deal->set_buyer(origin == "CHN" ? "KOR" : "CHN");
  deal->set_year(year);
  *deal->mutable_price_per_episode() = Money(price, currency);
  deal->set_status(v1::VALUE_STATUS_REPORTED);
}

std::string Str(const google::type::Money& m) {
  absl::StatusOr<Decimal> d = DecimalFromMoney(m);
  return d.ok() ? d->ToString() : "-";
}

std::vector<std::string> ViolatedFields(const absl::Status& status) {
  google::rpc::BadRequest bad_request;
  if (!ReadDetail(status, bad_request)) return {"<no BadRequest detail>"};
  std::vector<std::string> fields;
  for (const auto& v : bad_request.field_violations()) fields.push_back(v.field());
  return fields;
}

void AnalysesTest::SetUp() {
  absl::StatusOr<std::unique_ptr<SqliteStore>> store =
      SqliteStore::Open(testing::FreshStorePath("analyses"));
  ASSERT_TRUE(store.ok()) << store.status();
  store_ = *std::move(store);
}

v1::AnalyzeGrowthRequest GrowthRequest(const v1::Dataset& d, const std::string& product) {
  v1::AnalyzeGrowthRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code(product);
  r.set_direction(kX);
  return r;
}

v1::ProjectBalanceRequest ProjectionRequest(const v1::Dataset& d) {
  v1::ProjectBalanceRequest r;
  *r.mutable_inline_dataset() = d;
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code("DRAMAS");
  return r;
}

v1::Dataset TwoDeals() {
  v1::Dataset d;
  AddDeal(d, "Alpha", "KOR", 2020, "100", "USD");
  AddDeal(d, "Beta", "KOR", 2020, "50", "USD");
  return d;
}

}  // namespace culturetrade::testing
