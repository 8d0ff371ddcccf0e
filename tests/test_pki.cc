#include "tests/test_pki.h"

#include "absl/strings/str_cat.h"
#include "tests/test_process.h"

namespace culturetrade::testing {
namespace {

constexpr char kServerExtension[] = "subjectAltName=DNS:localhost,IP:127.0.0.1";
constexpr char kClientExtension[] = "extendedKeyUsage=clientAuth";

std::string Ca(const std::string& name) {
  return absl::StrCat("openssl req -x509 -newkey rsa:2048 -nodes -keyout ", name, ".key -out ",
                      name, ".pem -days 2 -subj /CN=culturetrade-test-", name, " 2>/dev/null");
}

// A key and signing request for `name`, and its extension file.
std::string Request(const std::string& name, const std::string& extension) {
  return absl::StrCat("openssl req -newkey rsa:2048 -nodes -keyout ", name, ".key -out ", name,
                      ".csr -subj /CN=", name, " 2>/dev/null && printf '", extension, "' > ", name,
                      ".ext");
}

std::string Leaf(const std::string& name, const std::string& extension, const std::string& ca) {
  return absl::StrCat(Request(name, extension), " && openssl x509 -req -in ", name, ".csr -CA ", ca,
                      ".pem -CAkey ", ca, ".key -CAcreateserial -days 2 -out ", name,
                      ".pem -extfile ", name, ".ext 2>/dev/null");
}

// `openssl x509` only dates certificates from now; `openssl ca` takes any dates, and wants a
// database and a configuration of its own.
std::string ExpiredLeaf(const std::string& name, const std::string& extension) {
  return absl::StrCat(Request(name, extension), " && openssl ca -batch -notext -config ca.cnf ",
                      "-cert ca.pem -keyfile ca.key -in ", name, ".csr -out ", name,
                      ".pem -extfile ", name, ".ext -startdate 20000101000000Z ",
                      "-enddate 20000102000000Z 2>/dev/null");
}

constexpr char kCaConfig[] =
    "printf '[ca]\\ndefault_ca=test\\n[test]\\ndatabase=index.txt\\nnew_certs_dir=.\\n"
    "serial=serial\\ndefault_md=sha256\\npolicy=any\\n[any]\\ncommonName=supplied\\n' > ca.cnf"
    " && : > index.txt && echo 01 > serial";

}  // namespace

Pki::Pki(const std::string& dir) : dir_(dir) {
  ok_ = RunShell(absl::StrCat("cd ", dir, " && ", Ca("ca"), " && ",
                              Leaf("server", kServerExtension, "ca"), " && ",
                              Leaf("client", kClientExtension, "ca"), " && ", Ca("other-ca"),
                              " && ", Leaf("other-client", kClientExtension, "other-ca"), " && ",
                              kCaConfig, " && ", ExpiredLeaf("expired-server", kServerExtension),
                              " && ", ExpiredLeaf("expired-client", kClientExtension)));
}

std::string Pki::pem(const std::string& name) const { return ReadFile(path(name)); }

}  // namespace culturetrade::testing
