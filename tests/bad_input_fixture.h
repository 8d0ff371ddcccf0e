// What the tests of the bad input catalogue of docs/reliability.md share (bad_*_test.cc, a file
// per class of bad input): requests and their parts that are good until a case spoils them, the
// store a refused write must leave as it was, and a real server with a client without retries.
#ifndef CULTURETRADE_TESTS_BAD_INPUT_FIXTURE_H_
#define CULTURETRADE_TESTS_BAD_INPUT_FIXTURE_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "client/client.h"
#include "tests/test_process.h"

namespace culturetrade::testing {

// The study's dataset, which every server of these tests is seeded with.
inline constexpr char kStudy[] = "datasets/china-korea-tv-dramas";

// Options of a client of `endpoint` without retries, sending `token`.
Options OptionsFor(const std::string& endpoint, const std::string& token = "");

// Every dataset by name, etag and flow count: what a refused write must leave as it was.
std::vector<std::string> Holdings(const std::string& endpoint, const std::string& token = "");

// INVALID_ARGUMENT naming exactly `fields`, each also in the message people read.
void ExpectRefused(const absl::Status& status, const std::vector<std::string>& fields);

// `units` US dollars.
google::type::Money Usd(int64_t units);
// A good flow of KOR's exports to CHN of product SK1 in `year`, 100 USD.
v1::TradeFlow Flow(int year);
// `count` good flows, of years 2000 on.
std::vector<v1::TradeFlow> Flows(int count);
// A good multiplier `id`: KOR's, 2012, 412 USD induced by 100 USD of cultural exports.
v1::Multiplier GoodMultiplier(const std::string& id);

// ctrade with `args`, `input` on its standard input.
CommandResult RunCtrade(std::vector<std::string> args, const std::string& input = "");

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

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_BAD_INPUT_FIXTURE_H_
