// For ctrade's end-to-end tests: a real culturetrade-server on a fresh store (seeded with the
// study) for each test, and ctrade runs against it.
#ifndef CULTURETRADE_TESTS_CTRADE_FIXTURE_H_
#define CULTURETRADE_TESTS_CTRADE_FIXTURE_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/test_process.h"

namespace culturetrade::testing {

class CtradeFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    ASSERT_FALSE(dir_.empty());
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(dir_ + "/culturetrade.db");
    ASSERT_TRUE(s.ok()) << s.status();
    server_.emplace(*std::move(s));
  }
  // `ctrade --endpoint SERVER ARGS...`, with `input` on its stdin.
  CommandResult Ctrade(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {CT_CTRADE_BIN, "--endpoint", server_->endpoint()});
    return RunCommand(args, input);
  }

  std::string dir_;
  std::optional<ServerProcess> server_;
};

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_CTRADE_FIXTURE_H_
