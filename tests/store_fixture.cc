#include "tests/store_fixture.h"

#include <cstdlib>

namespace culturetrade::testing {

v1::Dataset WithFlows(int n, int tag) {
  v1::Dataset d;
  d.set_display_name("conformance");
  for (int i = 0; i < n; ++i) {
    v1::TradeFlow* f = d.add_flows();
    f->set_reporter(i % 2 ? "CHN" : "KOR");
    f->set_partner(i % 2 ? "KOR" : "CHN");
    f->mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
    f->mutable_product()->set_code("TV_DRAMAS");
    f->set_direction(i % 3 ? v1::FLOW_DIRECTION_EXPORT : v1::FLOW_DIRECTION_IMPORT);
    f->mutable_period()->set_year(1900 + i % 200);
    f->mutable_period()->set_month(1 + i % 12);
    f->mutable_value()->set_currency_code("USD");
    f->mutable_value()->set_units(int64_t{tag} * 1'000'000'000 + i);
    f->mutable_value()->set_nanos(i % 1000 * 1000);
  }
  return d;
}

std::string ServerDir() {
  const char* dir = std::getenv("CULTURETRADE_TEST_POSTGRES_DIR");
  return dir != nullptr ? dir : "";
}

std::string TestName() {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  for (char& c : name) c = absl::ascii_isalnum(c) ? c : '_';
  return name;
}

}  // namespace culturetrade::testing
