#include "tests/faults_fixture.h"

#include <cstdio>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace culturetrade::testing {

namespace {

// Where every SQLite store of this run lives.
const std::string& SqliteDir() {
  static const std::string* const dir = new std::string(MakeTempDir());
  return *dir;
}

// The stores are copies of a 16 MB template: removed when the run ends well.
class RemoveStoresAfterThePassedRun : public ::testing::Environment {
  void TearDown() override {
    if (!::testing::UnitTest::GetInstance()->Failed()) RunShell("rm -rf " + SqliteDir());
  }
};
::testing::Environment* const kRemoveStores =
    ::testing::AddGlobalTestEnvironment(new RemoveStoresAfterThePassedRun);

void RemoveSqlite(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

std::string PostgresDatabase(const std::string& name) { return "ct_faults_" + name; }

}  // namespace

std::string KindName(StoreKind kind) { return kind == StoreKind::kSqlite ? "sqlite" : "postgres"; }
void PrintTo(StoreKind kind, std::ostream* os) { *os << KindName(kind); }

std::string SqlitePath(const std::string& name) { return SqliteDir() + "/" + name + ".db"; }

std::string FreshStore(StoreKind kind, const std::string& name) {
  if (kind == StoreKind::kSqlite) {
    RemoveSqlite(SqlitePath(name));
    return "sqlite://" + SqlitePath(name);
  }
  absl::StatusOr<std::string> url = testing::FreshPostgresDatabase(PostgresDatabase(name));
  EXPECT_TRUE(url.ok()) << url.status();
  return url.value_or("");
}

std::string CopyStore(StoreKind kind, const std::string& from, const std::string& name) {
  if (kind == StoreKind::kSqlite) {
    RemoveSqlite(SqlitePath(name));
    EXPECT_TRUE(RunShell(absl::StrCat("cp ", SqlitePath(from), " ", SqlitePath(name))));
    return "sqlite://" + SqlitePath(name);
  }
  const std::string server = testing::PostgresServerUrl();
  for (const std::string& sql :
       {absl::StrCat("DROP DATABASE IF EXISTS ", PostgresDatabase(name), " WITH (FORCE)"),
        absl::StrCat("CREATE DATABASE ", PostgresDatabase(name), " TEMPLATE ",
                     PostgresDatabase(from))}) {
    const std::string result = testing::PgRun(server, sql);
    EXPECT_FALSE(absl::StartsWith(result, "error:")) << sql << ": " << result;
  }
  return testing::WithDatabase(server, PostgresDatabase(name));
}

absl::StatusOr<std::string> Fingerprint(Client& client, const std::string& id, int many_flows) {
  absl::StatusOr<v1::Dataset> whole = client.GetDataset("datasets/" + id, v1::DATASET_VIEW_FULL);
  if (!whole.ok()) return whole.status();
  whole->clear_create_time();
  whole->clear_update_time();
  std::string out = whole->SerializeAsString();
  if (many_flows == 0) return out;
  const std::string last = absl::StrCat("P", (many_flows - 1) / testing::kManyFlowsPerProduct);
  for (const std::string& product : {std::string("P0"), last}) {
    absl::StatusOr<v1::AnalyzeBalanceResponse> b =
        client.AnalyzeBalance(ManyFlowsBalance(id, product));
    if (!b.ok()) return b.status();
    out += b->SerializeAsString();
  }
  return out;
}

}  // namespace culturetrade::testing
