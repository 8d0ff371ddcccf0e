// TLS, mutual TLS and bearer tokens against the real server, with the certificates of test_pki.h.
#include <gtest/gtest.h>

#include <fstream>

#include "client/client.h"
#include "tests/test_pki.h"
#include "tests/test_process.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::Pki;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::ServerProcess;

Options ClientOptions(const ServerProcess& server) {
  Options o;
  o.endpoint = server.endpoint();
  o.timeout = absl::Seconds(5);
  o.retry.max_attempts = 1;
  return o;
}

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    pki_.emplace(dir_);
    ASSERT_TRUE(pki_->ok()) << "openssl could not make the test certificates";
  }
  std::string dir_;
  std::optional<Pki> pki_;
};

TEST_F(SecurityTest, TlsServesTrustingClientsOnly) {
  absl::StatusOr<ServerProcess> server =
      ServerProcess::Start(dir_ + "/db", {"--tls_cert_file=" + pki_->path("server.pem"),
                                          "--tls_key_file=" + pki_->path("server.key")});
  ASSERT_TRUE(server.ok()) << server.status();
  Options o = ClientOptions(*server);
  o.tls.enabled = true;
  o.tls.root_ca_pem = pki_->pem("ca.pem");
  o.tls.server_name = "localhost";
  EXPECT_TRUE(Client(MakeConnection(o)).ListDatasets().ok());
  // A plaintext client cannot talk to a TLS port.
  EXPECT_FALSE(Client(MakeConnection(ClientOptions(*server))).ListDatasets().ok());
  // A client that does not trust the CA refuses the server.
  o.tls.root_ca_pem = pki_->pem("client.pem");
  EXPECT_EQ(Client(MakeConnection(o)).ListDatasets().status().code(),
            absl::StatusCode::kUnavailable);
}

TEST_F(SecurityTest, MutualTlsNeedsAClientCertificate) {
  absl::StatusOr<ServerProcess> server =
      ServerProcess::Start(dir_ + "/db", {"--tls_cert_file=" + pki_->path("server.pem"),
                                          "--tls_key_file=" + pki_->path("server.key"),
                                          "--tls_client_ca_file=" + pki_->path("ca.pem")});
  ASSERT_TRUE(server.ok()) << server.status();
  Options o = ClientOptions(*server);
  o.tls.enabled = true;
  o.tls.root_ca_pem = pki_->pem("ca.pem");
  o.tls.server_name = "localhost";
  EXPECT_FALSE(Client(MakeConnection(o)).ListDatasets().ok());
  o.tls.client_cert_pem = pki_->pem("client.pem");
  o.tls.client_key_pem = pki_->pem("client.key");
  EXPECT_TRUE(Client(MakeConnection(o)).ListDatasets().ok());
}

class TokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    WriteTokens("reader r-token-1\nwriter w-token-1\n");
    absl::StatusOr<ServerProcess> s =
        ServerProcess::Start(dir_ + "/db", {"--token_file=" + dir_ + "/tokens"}, dir_ + "/log");
    ASSERT_TRUE(s.ok()) << s.status();
    server_.emplace(*std::move(s));
  }
  void WriteTokens(const std::string& text) {
    std::ofstream(dir_ + "/tokens.tmp") << "# role token\n" << text;
    std::rename((dir_ + "/tokens.tmp").c_str(), (dir_ + "/tokens").c_str());
  }
  Client As(const std::string& token) {
    Options o = ClientOptions(*server_);
    o.bearer_token = token;
    return Client(MakeConnection(o));
  }
  std::string dir_;
  std::optional<ServerProcess> server_;
};

TEST_F(TokenTest, RolesDecideWhatACallerMayDo) {
  EXPECT_EQ(As("").ListDatasets().status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(As("wrong").ListDatasets().status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(As("r-token-1").ListDatasets().ok());
  EXPECT_EQ(As("r-token-1").CreateDataset("x", {}).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(As("r-token-1").DeleteDataset("datasets/china-korea-tv-dramas").code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(As("w-token-1").CreateDataset("x", {}).ok());
  EXPECT_TRUE(As("w-token-1").DeleteDataset("datasets/x").ok());
  // The refused writes left the data as it was.
  EXPECT_TRUE(As("r-token-1").GetDataset("datasets/china-korea-tv-dramas").ok());
}

TEST_F(TokenTest, HealthChecksNeedNoToken) {
  EXPECT_EQ(testing::HealthStatus(server_->endpoint(), "culturetrade.liveness"), 1);
  EXPECT_EQ(testing::HealthStatus(server_->endpoint(), "culturetrade.readiness"), 1);
}

TEST_F(TokenTest, TokensAreNeverLogged) {
  ASSERT_TRUE(As("r-token-1").ListDatasets().ok());
  (void)As("w-token-1").CreateDataset("y", {});
  (void)As("secret-but-wrong").ListDatasets();
  const std::string log = ReadFile(dir_ + "/log");
  EXPECT_NE(log.find("\"method\":\"ListDatasets\""), std::string::npos) << log;
  for (const char* token : {"r-token-1", "w-token-1", "secret-but-wrong"}) {
    EXPECT_EQ(log.find(token), std::string::npos) << token;
  }
}

TEST_F(TokenTest, ARotatedTokenFileIsReadWithoutARestart) {
  ASSERT_TRUE(As("r-token-1").ListDatasets().ok());
  WriteTokens("reader r-token-2\n");
  // The file is checked at most once a second.
  absl::Status status;
  for (int i = 0; i < 40; ++i) {
    absl::SleepFor(absl::Milliseconds(100));
    status = As("r-token-2").ListDatasets().status();
    if (status.ok()) break;
  }
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(As("r-token-1").ListDatasets().status().code(), absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace culturetrade
