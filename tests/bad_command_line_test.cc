// Bad ctrade command lines: each usage mistake exits 2 and says what, and changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/bad_input_fixture.h"
#include "tests/ctrade_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::CommandResult;
using ::culturetrade::testing::Holdings;
using ::testing::HasSubstr;
using ::testing::Not;

class BadCommandLineTest : public testing::CtradeFixture {};

TEST_F(BadCommandLineTest, UsageMistakesExitTwoAndSayWhat) {
  const std::vector<std::string> before = Holdings(server_->endpoint());
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<std::string> create = {"datasets", "create", "x", "--csv", "-"};
  const auto creating = [&create](std::vector<std::string> more) {
    more.insert(more.begin(), create.begin(), create.end());
    return more;
  };
  const std::vector<Case> cases = {
      {{"no", "such"}, "unknown command 'no such'"},
      {{"datasets", "list", "--bogus", "1"}, "unknown option --bogus"},
      {{"datasets", "list", "--page-size"}, "--page-size needs a value"},
      {{"datasets", "list", "--page-size", "many"}, "--page-size takes a whole number, not 'many'"},
      {{"datasets", "get"}, "give exactly one dataset name"},
      {{"datasets", "get", "a", "b"}, "give exactly one dataset name"},
      {{"--format", "xml", "datasets", "list"}, "--format is table, json or csv, not 'xml'"},
      {{"--timeout", "0", "datasets", "list"}, "--timeout takes a positive number of seconds"},
      {{"datasets", "get", "china-korea-tv-dramas", "--view", "all"}, "--view is basic or full"},
      {{"datasets", "create", "x"}, "--csv FILE (flows) or --rates FILE is required"},
      {{"datasets", "create", "x", "--csv", "-", "--rates", "-"},
       "--csv and --rates cannot both read standard input"},
      {creating({"--delimiter", "|"}), "--delimiter is , ; or tab"},
      {creating({"--layout", "tall"}),
       "the layout is auto, long, wide, comtrade or baci, not 'tall'"},
      {creating({"--scale", "lakhs"}), "the scale is units, thousands, millions or billions"},
      {creating({"--classification", "nace"}), "'nace' is not free, hs"},
      {creating({"--dry-run=maybe"}), "--dry-run is a switch"},
      {{"rates", "import", "x", "--csv", "-"}, "--from DATASET is required"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.says);
    CommandResult r = Ctrade(c.args, "year,direction,value\n2020,export,1\n");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.says));
    EXPECT_THAT(r.err, HasSubstr("Try 'ctrade --help'."));
  }
  CommandResult bare = Ctrade({});
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_THAT(bare.out, HasSubstr("Usage: ctrade"));
  // Not usage, but input: a file that is not there, a page the server will not give.
  CommandResult no_file = Ctrade({"datasets", "create", "x", "--csv", dir_ + "/none.csv"});
  EXPECT_EQ(no_file.exit_code, 3);
  EXPECT_THAT(no_file.err, HasSubstr("cannot open " + dir_ + "/none.csv"));
  CommandResult page = Ctrade({"datasets", "list", "--page-size", "5000"});
  EXPECT_EQ(page.exit_code, 3);
  EXPECT_THAT(page.err, HasSubstr("page_size: must be 0 to 1000, not 5000"));
  EXPECT_EQ(Holdings(server_->endpoint()), before);
}

}  // namespace
}  // namespace culturetrade
