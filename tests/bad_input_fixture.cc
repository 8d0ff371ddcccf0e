#include "tests/bad_input_fixture.h"

#include <gmock/gmock.h>

#include "absl/strings/str_cat.h"
#include "proto/status_convert.h"

namespace culturetrade::testing {

using ::testing::HasSubstr;

Options OptionsFor(const std::string& endpoint, const std::string& token) {
  Options o;
  o.endpoint = endpoint;
  o.timeout = absl::Seconds(10);
  o.retry.max_attempts = 1;
  o.bearer_token = token;
  return o;
}

std::vector<std::string> Holdings(const std::string& endpoint, const std::string& token) {
  absl::StatusOr<std::vector<v1::Dataset>> all =
      Client(MakeConnection(OptionsFor(endpoint, token))).ListAllDatasets();
  if (!all.ok()) return {all.status().ToString()};
  std::vector<std::string> out;
  for (const v1::Dataset& d : *all) {
    out.push_back(absl::StrCat(d.name(), " etag ", d.etag(), " flows ", d.flow_count()));
  }
  return out;
}

namespace {

// The fields a refusal's google.rpc.BadRequest names, in order.
std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(status)) fields.push_back(v.field());
  return fields;
}

}  // namespace

void ExpectRefused(const absl::Status& status, const std::vector<std::string>& fields) {
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_EQ(Fields(status), fields) << status;
  for (const std::string& field : fields) EXPECT_THAT(status.message(), HasSubstr(field + ": "));
}

google::type::Money Usd(int64_t units) {
  google::type::Money m;
  m.set_currency_code("USD");
  m.set_units(units);
  return m;
}

v1::TradeFlow Flow(int year) {
  v1::TradeFlow f;
  f.set_reporter("KOR");
  f.set_partner("CHN");
  f.mutable_product()->set_classification(v1::CLASSIFICATION_FREE);
  f.mutable_product()->set_code("SK1");
  f.set_direction(v1::FLOW_DIRECTION_EXPORT);
  f.mutable_period()->set_year(year);
  *f.mutable_value() = Usd(100);
  return f;
}

std::vector<v1::TradeFlow> Flows(int count) {
  std::vector<v1::TradeFlow> flows;
  flows.reserve(count);
  for (int i = 0; i < count; ++i) flows.push_back(Flow(2000 + i));
  return flows;
}

v1::Multiplier GoodMultiplier(const std::string& id) {
  v1::Multiplier m;
  m.set_id(id);
  m.set_economy("KOR");
  *m.mutable_cultural_exports() = Usd(100);
  *m.mutable_induced_exports() = Usd(412);
  m.set_year(2012);
  return m;
}

CommandResult RunCtrade(std::vector<std::string> args, const std::string& input) {
  args.insert(args.begin(), CT_CTRADE_BIN);
  return RunCommand(args, input);
}
}  // namespace culturetrade::testing
