// The disk under a SQLite store: read-only at start or while serving, and full. A clear error,
// nothing damaged.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/faults_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::ClientFor;
using ::culturetrade::testing::FaultsTest;
using ::culturetrade::testing::Fingerprint;
using ::culturetrade::testing::FreshStore;
using ::culturetrade::testing::kBigFlows;
using ::culturetrade::testing::kKeptFlows;
using ::culturetrade::testing::ManyFlows;
using ::culturetrade::testing::RunCommand;
using ::culturetrade::testing::RunShell;
using ::culturetrade::testing::ServerProcess;
using ::culturetrade::testing::SqlitePath;
using ::culturetrade::testing::StoreKind;

// --- The disk: read-only, full ---

class SqliteFaultsTest : public FaultsTest {
 protected:
  SqliteFaultsTest() : FaultsTest(StoreKind::kSqlite) {}

  // Runs the server under permission checks even as root, who would write anyway: without the
  // capabilities that override them.
  static std::vector<std::string> UnderPermissions() {
    if (geteuid() != 0) return {};
    return {"/usr/bin/setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search",
            "--"};
  }
  // A copy of the template alone in directory DIR/NAME; its path.
  std::string CopyInto(const std::string& name) {
    const std::string dir = dir_ + "/" + name;
    EXPECT_EQ(mkdir(dir.c_str(), 0700), 0);
    EXPECT_TRUE(RunShell(absl::StrCat("cp ", SqlitePath(TemplateStore().name), " ", dir, "/db")));
    return dir + "/db";
  }
  // Expects a server on the SQLite file `path` to stop at its start with an error that names
  // the file and says why.
  static void ExpectRefusedAtStart(const std::string& path) {
    std::vector<std::string> argv = {"/usr/bin/timeout", "60"};
    for (const std::string& arg : UnderPermissions()) argv.push_back(arg);
    for (const std::string& arg : {std::string(CT_SERVER_BIN), std::string("--address=127.0.0.1:0"),
                                   "--store=sqlite://" + path}) {
      argv.push_back(arg);
    }
    const testing::CommandResult refused = RunCommand(argv);
    EXPECT_EQ(refused.exit_code, 1) << refused.err;
    EXPECT_TRUE(absl::StrContains(refused.err, "store " + path + ": ")) << refused.err;
    EXPECT_TRUE(absl::StrContains(refused.err, "not writable") ||
                absl::StrContains(refused.err, "read-only"))
        << refused.err;
  }
  // Starts a server on the SQLite file `path` and expects the template's data there.
  ServerProcess StartAndExpectTemplateData(const std::string& path, const std::string& name) {
    ServerProcess server = Start("sqlite://" + path, name, {}, UnderPermissions());
    Client client = ClientFor(server.endpoint());
    ExpectTemplateData(client);
    return server;
  }
};

// Whether the directory or the file is read-only, the server says so and names the file.
TEST_F(SqliteFaultsTest, AReadOnlyStoreIsRefusedAtStartNamingIt) {
  for (const bool directory : {true, false}) {
    SCOPED_TRACE(directory ? "read-only directory" : "read-only file");
    const std::string name = directory ? "directory" : "file";
    const std::string path = CopyInto(name);
    const std::string read_only = directory ? dir_ + "/" + name : path;
    ASSERT_EQ(chmod(read_only.c_str(), directory ? 0500 : 0400), 0);
    ExpectRefusedAtStart(path);
    ASSERT_EQ(chmod(read_only.c_str(), directory ? 0700 : 0600), 0);
    StartAndExpectTemplateData(path, name);
  }
}

