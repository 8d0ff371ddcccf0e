// The product-concordance importer on strings: weights, columns named by the options as a
// published table names them, and the errors that name the line and column of a bad row.
#include "import/concordance_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace culturetrade::import {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<ConcordanceCsv> Read(const std::string& text, const ConcordanceCsvOptions& o = {}) {
  std::istringstream in(text);
  return ReadConcordanceCsv(in, o);
}

TEST(ConcordanceCsv, SplitCodeWithWeights) {
  absl::StatusOr<ConcordanceCsv> r = Read(
      "product_code,group_code,weight\n"
      "970110,VISUAL_ARTS,\n"
      "852580,AUDIOVISUAL,0.25\n"
      "852580,DESIGN,0.75\n");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->mappings.size(), 3);
  EXPECT_EQ(r->mappings[0].product_code(), "970110");
  EXPECT_EQ(r->mappings[0].weight(), "");  // 1
  EXPECT_EQ(r->mappings[2].group_code(), "DESIGN");
  EXPECT_EQ(r->mappings[2].weight(), "0.75");
}

// The UN correlation tables name their columns by edition and carry more of them.
TEST(ConcordanceCsv, ColumnsNamedByTheOptions) {
  ConcordanceCsvOptions o;
  o.product_column = "HS22";
  o.group_column = "HS07";
  absl::StatusOr<ConcordanceCsv> r = Read(
      "HS22,HS07,Relationship\n"
      "010121,010110,n:1\n"
      "010129,010190,1:1\n",
      o);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->mappings.size(), 2);
  EXPECT_EQ(r->mappings[0].product_code(), "010121");  // leading zeros kept
  EXPECT_EQ(r->mappings[0].group_code(), "010110");
  EXPECT_EQ(r->report.columns.at(2).meaning, "ignored");
  EXPECT_THAT(Read("HS17,HS07\n1,2\n", o).status().message(),
              HasSubstr("the header has no 'HS22' column"));
}

TEST(ConcordanceCsv, ErrorsNameLineAndColumn) {
  const std::string header = "product_code,group_code,weight\n";
  EXPECT_THAT(Read(header + "1,A,0.5\n1,B,1.5\n").status().message(),
              HasSubstr("line 3, column 'weight': the weight '1.5' is above 1"));
  EXPECT_THAT(Read(header + "1,A,0\n").status().message(),
              HasSubstr("line 2, column 'weight': the weight '0' is not positive"));
  EXPECT_THAT(Read(header + "1,A,half\n").status().message(),
              HasSubstr("line 2, column 'weight':"));
  EXPECT_THAT(Read(header + "1,,\n").status().message(),
              HasSubstr("line 2, column 'group_code': no group code"));
  EXPECT_THAT(Read(header + "1,A,\n1,A,\n").status().message(),
              HasSubstr("line 3, column 'group_code': 1 is mapped to A on an earlier row too"));
}

TEST(ConcordanceCsv, WeightsOfAProductSumToOne) {
  EXPECT_THAT(
      Read("product_code,group_code,weight\n852580,A,0.25\n852580,B,0.5\n").status().message(),
      HasSubstr("the weights of product 852580 sum to 0.75, not 1"));
  // A 1:n row of a correlation table without weights.
  EXPECT_THAT(Read("product_code,group_code\n852580,A\n852580,B\n").status().message(),
              HasSubstr("sum to 2, not 1"));
}

}  // namespace
}  // namespace culturetrade::import
