// The built-in HS concordances against the UNSD workbooks they were converted from
// (HS2022toHS2007ConversionAndCorrelationTables.xlsx and HS2017toHS2007...; see
// import/data/hs_concordances/README.md). Row numbers are the sheets' own; row 1 is the header.
#include "import/builtin_concordances.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "core/decimal.h"

namespace culturetrade::import {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

v1::ProductConcordance Load(absl::string_view id) {
  absl::StatusOr<v1::ProductConcordance> concordance = BuiltinConcordance(id);
  EXPECT_TRUE(concordance.ok()) << concordance.status();
  return concordance.ok() ? *std::move(concordance) : v1::ProductConcordance();
}

// The group each product maps to; every product of these tables maps to exactly one.
absl::flat_hash_map<std::string, std::string> GroupsByProduct(
    const v1::ProductConcordance& concordance) {
  absl::flat_hash_map<std::string, std::string> groups;
  for (const v1::ProductMapping& m : concordance.mappings()) {
    EXPECT_TRUE(groups.emplace(m.product_code(), m.group_code()).second)
        << m.product_code() << " appears twice in " << concordance.id();
  }
  return groups;
}

bool IsHs6(absl::string_view code) {
  return code.size() == 6 && std::all_of(code.begin(), code.end(), absl::ascii_isdigit);
}

// Every code has six digits, every weight is a decimal in (0, 1], and each product's weights
// sum to exactly 1, as ProductMapping requires.
void ExpectValidMappings(const v1::ProductConcordance& concordance) {
  absl::flat_hash_map<std::string, Decimal> sums;
  for (int i = 0; i < concordance.mappings_size(); ++i) {
    const v1::ProductMapping& m = concordance.mappings(i);
    EXPECT_TRUE(IsHs6(m.product_code())) << "mappings[" << i << "].product_code";
    EXPECT_TRUE(IsHs6(m.group_code())) << "mappings[" << i << "].group_code";
    absl::StatusOr<Decimal> weight = Decimal::Parse(m.weight());
    ASSERT_TRUE(weight.ok()) << "mappings[" << i << "].weight: " << weight.status();
    EXPECT_TRUE(weight->is_positive() && *weight <= Decimal::FromUnits(1))
        << "mappings[" << i << "].weight " << m.weight();
    sums[m.product_code()] += *weight;
  }
  for (const auto& [product, sum] : sums) {
    EXPECT_EQ(sum.ToString(), "1") << product << "'s weights";
  }
}

// The built-in concordance `id`, checked to hold `rows` valid mappings, as the group of each
// product.
absl::flat_hash_map<std::string, std::string> CheckedGroups(absl::string_view id, int rows) {
  const v1::ProductConcordance concordance = Load(id);
  EXPECT_EQ(concordance.mappings_size(), rows) << id;
  ExpectValidMappings(concordance);
  return GroupsByProduct(concordance);
}

TEST(BuiltinConcordances, ListsEachTableWithItsCitation) {
  const std::vector<BuiltinConcordanceInfo> infos = BuiltinConcordances();
  EXPECT_THAT(infos, ElementsAre(Field(&BuiltinConcordanceInfo::id, "hs2022-to-hs2007"),
                                 Field(&BuiltinConcordanceInfo::id, "hs2017-to-hs2007")));
  for (const BuiltinConcordanceInfo& info : infos) {
    EXPECT_THAT(info.source.title(), HasSubstr("UN Statistics Division")) << info.id;
    EXPECT_THAT(info.source.locator(), HasSubstr("insongkim/concordance, data-raw/, commit "
                                                 "201c812e51f213d967d8701b6ed6398c79df4a04"))
        << info.id;
    EXPECT_THAT(info.source.uri(), HasSubstr("ConversionAndCorrelationTables.xlsx")) << info.id;
    EXPECT_FALSE(info.display_name.empty()) << info.id;
  }
}

TEST(BuiltinConcordances, TheConcordanceCarriesItsIdNameAndCitation) {
  const v1::ProductConcordance concordance = Load("hs2022-to-hs2007");
  EXPECT_EQ(concordance.id(), "hs2022-to-hs2007");
  EXPECT_EQ(concordance.display_name(), BuiltinConcordances()[0].display_name);
  EXPECT_THAT(concordance.source().title(),
              HasSubstr("HS2022toHS2007ConversionAndCorrelationTables.xlsx"));
  EXPECT_THAT(concordance.source().locator(), HasSubstr("sheet 'HS2022-HS2007 Conversions'"));
}

TEST(BuiltinConcordances, Hs2022ToHs2007HasEveryRowOfTheConversionSheet) {
  // Sheet "HS2022-HS2007 Conversions": rows 2 to 5614 hold 5613 codes.
  const auto groups = CheckedGroups("hs2022-to-hs2007", 5613);
  EXPECT_EQ(groups.at("010121"), "010110");  // row 2, the first
  // Row 4. The correlation sheet (rows 5 and 6, n:n) splits 010130 over 010110 and 010190;
  // the conversion gives the one code UNSD chose.
  EXPECT_EQ(groups.at("010130"), "010190");
  EXPECT_EQ(groups.at("490590"), "490599");  // row 2591; 1:n in correlation rows 2933-2934
  EXPECT_EQ(groups.at("852589"), "852580");  // row 4912
  EXPECT_EQ(groups.at("970121"), "970110");  // row 5595
  EXPECT_EQ(groups.at("970122"), "970190");  // row 5596
  EXPECT_EQ(groups.at("999999"), "999999");  // row 5614, the last
}

TEST(BuiltinConcordances, Hs2017ToHs2007HasEveryRowOfTheConversionSheet) {
  // Sheet "Conversion HS17-HS07": rows 2 to 5389 hold 5388 codes.
  const auto groups = CheckedGroups("hs2017-to-hs2007", 5388);
  EXPECT_EQ(groups.at("010121"), "010110");  // row 2, the first
  EXPECT_EQ(groups.at("852341"), "852340");  // row 4754
  EXPECT_EQ(groups.at("852580"), "852580");  // row 4762
  EXPECT_EQ(groups.at("970110"), "970110");  // row 5382
  EXPECT_EQ(groups.at("999999"), "999999");  // row 5389, the last
  EXPECT_FALSE(groups.contains("970121"));   // an HS 2022 code, not in HS 2017
}

TEST(BuiltinConcordances, AnUnknownIdIsNotFoundAndNamesTheKnownOnes) {
  const absl::StatusOr<v1::ProductConcordance> concordance = BuiltinConcordance("hs2012-to-hs2007");
  EXPECT_EQ(concordance.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(concordance.status().message(), HasSubstr("'hs2012-to-hs2007'"));
  EXPECT_THAT(concordance.status().message(), HasSubstr("hs2022-to-hs2007, hs2017-to-hs2007"));
}

}  // namespace
}  // namespace culturetrade::import
