// ctrade: the culturetrade command-line client.
//
// Exit codes: 0 success, 1 other failure, 2 usage error, 3 invalid input or failed
// precondition, 4 not found, 5 server unavailable or deadline exceeded, 6 conflict (already
// exists, or changed since read), 7 not authenticated or not permitted.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/client.h"
#include "client/ctrade/command_line.h"
#include "client/ctrade/commands.h"
#include "client/ctrade/progress.h"

namespace culturetrade::ctrade {
namespace {

// Options that take no value.
const absl::flat_hash_set<std::string> kSwitches = {"help", "tls", "include-partial", "dry-run",
                                                    "skip-bad"};

const std::vector<std::pair<std::string, std::string>> kGlobalOptions = {
    {"endpoint", "server address, host:port (env CULTURETRADE_ENDPOINT; default 127.0.0.1:50051)"},
    {"token", "bearer token sent with every call (env CULTURETRADE_TOKEN)"},
    {"tls",
     "use TLS, trusting the system's roots unless --tls-ca is given (env CULTURETRADE_TLS=1)"},
    {"tls-ca", "PEM file of the CA to trust; implies --tls (env CULTURETRADE_TLS_CA)"},
    {"tls-cert", "PEM client certificate for mutual TLS (env CULTURETRADE_TLS_CERT)"},
    {"tls-key", "PEM client key for mutual TLS (env CULTURETRADE_TLS_KEY)"},
    {"tls-server-name", "name expected in the server's certificate, if not the host's"},
    {"format", "table, json or csv (env CULTURETRADE_FORMAT; default table)"},
    {"timeout", "seconds a call may take, retries included (env CULTURETRADE_TIMEOUT; default 30)"},
    {"help", "show help"}};

void PrintOptions(const std::vector<std::pair<std::string, std::string>>& options,
                  std::ostream& out) {
  for (const auto& [name, help] : options) out << "  --" << name << "  " << help << "\n";
}

void PrintUsage(std::ostream& out) {
  out << "Usage: ctrade [global options] COMMAND [arguments] [options]\n\nCommands:\n";
  for (const Command& c : Commands()) {
    out << "  " << c.name << (c.synopsis.empty() ? "" : " " + c.synopsis) << "\n      " << c.summary
        << "\n";
  }
  out << "\nGlobal options:\n";
  PrintOptions(kGlobalOptions, out);
  out << "\n'ctrade COMMAND --help' describes a command's options.\n";
}

// Whether `c` has an option `name` of its own, which stands in for a global one of that name
// (datasets export's --format: csv or jsonl).
bool HasOwnOption(const Command& c, const std::string& name) {
  return std::any_of(c.options.begin(), c.options.end(),
                     [&name](const auto& option) { return option.first == name; });
}

void PrintCommandHelp(const Command& c, std::ostream& out) {
  out << "Usage: ctrade " << c.name << (c.synopsis.empty() ? "" : " " + c.synopsis)
      << " [options]\n\n"
      << c.summary << "\n\nOptions:\n";
  PrintOptions(c.options, out);
  out << "\nGlobal options:\n";
  std::vector<std::pair<std::string, std::string>> global;
  for (const auto& option : kGlobalOptions) {
    if (!HasOwnOption(c, option.first)) global.push_back(option);
  }
  PrintOptions(global, out);
}

int ExitCodeOf(const absl::Status& s) {
  if (IsUsageError(s)) return 2;
  switch (s.code()) {
    case absl::StatusCode::kOk: return 0;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange: return 3;
    case absl::StatusCode::kNotFound: return 4;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded: return 5;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted: return 6;
    case absl::StatusCode::kUnauthenticated:
    case absl::StatusCode::kPermissionDenied: return 7;
    default: return 1;
  }
}

int Fail(const absl::Status& s) {
  const auto violations = FieldViolationsOf(s);
  if (violations.empty()) {
    std::cerr << "ctrade: " << s.message() << "\n";
  } else {
    std::cerr << "ctrade: the server refused the request:\n";
    for (const auto& v : violations) {
      std::cerr << "  " << v.field() << ": " << v.description() << "\n";
    }
  }
  if (IsUsageError(s)) std::cerr << "Try 'ctrade --help'.\n";
  return ExitCodeOf(s);
}

absl::StatusOr<std::string> ReadFile(const std::string& path, const char* what) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return UsageError(absl::StrCat("cannot read the ", what, " file ", path));
  return text.str();
}

absl::Status ApplyTls(const CommandLine& args, TlsOptions& tls) {
  const std::string ca = args.Get("tls-ca", "", "CULTURETRADE_TLS_CA");
  const std::string cert = args.Get("tls-cert", "", "CULTURETRADE_TLS_CERT");
  const std::string key = args.Get("tls-key", "", "CULTURETRADE_TLS_KEY");
  tls.enabled = args.Has("tls") || args.Get("tls", "", "CULTURETRADE_TLS") == "1" || !ca.empty() ||
                !cert.empty();
  tls.server_name = args.Get("tls-server-name");
  if (cert.empty() != key.empty()) return UsageError("--tls-cert and --tls-key go together");
  for (auto [path, what, pem] : {std::tuple{&ca, "CA", &tls.root_ca_pem},
                                 std::tuple{&cert, "certificate", &tls.client_cert_pem},
                                 std::tuple{&key, "key", &tls.client_key_pem}}) {
    if (path->empty()) continue;
    absl::StatusOr<std::string> text = ReadFile(*path, what);
    if (!text.ok()) return text.status();
    *pem = *std::move(text);
  }
  return absl::OkStatus();
}

// The command whose name (one word or two) the positionals start with.
const Command* FindCommand(const std::vector<std::string>& positional) {
  for (const Command& c : Commands()) {
    const std::vector<std::string> words = absl::StrSplit(c.name, ' ');
    if (words.size() <= positional.size() &&
        std::equal(words.begin(), words.end(), positional.begin())) {
      return &c;
    }
  }
  return nullptr;
}

int Run(int argc, char** argv) {
  absl::StatusOr<CommandLine> args =
      CommandLine::Parse(std::vector<std::string>(argv + 1, argv + argc), kSwitches);
  if (!args.ok()) return Fail(UsageError(args.status().message()));
  const Command* command = FindCommand(args->positional());
  if (command == nullptr) {
    if (args->Has("help") || args->positional().empty()) {
      PrintUsage(std::cout);
      return args->Has("help") ? 0 : 2;
    }
    return Fail(
        UsageError(absl::StrCat("unknown command '", absl::StrJoin(args->positional(), " "), "'")));
  }
  if (args->Has("help")) {
    PrintCommandHelp(*command, std::cout);
    return 0;
  }
  absl::flat_hash_set<std::string> known;
  for (const auto& o : kGlobalOptions) known.insert(o.first);
  for (const auto& o : command->options) known.insert(o.first);
  if (absl::Status s = args->CheckKnown(known); !s.ok()) return Fail(UsageError(s.message()));

  absl::StatusOr<Format> format =
      HasOwnOption(*command, "format")
          ? Format::kTable
          : ParseFormat(args->Get("format", "table", "CULTURETRADE_FORMAT"));
  if (!format.ok()) return Fail(UsageError(format.status().message()));
  Options options;
  options.endpoint = args->Get("endpoint", options.endpoint, "CULTURETRADE_ENDPOINT");
  double timeout_seconds = 0;
  if (!absl::SimpleAtod(args->Get("timeout", "30", "CULTURETRADE_TIMEOUT"), &timeout_seconds) ||
      timeout_seconds <= 0) {
    return Fail(UsageError("--timeout takes a positive number of seconds"));
  }
  options.timeout = absl::Seconds(timeout_seconds);
  options.bearer_token = args->Get("token", "", "CULTURETRADE_TOKEN");
  if (absl::Status s = ApplyTls(*args, options.tls); !s.ok()) return Fail(s);

  std::unique_ptr<ProgressBar> upload_bar;
  options.upload_progress = [&upload_bar](int64_t sent, int64_t total) {
    if (upload_bar == nullptr) upload_bar = std::make_unique<ProgressBar>("uploading", total);
    upload_bar->Update(sent);
    if (sent == total) upload_bar.reset();  // clears the line before the command prints
  };
  Client client(MakeConnection(options));
  // The command sees its own positionals only, without the two words of its name.
  const CommandLine command_args = args->WithoutLeadingPositionals(
      std::vector<std::string>(absl::StrSplit(command->name, ' ')).size());
  Context context{client, command_args, *format, std::cin, std::cout};
  absl::Status status = command->run(context);
  return status.ok() ? 0 : Fail(status);
}

}  // namespace
}  // namespace culturetrade::ctrade

int main(int argc, char** argv) { return culturetrade::ctrade::Run(argc, argv); }