// Files the server holds open stay writable to it (so do SQLite's, which makes none while it
// serves): a store made read-only under a running server takes its writes until it restarts,
// when the server refuses to start, naming it. Nothing is lost either way.
TEST_F(SqliteFaultsTest, AStoreMadeReadOnlyWhileServingLosesNothingAndIsRefusedAtRestart) {
  const std::string path = CopyInto("store");
  const std::string dir = dir_ + "/store";
  ServerProcess server = Start("sqlite://" + path, "server", {}, UnderPermissions());
  absl::Status during;
  {
    Client client = ClientFor(server.endpoint());
    ASSERT_TRUE(client.UploadNewDataset("before", {}, ManyFlows(1000)).ok());
    ASSERT_TRUE(RunShell(absl::StrCat("chmod 0400 ", path, "* && chmod 0500 ", dir)));
    during = client.UploadNewDataset("during", {}, ManyFlows(1000)).status();
    std::cout << "an upload after the store was made read-only: " << during << "\n";
    EXPECT_TRUE(during.ok() || during.code() == absl::StatusCode::kFailedPrecondition) << during;
    ExpectTemplateData(client);
  }
  EXPECT_EQ(server.StopWith(SIGTERM), 0);
  ExpectRefusedAtStart(path);

  ASSERT_TRUE(RunShell(absl::StrCat("chmod 0700 ", dir, " && chmod 0600 ", path, "*")));
  ServerProcess restarted = StartAndExpectTemplateData(path, "restarted");
  Client after = ClientFor(restarted.endpoint());
  EXPECT_EQ(after.GetDataset("datasets/before").value_or(v1::Dataset()).flow_count(), 1000);
  EXPECT_EQ(after.GetDataset("datasets/during").status().code(),
            during.ok() ? absl::StatusCode::kOk : absl::StatusCode::kNotFound);
}

TEST_F(SqliteFaultsTest, AFullDiskFailsTheUploadClearlyAndKeepsWhatWasThere) {
  // A file size limit fails writes as a full disk does (EFBIG rather than ENOSPC). Blocks take
  // under 10 bytes a flow: the limit holds the kept flows, not the big ones.
  constexpr int kLimitBytes = 1 << 20;
  const std::string url = FreshStore(kind_, "full");
  ServerProcess server =
      Start(url, "server", {}, {"/usr/bin/prlimit", absl::StrCat("--fsize=", kLimitBytes), "--"});
  std::string kept;
  {
    Client client = ClientFor(server.endpoint());
    ASSERT_TRUE(client.UploadNewDataset("kept", {}, ManyFlows(kKeptFlows)).ok());
    kept = Fingerprint(client, "kept", kKeptFlows).value_or("");
    const absl::Status big = client.UploadNewDataset("big", {}, ManyFlows(kBigFlows)).status();
    // SQLite reports a write past the limit (EFBIG) as an I/O error and may lose errno on the
    // way, so the store can say only that it could not write its file; a full disk (ENOSPC)
    // is SQLITE_FULL and says so.
    EXPECT_TRUE(absl::IsResourceExhausted(big) || absl::IsUnavailable(big)) << big;
    EXPECT_TRUE(absl::StrContains(big.message(), "disk is full") ||
                absl::StrContains(big.message(), "cannot read or write its file"))
        << big;
    EXPECT_EQ(Fingerprint(client, "kept", kKeptFlows).value_or("error"), kept);
    EXPECT_EQ(client.GetDataset("datasets/big").status().code(), absl::StatusCode::kNotFound);
    ASSERT_TRUE(client.UploadNewDataset("small", {}, ManyFlows(1000)).ok());
  }
  // Not killed by SIGXFSZ: it drains and stops as usual.
  EXPECT_EQ(server.StopWith(SIGTERM), 0);

  ServerProcess restarted = Start(url, "restarted");
  Client after = ClientFor(restarted.endpoint());
  EXPECT_EQ(Fingerprint(after, "kept", kKeptFlows).value_or("error"), kept);
  EXPECT_EQ(after.GetDataset("datasets/small").value_or(v1::Dataset()).flow_count(), 1000);
  EXPECT_EQ(after.GetDataset("datasets/big").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(after.GetDataset(absl::StrCat("datasets/", kStudyDatasetId)).ok());
}

}  // namespace
}  // namespace culturetrade
