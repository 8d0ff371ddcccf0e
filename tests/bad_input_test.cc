// The bad input catalogue of docs/reliability.md, class by class: requests, uploads, sizes,
// tokens, certificates, CSV files and command lines, against the real server and the real
// ctrade. Each refusal is checked for its code and for the field or words that say what is
// wrong, and each refused write for a store left as it was.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/client.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "proto/status_convert.h"
#include "tests/ctrade_fixture.h"
#include "tests/test_pki.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::Pki;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kStudy[] = "datasets/china-korea-tv-dramas";

Options OptionsFor(const std::string& endpoint, const std::string& token = "") {
  Options o;
  o.endpoint = endpoint;
  o.timeout = absl::Seconds(10);
  o.retry.max_attempts = 1;
  o.bearer_token = token;
  return o;
}

// Every dataset by name, etag and flow count: what a refused write must leave as it was.
std::vector<std::string> Holdings(const std::string& endpoint, const std::string& token = "") {
  absl::StatusOr<std::vector<v1::Dataset>> all =
      Client(MakeConnection(OptionsFor(endpoint, token))).ListAllDatasets();
  if (!all.ok()) return {all.status().ToString()};
  std::vector<std::string> out;
  for (const v1::Dataset& d : *all) {
    out.push_back(absl::StrCat(d.name(), " etag ", d.etag(), " flows ", d.flow_count()));
  }
  return out;
}

// The fields a refusal's google.rpc.BadRequest names, in order.
std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(status)) fields.push_back(v.field());
  return fields;
}

// INVALID_ARGUMENT naming exactly `fields`, each also in the message people read.
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
  for (int i = 0; i < count; ++i) flows.push_back(Flow(2000 + i));
  return flows;
}

// ctrade with `args`, `input` on its standard input.
CommandResult RunCtrade(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), CT_CTRADE_BIN);
  return RunCommand(args, input);
}

// A server on a new store (seeded with the study), and a client without retries.
class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  // Starts the server with `flags`; the client sends `token`.
  void Start(const std::vector<std::string>& flags = {}, const std::string& token = "") {
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(dir_ + "/db", flags, dir_ + "/log");
    ASSERT_TRUE(s.ok()) << s.status();
    server_.emplace(*std::move(s));
    token_ = token;
    client_.emplace(MakeConnection(OptionsFor(server_->endpoint(), token)));
    before_ = Holdings(server_->endpoint(), token);
    ASSERT_EQ(before_.size(), 1u) << before_[0];
  }
  // Starts the server wanting bearer tokens: r-token-1 a reader's, w-token-1 a writer's.
  void StartWithTokens() {
    WriteTokens("reader r-token-1\nwriter w-token-1\n");
    Start({"--token_file=" + dir_ + "/tokens"}, "w-token-1");
  }
  // Replaces the token file at once, as a rotation does.
  void WriteTokens(const std::string& text) {
    std::ofstream(dir_ + "/tokens.tmp") << text;
    std::rename((dir_ + "/tokens.tmp").c_str(), (dir_ + "/tokens").c_str());
  }
  Client& client() { return *client_; }
  void ExpectStoreUntouched() { EXPECT_EQ(Holdings(server_->endpoint(), token_), before_); }

  std::string dir_;
  std::optional<ServerProcess> server_;
  std::string token_;
  std::optional<Client> client_;
  std::vector<std::string> before_;
};

// ---------------------------------------------------------------------------------------------
// Requests: CreateDataset, field by field.

struct CreateCase {
  std::string what;
  std::function<void(std::string& id, v1::Dataset& d)> spoil;
  std::vector<std::string> fields;
};

