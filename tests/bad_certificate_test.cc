// Bad certificates: servers clients cannot trust, TLS against plaintext, mutual TLS without a
// good client certificate, and servers without usable TLS files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/bad_input_fixture.h"
#include "tests/test_pki.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::MakeTempDir;
using ::culturetrade::testing::OptionsFor;
using ::culturetrade::testing::Pki;
using ::culturetrade::testing::ReadFile;
using ::culturetrade::testing::RunCtrade;
using ::culturetrade::testing::ServerProcess;
using ::testing::HasSubstr;

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

}  // namespace
}  // namespace culturetrade
