#include "tests/store_fixture.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "core/flow_block_builder.h"
#include "service/storage/postgres/postgres_store.h"
#include "service/storage/sqlite/sqlite_store.h"
#include "tests/baci_like_flows.h"

namespace culturetrade::testing {

std::vector<FlowBlock> Blocks(int n, int tag) {
  std::vector<FlowBlock> blocks;
  FlowBlockBuilder b;
  for (int i = 0; i < n; ++i) {
    FlowBlockBuilder::Row row;
    row.reporter = b.Economy(i % 2 ? "CHN" : "KOR");
    row.partner = b.Economy(i % 2 ? "KOR" : "CHN");
    row.product = b.Product(Classification::kFree, i % 4 ? "TV_DRAMAS" : "FILMS", "");
    row.currency = b.Currency("USD");
    row.direction = i % 3 ? Direction::kExport : Direction::kImport;
    row.period = Period{1900 + i % 200, 1 + i % 12, 0};
    row.value = Decimal::FromNanos((absl::int128(tag) * 1'000'000'000 + i) * 1'000'000'000 +
                                   i % 1000 * 1000);
    if (i % 7 == 0) row.source = b.Source(SourceEntry{"a source", "p. 3", "", ""});
    if (i % 5 == 0) {
      row.quantity_amount = absl::StrCat(i, ".5");
      row.quantity_unit = b.QuantityUnit("t");
    }
    b.Add(row);
    if (b.size() == 8192) blocks.push_back(b.Take());
  }
  if (b.size() > 0) blocks.push_back(b.Take());
  return blocks;
}

std::vector<std::string> FlowLines(const std::vector<FlowBlock>& blocks) {
  std::vector<std::string> lines;
  for (const FlowBlock& b : blocks) {
    for (size_t i = 0; i < b.size(); ++i) {
      const ProductEntry& p = b.products[b.product[i]];
      std::string line =
          absl::StrCat(b.economies[b.reporter[i]], "|", b.economies[b.partner[i]], "|",
                       static_cast<int>(p.classification), ":", p.code, ":", p.description, "|",
                       b.currencies[b.currency[i]], "|", b.year[i], "-", b.month[i], "-",
                       b.quarter[i], "|", static_cast<int>(b.direction[i]), "|",
                       static_cast<int>(b.status[i]), "|", b.value[i].ToString());
      if (!b.source.empty()) {
        const SourceEntry& s = b.sources[b.source[i]];
        absl::StrAppend(&line, "|", s.title, ":", s.locator, ":", s.quote, ":", s.uri);
      }
      if (!b.quantity_amount.empty() && !b.quantity_amount[i].empty()) {
        absl::StrAppend(&line, "|", b.quantity_amount[i], " ",
                        b.quantity_units[b.quantity_unit[i]]);
      }
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

namespace {

absl::StatusOr<DatasetRecord> WriteAll(absl::StatusOr<std::unique_ptr<DatasetWriter>> writer,
                                       const std::vector<FlowBlock>& blocks) {
  if (!writer.ok()) return writer.status();
  for (const FlowBlock& block : blocks) {
    if (absl::Status s = (*writer)->Write(block); !s.ok()) return s;
  }
  return (*writer)->Commit();
}

}  // namespace

absl::StatusOr<DatasetRecord> CreateWith(DatasetStore& store, const std::string& id,
                                         const std::vector<FlowBlock>& blocks,
                                         const std::string& metadata,
                                         const std::string& request_id) {
  return WriteAll(store.Create(NewDataset{id, metadata, request_id}), blocks);
}

absl::StatusOr<DatasetRecord> AppendWith(DatasetStore& store, const std::string& id,
                                         const std::string& etag,
                                         const std::vector<FlowBlock>& blocks) {
  return WriteAll(store.Append(id, etag), blocks);
}

absl::StatusOr<ReadResult> ReadAll(DatasetStore& store, const std::string& id,
                                   const BlockFilter& filter) {
  ReadResult result;
  absl::StatusOr<DatasetRecord> record = store.ReadBlocks(
      id, filter,
      [&](FlowBlock block) {
        result.blocks.push_back(std::move(block));
        return absl::OkStatus();
      },
      NoCaller());
  if (!record.ok()) return record.status();
  result.record = *std::move(record);
  return result;
}

void MeasureBaciLike(DatasetStore& store, int flows, const std::function<int64_t()>& stored_bytes) {
  const std::vector<FlowBlock> blocks = BaciLikeBlocks(flows);
  absl::Time start = absl::Now();
  ASSERT_TRUE(CreateWith(store, "baci", blocks).ok());
  const double ingest_s = absl::ToDoubleSeconds(absl::Now() - start);
  start = absl::Now();
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> all =
      store.GetAnalyzable("baci", NoCaller());
  const double load_s = absl::ToDoubleSeconds(absl::Now() - start);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ((*all)->flows.size(), static_cast<size_t>(flows));
  start = absl::Now();
  absl::StatusOr<ReadResult> pair =
      ReadAll(store, "baci", {{"ABX", "BAX"}, {"ABX", "BAX"}, {}, 0, 0});
  const double pair_s = absl::ToDoubleSeconds(absl::Now() - start);
  ASSERT_TRUE(pair.ok()) << pair.status();
  std::cout << absl::StrFormat(
      "%d BACI-like flows: ingest %.0f flows/s; %.2f bytes a flow stored; load all %.3f s; one "
      "pair's %d of %d blocks in %.4f s\n",
      flows, flows / ingest_s, static_cast<double>(stored_bytes()) / flows, load_s,
      pair->blocks.size(), blocks.size(), pair_s);
}

std::string ServerDir() {
  const char* dir = std::getenv("CULTURETRADE_TEST_POSTGRES_DIR");
  return dir != nullptr ? dir : "";
}

std::string TestName() {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  for (char& c : name) c = absl::ascii_isalnum(c) ? c : '_';
  return name;
}

// --- SQLite ---

std::string SqliteBackend::FreshUrl(const std::string& name) {
  std::string path = absl::StrCat(::testing::TempDir(), "/store-", name, ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

absl::StatusOr<std::unique_ptr<DatasetStore>> SqliteBackend::Open(const std::string& url) {
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(url);
  if (!store.ok()) return store.status();
  return std::unique_ptr<DatasetStore>(*std::move(store));
}

std::string SqliteBackend::Exec(const std::string& url, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(url.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  const char* tail = sql.c_str();
  // Every statement of `sql`; the first value of the first that returns a row.
  while (*tail != '\0' && out.empty()) {
    if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      out = absl::StrCat("error: ", sqlite3_errmsg(db));
      break;
    }
    if (stmt == nullptr) break;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      out = text != nullptr ? reinterpret_cast<const char*>(text) : "";
    } else if (rc != SQLITE_DONE) {
      out = absl::StrCat("error: ", sqlite3_errmsg(db));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

std::string SqliteBackend::BlobLiteral(absl::string_view bytes) {
  return absl::StrCat("X'", absl::BytesToHexString(bytes), "'");
}

// --- PostgreSQL ---

std::string PostgresBackend::FreshUrl(const std::string& name) {
  const std::string server = PostgresServerUrl();
  if (server.empty()) {
    ADD_FAILURE() << "no PostgreSQL server: run through ctest (tests/postgres_test_server.sh "
                     "is its fixture), or set CULTURETRADE_TEST_POSTGRES_URL";
    return "";
  }
  std::string db = "ct_" + absl::AsciiStrToLower(name);
  db.resize(std::min<size_t>(db.size(), 63));
  for (const std::string& sql : {absl::StrCat("DROP DATABASE IF EXISTS ", db, " WITH (FORCE)"),
                                 absl::StrCat("CREATE DATABASE ", db)}) {
    const std::string error = PgRun(server, sql);
    if (!error.empty()) {
      ADD_FAILURE() << sql << ": " << error;
      return "";
    }
  }
  return WithDatabase(server, db);
}

absl::StatusOr<std::unique_ptr<DatasetStore>> PostgresBackend::Open(const std::string& url) {
  absl::StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url, 4);
  if (!store.ok()) return store.status();
  return std::unique_ptr<DatasetStore>(*std::move(store));
}

std::string PostgresBackend::BlobLiteral(absl::string_view bytes) {
  return absl::StrCat("'\\x", absl::BytesToHexString(bytes), "'::bytea");
}

// --- Every store ---

void PrintTo(const BackendParam& p, std::ostream* os) { *os << p.name; }

std::vector<BackendParam> EveryBackend() {
  return {BackendParam{"sqlite", [] { return std::unique_ptr<Backend>(new SqliteBackend); }},
          BackendParam{"postgres", [] { return std::unique_ptr<Backend>(new PostgresBackend); }}};
}

std::string BackendName(const ::testing::TestParamInfo<BackendParam>& p) { return p.param.name; }

void StoreTest::SetUp() {
  backend_ = GetParam().make();
  url_ = backend_->FreshUrl(TestName());
  ASSERT_FALSE(url_.empty());
  absl::StatusOr<std::unique_ptr<DatasetStore>> opened = Open();
  ASSERT_TRUE(opened.ok()) << opened.status();
  store_ = *std::move(opened);
}

}  // namespace culturetrade::testing