v1::Multiplier GoodMultiplier(const std::string& id) {
  v1::Multiplier m;
  m.set_id(id);
  m.set_economy("KOR");
  *m.mutable_cultural_exports() = Usd(100);
  *m.mutable_induced_exports() = Usd(412);
  m.set_year(2012);
  return m;
}

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
    return AddSpoilt(&v1::Dataset::add_multipliers, GoodMultiplier("kexim-2012"), spoil);
  };
  const auto deal = [](std::function<void(v1::Deal&)> spoil) {
    return AddSpoilt(&v1::Dataset::add_deals, GoodDeal(), spoil);
  };
  const auto rate = [](std::function<void(v1::ExchangeRate&)> spoil) {
    return AddSpoilt(&v1::Dataset::add_exchange_rates, GoodRate(), spoil);
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

// ---------------------------------------------------------------------------------------------
// Requests: reading, listing and deleting.

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

// ---------------------------------------------------------------------------------------------
// Uploads: streams the SDK would never send, written message by message.

v1::UploadFlowsRequest Create(const std::string& id, std::vector<v1::TradeFlow> flows = {}) {
  v1::UploadFlowsRequest m;
  m.mutable_header()->mutable_create()->set_dataset_id(id);
  for (v1::TradeFlow& f : flows)
    *m.mutable_header()->mutable_create()->mutable_dataset()->add_flows() = f;
  return m;
}

v1::UploadFlowsRequest AddTo(const std::string& name, const std::string& etag = "") {
  v1::UploadFlowsRequest m;
  m.mutable_header()->set_dataset(name);
  m.mutable_header()->set_etag(etag);
  return m;
}

v1::UploadFlowsRequest Chunk(std::vector<v1::TradeFlow> flows) {
  v1::UploadFlowsRequest m;
  for (v1::TradeFlow& f : flows) *m.mutable_chunk()->add_flows() = f;
  return m;
}

absl::Status Upload(const std::string& endpoint,
                    const std::vector<v1::UploadFlowsRequest>& messages) {
  auto stub = v1::DatasetService::NewStub(
      grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::Dataset response;
  std::unique_ptr<grpc::ClientWriter<v1::UploadFlowsRequest>> writer =
      stub->UploadFlows(&context, &response);
  for (const v1::UploadFlowsRequest& m : messages) {
    if (!writer->Write(m)) break;  // the server has answered already
  }
  writer->WritesDone();
  return FromGrpcStatus(writer->Finish());
}

TEST_F(BadInputTest, UploadStreamsNameWhatIsWrong) {
  Start();
  absl::StatusOr<v1::Dataset> study = client().GetDataset(kStudy, v1::DATASET_VIEW_FULL);
  ASSERT_TRUE(study.ok()) << study.status();
  const v1::TradeFlow stored = study->flows(0);
  v1::TradeFlow stored_by_month = stored;
  stored_by_month.mutable_period()->set_month(1);
  v1::TradeFlow bad = Flow(2021);
  bad.set_reporter("Korea");
  v1::UploadFlowsRequest no_target;
  no_target.mutable_header();
  // Not UTF-8: the C++ runtime sends it (and logs), and the server cannot parse the message.
  v1::TradeFlow not_utf8 = Flow(2021);
  not_utf8.mutable_product()->set_code("\xff\xfe");
  v1::UploadFlowsRequest header_not_utf8 = Create("fresh");
  header_not_utf8.mutable_header()->mutable_create()->mutable_dataset()->set_display_name(
      "\xff");
  struct Case {
    std::string what;
    std::vector<v1::UploadFlowsRequest> messages;
    std::vector<std::string> fields;
  };
  const std::vector<Case> cases = {
      {"an empty stream", {}, {"header"}},
      {"flows before the header", {Chunk({Flow(2020)}), Create("fresh")}, {"header"}},
      {"a header naming no dataset", {no_target}, {"header"}},
      {"a bad id to create", {Create("Bad_Id")}, {"header.create.dataset_id"}},
      {"a bad flow in the header",
       {Create("fresh", {bad})},
       {"header.create.dataset.flows[0].reporter"}},
      {"a bad name to add to", {AddTo("nonsense")}, {"header.dataset"}},
      {"a second header", {Create("fresh"), Chunk({Flow(2020)}), Create("again")}, {"chunk[1]"}},
      {"a bad flow in a later chunk",
       {Create("fresh"), Chunk({Flow(2020)}), Chunk({bad})},
       {"chunk[1].flows[0].reporter"}},
      {"a chunk repeating the header's flow",
       {Create("fresh", {Flow(2020)}), Chunk({Flow(2020)})},
       {"chunk[0].flows[0]"}},
      {"a flow the dataset holds", {AddTo(kStudy), Chunk({stored})}, {"chunk[0].flows[0]"}},
      {"a header that does not parse", {header_not_utf8, Chunk({Flow(2020)})}, {"header"}},
      {"a later chunk that does not parse",
       {Create("fresh"), Chunk({Flow(2020)}), Chunk({not_utf8}), Chunk({Flow(2022)})},
       {"chunk[1]"}},
      {"a chunk adding to the study that does not parse",
       {AddTo(kStudy), Chunk({Flow(2020)}), Chunk({not_utf8})},
       {"chunk[1]"}},
      {"by month a year the dataset holds whole",
       {AddTo(kStudy), Chunk({stored_by_month})},
       {"chunk[0].flows[0].period"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    ExpectRefused(Upload(server_->endpoint(), c.messages), c.fields);
  }
  EXPECT_EQ(Upload(server_->endpoint(), {AddTo("datasets/missing"), Chunk({Flow(2020)})}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Upload(server_->endpoint(), {AddTo(kStudy, "999"), Chunk({Flow(2020)})}).code(),
            absl::StatusCode::kAborted);
  ExpectStoreUntouched();
}

// ---------------------------------------------------------------------------------------------
// Requests: the analyses, over the wire.

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
    return Spoilt(StudyBalance(), f, &Client::AnalyzeBalance);
  };
  const auto growth = [](std::function<void(G&)> f) {
    return Spoilt(StudyGrowth(), f, &Client::AnalyzeGrowth);
  };
  const auto projection = [](std::function<void(P&)> f) {
    return Spoilt(StudyProjection(), f, &Client::ProjectBalance);
  };
  const auto spillover = [](std::function<void(S&)> f) {
    return Spoilt(StudySpillover(), f, &Client::EstimateSpillover);
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
  EXPECT_EQ(client().AnalyzeBalance(balance).status().code(), absl::StatusCode::kInternal);
  v1::Dataset latin1;
  latin1.set_display_name("S\xE9oul");
  EXPECT_EQ(client().CreateDataset("latin", latin1).status().code(), absl::StatusCode::kInternal);
  ExpectRefused(client().UploadNewDataset("latin", latin1, Flows(1)).status(), {"header"});
  EXPECT_TRUE(client().AnalyzeBalance(StudyBalance()).ok());
  ExpectStoreUntouched();
}

// ---------------------------------------------------------------------------------------------
// Sizes.

TEST_F(BadInputTest, MoreFlowsThanTheServerHoldsAreRefusedWhole) {
  Start({"--max_flows_per_dataset=10"});
  const auto expect_exhausted = [](const absl::Status& s) {
    EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
    EXPECT_THAT(s.message(), HasSubstr("at most 10 flows"));
  };
  v1::Dataset eleven;
  for (const v1::TradeFlow& f : Flows(11)) *eleven.add_flows() = f;
  expect_exhausted(client().CreateDataset("big", eleven).status());
  Options chunked = OptionsFor(server_->endpoint());
  chunked.upload_chunk_flows = 4;
  expect_exhausted(Client(MakeConnection(chunked)).UploadNewDataset("big", {}, Flows(11)).status());
  // The study holds 8 flows: 3 more are one too many.
  expect_exhausted(client().AppendFlows(kStudy, Flows(3)).status());
  ExpectStoreUntouched();
}

// ---------------------------------------------------------------------------------------------
// Tokens.

// ListDatasets with `authorization` metadata of exactly `value`.
absl::Status ListWithAuthorization(const std::string& endpoint, const std::string& value) {
  auto stub = v1::DatasetService::NewStub(
      grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", value);
  v1::ListDatasetsRequest request;
  v1::ListDatasetsResponse response;
  return FromGrpcStatus(stub->ListDatasets(&context, request, &response));
}

TEST_F(BadInputTest, MalformedAuthorizationIsUnauthenticated) {
  StartWithTokens();
  const std::string& endpoint = server_->endpoint();
  for (const char* value : {"r-token-1", "Basic r-token-1", "Bearer", "Bearer ", "Bearerr-token-1",
                            "Bearer  r-token-1", "Bearer r-token-1 ", "Bearer R-TOKEN-1"}) {
    SCOPED_TRACE(value);
    const absl::Status s = ListWithAuthorization(endpoint, value);
    EXPECT_EQ(s.code(), absl::StatusCode::kUnauthenticated) << s;
    EXPECT_THAT(s.message(), HasSubstr("send a valid bearer token"));
  }
  // The scheme's name is case-insensitive (RFC 7235); the token is not.
  EXPECT_TRUE(ListWithAuthorization(endpoint, "bearer r-token-1").ok());
  EXPECT_TRUE(ListWithAuthorization(endpoint, "BEARER r-token-1").ok());
}

TEST_F(BadInputTest, TokenRefusalsExitSevenAndSayWhy) {
  StartWithTokens();
  const std::vector<std::string> at = {"--endpoint", server_->endpoint()};
  const auto ctrade = [&at](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), at.begin(), at.end());
    return RunCtrade(args, input);
  };
  CommandResult none = ctrade({"datasets", "list"});
  EXPECT_EQ(none.exit_code, 7);
  EXPECT_THAT(none.err, HasSubstr("send a valid bearer token"));
  CommandResult reader = ctrade({"--token", "r-token-1", "datasets", "delete", kStudy});
  EXPECT_EQ(reader.exit_code, 7);
  EXPECT_THAT(reader.err,
              HasSubstr("DeleteDataset needs a writer's token; this one is a reader's"));
  CommandResult wrong =
      ctrade({"--token", "w-token-2", "datasets", "create", "x", "--csv", "-", "--reporter", "KOR",
              "--partner", "CHN", "--product", "SK1", "--currency", "USD"},
             "year,direction,value\n2020,export,1\n");
  EXPECT_EQ(wrong.exit_code, 7);
  EXPECT_THAT(wrong.err, HasSubstr("send a valid bearer token"));
  ExpectStoreUntouched();
}

// A rotation that leaves a malformed file keeps the tokens last read: nobody is locked out and
// nothing of the broken file is taken. The file is checked at most once a second, so the calls
// go on for longer than that.
TEST_F(BadInputTest, ABrokenTokenRotationKeepsTheLastGoodTokens) {
  StartWithTokens();
  Client old_token(MakeConnection(OptionsFor(server_->endpoint(), "r-token-1")));
  Client new_token(MakeConnection(OptionsFor(server_->endpoint(), "r-token-2")));
  ASSERT_TRUE(old_token.ListDatasets().ok());
  WriteTokens("reader r-token-2\nreader\n");
  for (int i = 0; i < 15; ++i) {
    absl::SleepFor(absl::Milliseconds(100));
    EXPECT_TRUE(old_token.ListDatasets().ok()) << i;
    EXPECT_EQ(new_token.ListDatasets().status().code(), absl::StatusCode::kUnauthenticated) << i;
  }
}

TEST(BadTokenFileTest, AMalformedOrMissingTokenFileStopsTheStart) {
  const std::string dir = MakeTempDir();
  std::ofstream(dir + "/tokens") << "reader r-token-1\nadmin secret-token\n";
  EXPECT_FALSE(
      ServerProcess::Start(dir + "/db", {"--token_file=" + dir + "/tokens"}, dir + "/log").ok());
  const std::string log = ReadFile(dir + "/log");
  EXPECT_THAT(log, HasSubstr("line 2: unknown role 'admin'"));
  EXPECT_THAT(log, Not(HasSubstr("secret-token")));
  EXPECT_FALSE(
      ServerProcess::Start(dir + "/db2", {"--token_file=" + dir + "/none"}, dir + "/log2").ok());
  EXPECT_THAT(ReadFile(dir + "/log2"), HasSubstr("cannot read the token file"));
}

// ---------------------------------------------------------------------------------------------
// Certificates.

class BadCertificateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    pki_.emplace(dir_);
    ASSERT_TRUE(pki_->ok()) << "openssl could not make the test certificates";
  }
  // A server with TLS from `server_cert`, asking for client certificates when `mutual`.
  ServerProcess Start(const std::string& server_cert, bool mutual) {
    std::vector<std::string> flags = {"--tls_cert_file=" + pki_->path(server_cert + ".pem"),
                                      "--tls_key_file=" + pki_->path(server_cert + ".key")};
    if (mutual) flags.push_back("--tls_client_ca_file=" + pki_->path("ca.pem"));
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(dir_ + "/db", flags);
    EXPECT_TRUE(s.ok()) << s.status();
    return *std::move(s);
  }
  // The code of a ListDatasets call over TLS trusting the test CA, with `client` (a name in
  // the Pki, or empty for none) as the client certificate.
  absl::StatusCode ListOverTls(const ServerProcess& server, const std::string& client,
                               const std::string& server_name = "localhost") {
    Options o = OptionsFor(server.endpoint());
    o.timeout = absl::Seconds(5);
    o.tls.enabled = true;
    o.tls.root_ca_pem = pki_->pem("ca.pem");
    o.tls.server_name = server_name;
    if (!client.empty()) {
      o.tls.client_cert_pem = pki_->pem(client + ".pem");
      o.tls.client_key_pem = pki_->pem(client + ".key");
    }
    return Client(MakeConnection(o)).ListDatasets().status().code();
  }

  std::string dir_;
  std::optional<Pki> pki_;
};

TEST_F(BadCertificateTest, ClientsRefuseServersTheyCannotTrust) {
  ServerProcess expired = Start("expired-server", /*mutual=*/false);
  EXPECT_EQ(ListOverTls(expired, ""), absl::StatusCode::kUnavailable);
  ServerProcess good = Start("server", /*mutual=*/false);
  ASSERT_EQ(ListOverTls(good, ""), absl::StatusCode::kOk);
  EXPECT_EQ(ListOverTls(good, "", "other.example"), absl::StatusCode::kUnavailable);
  // Plaintext to a TLS port.
  EXPECT_EQ(Client(MakeConnection(OptionsFor(good.endpoint()))).ListDatasets().status().code(),
            absl::StatusCode::kUnavailable);
}

TEST_F(BadCertificateTest, TlsToAPlaintextServerIsUnavailable) {
  absl::StatusOr<ServerProcess> plaintext = ServerProcess::Start(dir_ + "/db");
  ASSERT_TRUE(plaintext.ok()) << plaintext.status();
  EXPECT_EQ(ListOverTls(*plaintext, ""), absl::StatusCode::kUnavailable);
}

TEST_F(BadCertificateTest, MutualTlsRefusesClientsWithoutAGoodCertificate) {
  ServerProcess server = Start("server", /*mutual=*/true);
  ASSERT_EQ(ListOverTls(server, "client"), absl::StatusCode::kOk);
  for (const char* client : {"", "other-client", "expired-client"}) {
    SCOPED_TRACE(client);
    EXPECT_EQ(ListOverTls(server, client), absl::StatusCode::kUnavailable);
  }
}

TEST_F(BadCertificateTest, AServerWithoutUsableTlsFilesDoesNotStart) {
  struct Case {
    std::vector<std::string> flags;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"--tls_cert_file=" + pki_->path("server.pem")},
       "--tls_cert_file and --tls_key_file go together"},
      {{"--tls_cert_file=" + dir_ + "/none.pem", "--tls_key_file=" + pki_->path("server.key")},
       "cannot read the TLS certificate"},
      {{"--tls_client_ca_file=" + pki_->path("ca.pem")},
       "--tls_client_ca_file needs --tls_cert_file"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string log = absl::StrCat(dir_, "/log", i);
    EXPECT_FALSE(ServerProcess::Start(absl::StrCat(dir_, "/db", i), cases[i].flags, log).ok());
    EXPECT_THAT(ReadFile(log), HasSubstr(cases[i].says));
  }
}

