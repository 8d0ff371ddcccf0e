// Bad tokens: malformed authorization, refusals through ctrade, broken token files.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"
#include "proto/status_convert.h"
#include "tests/bad_input_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::BadInputTest;
using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::kStudy;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::OptionsFor;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::RunCtrade;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

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

}  // namespace
}  // namespace culturetrade
