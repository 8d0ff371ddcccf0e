// `ctrade datasets create` run again after its reply was lost: the server is killed right after
// it committed the create, restarted on the same store, and the very same command then gets the
// dataset the first run made. A file changed since is another create, and finds the name taken.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/ctrade_fixture.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;

class CreateRequestIdTest : public testing::CtradeFixture {
 protected:
  void Write(const std::string& csv) {
    std::ofstream(Csv()) << "reporter,partner,product,direction,year,value,currency\n" << csv;
  }
  CommandResult Create(const std::vector<std::string>& options = {}) {
    std::vector<std::string> args = {"datasets", "create", "dramas", "--csv", Csv()};
    args.insert(args.end(), options.begin(), options.end());
    return Ctrade(args);
  }
  // As when the reply was lost: the create committed, and nothing more reaches the client.
  void KillAndRestart() {
    EXPECT_EQ(server_->StopWith(SIGKILL), 128 + SIGKILL);
    server_.reset();
    absl::StatusOr<ServerProcess> s = ServerProcess::Start(dir_ + "/culturetrade.db");
    ASSERT_TRUE(s.ok()) << s.status();
    server_.emplace(*std::move(s));
  }
  std::string Etag() {
    CommandResult r = Ctrade({"--format", "json", "datasets", "get", "dramas"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(r.out.find("\"etag\""), 40);
  }

  std::string Csv() const { return dir_ + "/dramas.csv"; }
};

TEST_F(CreateRequestIdTest, TheSameCommandAgainGetsTheDatasetTheFirstRunMade) {
  Write("KOR,CHN,TV_DRAMAS,export,2016,16960000,USD\n");
  CommandResult first = Create();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string etag = Etag();
  KillAndRestart();
  CommandResult again = Create();
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, first.out);
  EXPECT_EQ(Etag(), etag);
}

TEST_F(CreateRequestIdTest, AFileChangedSinceFindsTheNameTaken) {
  Write("KOR,CHN,TV_DRAMAS,export,2016,16960000,USD\n");
  ASSERT_EQ(Create().exit_code, 0);
  KillAndRestart();
  Write("KOR,CHN,TV_DRAMAS,export,2016,17000000,USD\n");
  CommandResult again = Create();
  EXPECT_NE(again.exit_code, 0);
  EXPECT_THAT(again.err, HasSubstr("already exists"));
}

TEST_F(CreateRequestIdTest, TheFileReadOtherwiseFindsTheNameTaken) {
  Write("KOR,CHN,TV_DRAMAS,export,2016,16960,USD\n");
  ASSERT_EQ(Create().exit_code, 0);
  CommandResult again = Create({"--scale", "thousands"});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_THAT(again.err, HasSubstr("already exists"));
}

TEST_F(CreateRequestIdTest, AnIdGivenIsTheOneSent) {
  Write("KOR,CHN,TV_DRAMAS,export,2016,16960000,USD\n");
  CommandResult r =
      Ctrade({"datasets", "create", "dramas", "--csv", Csv(), "--request-id", "not a request id"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("request_id"));
}

}  // namespace
}  // namespace culturetrade
