// Certificates for tests, made with openssl in a directory of their own: a CA, and from it a
// server certificate for localhost and 127.0.0.1 and a client certificate; and the ones a
// server or a client must refuse: a client certificate from another CA, and a server and a
// client certificate that expired long ago.
#ifndef CULTURETRADE_TESTS_TEST_PKI_H_
#define CULTURETRADE_TESTS_TEST_PKI_H_

#include <string>

namespace culturetrade::testing {

class Pki {
 public:
  // Makes, in `dir`, NAME.pem and NAME.key for each NAME of: ca, server, client (from ca);
  // other-ca, other-client (from other-ca); expired-server, expired-client (from ca, valid
  // for one day in 2000).
  explicit Pki(const std::string& dir);
  // Whether openssl made them all.
  bool ok() const { return ok_; }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string pem(const std::string& name) const;

 private:
  std::string dir_;
  bool ok_ = false;
};

}  // namespace culturetrade::testing

#endif  // CULTURETRADE_TESTS_TEST_PKI_H_