TEST_F(BadCertificateTest, TheCommandLineSaysWhatIsMissing) {
  CommandResult half = RunCtrade({"--tls-cert", pki_->path("client.pem"), "datasets", "list"});
  EXPECT_EQ(half.exit_code, 2);
  EXPECT_THAT(half.err, HasSubstr("--tls-cert and --tls-key go together"));
  CommandResult missing = RunCtrade({"--tls-ca", dir_ + "/none.pem", "datasets", "list"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("cannot read the CA file " + dir_ + "/none.pem"));
  absl::StatusOr<ServerProcess> plaintext = ServerProcess::Start(dir_ + "/db");
  ASSERT_TRUE(plaintext.ok()) << plaintext.status();
  CommandResult tls = RunCtrade({"--endpoint", plaintext->endpoint(), "--timeout", "5", "--tls-ca",
                                 pki_->path("ca.pem"), "datasets", "list"});
  EXPECT_EQ(tls.exit_code, 5) << tls.err;
}

// ---------------------------------------------------------------------------------------------
// CSV files through ctrade.

class BadCsvTest : public testing::CtradeFixture {};

constexpr char kLong[] = "year,direction,value\n";
constexpr char kNamed[] =
    "reporter,partner,product,classification,period,direction,value,currency\n";

struct CsvCase {
  std::string what;
  std::string csv;
  std::string says;
  std::vector<std::string> flags = {"--reporter", "KOR", "--partner",  "CHN",
                                    "--product",  "SK1", "--currency", "USD"};
};

std::vector<CsvCase> CsvCases() {
  return {
      {"an empty file", "", "the file is empty: no header line"},
      {"a header alone", kLong, "line 1: the header has no rows under it"},
      {"a header of no layout", "when,what\n2020,5\n", "the header fits no layout"},
      {"no reporter column nor flag",
       "year,direction,value\n2020,export,1\n",
       "line 1: the header has no 'reporter' column and no --reporter",
       {"--partner", "CHN", "--product", "SK1", "--currency", "USD"}},
      {"a long file read as wide",
       "year,direction,value\n2020,export,1\n",
       "line 1: the header has no exports or imports column",
       {"--layout", "wide", "--reporter", "KOR", "--partner", "CHN", "--product", "SK1",
        "--currency", "USD"}},
      {"a quote never closed",
       "year,direction,value,source\n2020,export,1,\"Table 3\n2021,export,2,\n",
       "line 2: a quoted field opens here and never closes"},
      {"a quote never closed, skipping bad rows",
       "year,direction,value,source\n2020,export,1,\"Table 3\n2021,export,2,\n",
       "line 2: a quoted field opens here and never closes",
       {"--skip-bad", "--reporter", "KOR", "--partner", "CHN", "--product", "SK1", "--currency",
        "USD"}},
      {"a thousands separator unquoted", "year,direction,value\n2020,export,1,187.5\n",
       "line 2, cell 4 is beyond the header's 3 columns"},
      {"a short row", "year,direction,value\n2020,export\n",
       "line 2, column 'value': the cell is empty where a number belongs"},
      {"Latin-1 text", "year,direction,value,source\n2020,export,1,S\xE9oul\n",
       "line 2, column 'source': the text is not UTF-8"},
      {"two dots", "year,direction,value\n2020,export,1.187.500\n",
       "line 2, column 'value': '1.187.500' has more than one dot"},
      {"a negative value", "year,direction,value\n2020,export,-5\n",
       "line 2, column 'value': '-5' is negative"},
      {"a value beyond int64 units", "year,direction,value\n2020,export,99999999999999999999\n",
       "line 2, column 'value': 99999999999999999999 does not fit in int64 units"},
      {"a value beyond any decimal",
       "year,direction,value\n2020,export,9999999999999999999999999999\n",
       "is not a decimal number ctrade can hold"},
      {"month 13", "period,direction,value\n2020-13,export,1\n",
       "line 2, column 'period': month 13 in '2020-13' is outside 1-12"},
      {"an ambiguous period", "period,direction,value\n2020.1,export,1\n",
       "line 2, column 'period': '2020.1' is ambiguous"},
      {"year 1850", "period,direction,value\n1850,export,1\n", "outside 1900-2100"},
      {"a day on a flow", "period,direction,value\n2020-01-15,export,1\n",
       "a flow covers a year, a month or a quarter"},
      {"a direction that is none", "year,direction,value\n2020,sideways,1\n",
       "line 2, column 'direction': 'sideways' is not export, import"},
      {"a status that is none", "year,direction,value,status\n2020,export,1,guessed\n",
       "line 2, column 'status': 'guessed' is not reported, derived or estimated"},
      {"a reporter that is no code", "reporter,year,direction,value\nKorea,2020,export,1\n",
       "line 2, column 'reporter': 'Korea' is not an ISO 3166-1 alpha-3 code"},
      {"a classification that is none", "classification,year,direction,value\nnace,2020,export,1\n",
       "line 2, column 'classification': 'nace' is not free, hs"},
      {"a currency that is no code", "currency,year,direction,value\ndollars,2020,export,1\n",
       "line 2, column 'currency': 'dollars' is not an ISO 4217 currency code"},
      {"an empty product", "product,year,direction,value\n,2020,export,1\n",
       "line 2, column 'product': the product code is empty"},
      // Refused by the server, which names the flow's field.
      {"a partner not in ISO 3166", std::string(kNamed) + "KOR,XYZ,SK1,free,2020,X,1,USD\n",
       "chunk[0].flows[0].partner: 'XYZ' is not an ISO 3166-1 alpha-3 code in use"},
      {"a currency not in ISO 4217", std::string(kNamed) + "KOR,CHN,SK1,free,2020,X,1,ABC\n",
       "chunk[0].flows[0].value.currency_code: 'ABC' is not a currency in ISO 4217"},
      {"a partner that is the reporter", std::string(kNamed) + "KOR,KOR,SK1,free,2020,X,1,USD\n",
       "chunk[0].flows[0].partner: a partner differs from the reporter"},
      {"an HS code of letters", std::string(kNamed) + "KOR,CHN,SK,hs,2020,X,1,USD\n",
       "chunk[0].flows[0].product.code: 'SK' is not a valid product code for CLASSIFICATION_HS"},
      {"a product code of 65 characters",
       std::string(kNamed) + "KOR,CHN," + std::string(65, 'P') + ",free,2020,X,1,USD\n",
       "chunk[0].flows[0].product.code:"},
      {"the same flow twice", "year,direction,value\n2020,export,1\n2020,export,2\n",
       "chunk[0].flows[1]: another flow has the same reporter, partner, product, direction and "
       "period"},
      {"a year whole and by month", "period,direction,value\n2020,export,1\n2020-01,export,2\n",
       "chunk[0].flows[1].period: the year is given both whole and by month or quarter"},
  };
}

TEST_F(BadCsvTest, EachBadFileExitsThreeAndSaysWhereAndWhy) {
  const std::vector<std::string> before = Holdings(server_->endpoint());
  for (const CsvCase& c : CsvCases()) {
    SCOPED_TRACE(c.what);
    std::vector<std::string> args = {"datasets", "create", "bad", "--csv", "-"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    CommandResult r = Ctrade(args, c.csv);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.says));
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(Holdings(server_->endpoint()), before);
}

// ---------------------------------------------------------------------------------------------
// Command lines.

class BadCommandLineTest : public testing::CtradeFixture {};

TEST_F(BadCommandLineTest, UsageMistakesExitTwoAndSayWhat) {
  const std::vector<std::string> before = Holdings(server_->endpoint());
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<std::string> create = {"datasets", "create", "x", "--csv", "-"};
  const auto creating = [&create](std::vector<std::string> more) {
    more.insert(more.begin(), create.begin(), create.end());
    return more;
  };
  const std::vector<Case> cases = {
      {{"no", "such"}, "unknown command 'no such'"},
      {{"datasets", "list", "--bogus", "1"}, "unknown option --bogus"},
      {{"datasets", "list", "--page-size"}, "--page-size needs a value"},
      {{"datasets", "list", "--page-size", "many"}, "--page-size takes a whole number, not 'many'"},
      {{"datasets", "get"}, "give exactly one dataset name"},
      {{"datasets", "get", "a", "b"}, "give exactly one dataset name"},
      {{"--format", "xml", "datasets", "list"}, "--format is table, json or csv, not 'xml'"},
      {{"--timeout", "0", "datasets", "list"}, "--timeout takes a positive number of seconds"},
      {{"datasets", "get", "china-korea-tv-dramas", "--view", "all"}, "--view is basic or full"},
      {{"datasets", "create", "x"}, "--csv FILE (flows) or --rates FILE is required"},
      {{"datasets", "create", "x", "--csv", "-", "--rates", "-"},
       "--csv and --rates cannot both read standard input"},
      {creating({"--delimiter", "|"}), "--delimiter is , ; or tab"},
      {creating({"--layout", "tall"}),
       "the layout is auto, long, wide, comtrade or baci, not 'tall'"},
      {creating({"--scale", "lakhs"}), "the scale is units, thousands, millions or billions"},
      {creating({"--classification", "nace"}), "'nace' is not free, hs"},
      {creating({"--dry-run=maybe"}), "--dry-run is a switch"},
      {{"rates", "import", "x", "--csv", "-"}, "--from DATASET is required"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.says);
    CommandResult r = Ctrade(c.args, "year,direction,value\n2020,export,1\n");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.says));
    EXPECT_THAT(r.err, HasSubstr("Try 'ctrade --help'."));
  }
  CommandResult bare = Ctrade({});
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_THAT(bare.out, HasSubstr("Usage: ctrade"));
  // Not usage, but input: a file that is not there, a page the server will not give.
  CommandResult no_file = Ctrade({"datasets", "create", "x", "--csv", dir_ + "/none.csv"});
  EXPECT_EQ(no_file.exit_code, 3);
  EXPECT_THAT(no_file.err, HasSubstr("cannot open " + dir_ + "/none.csv"));
  CommandResult page = Ctrade({"datasets", "list", "--page-size", "5000"});
  EXPECT_EQ(page.exit_code, 3);
  EXPECT_THAT(page.err, HasSubstr("page_size: must be 0 to 1000, not 5000"));
  EXPECT_EQ(Holdings(server_->endpoint()), before);
}

}  // namespace
}  // namespace culturetrade
