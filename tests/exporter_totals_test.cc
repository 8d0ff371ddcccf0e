#include "core/exporter_totals.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/special_codes.h"

namespace culturetrade {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

Decimal D(const char* text) { return *Decimal::Parse(text); }

Flow F(const char* reporter, const char* partner, const char* product, Direction d, int year,
       const char* value, int month = 0, const char* currency = "USD") {
  return Flow{reporter,
              partner,
              product,
              d,
              Period{year, month, 0},
              D(value),
              currency,
              ValueStatus::kReported};
}

std::vector<std::pair<std::string, Decimal>> Pairs(const std::vector<CodeTotal>& totals) {
  std::vector<std::pair<std::string, Decimal>> out;
  out.reserve(totals.size());
  for (const CodeTotal& t : totals) out.emplace_back(t.code, t.value);
  return out;
}

using Totals = std::vector<std::pair<std::string, Decimal>>;

// KOR's 2020 exports of P1: 30 + 10.5 to CHN, 0 to USA, 100 to the world (left out); a 2019
// export, an import and a re-export are not counted, nor P2.
FlowTable Korea() {
  return FlowTable(std::vector<Flow>{
      F("KOR", "USA", "P1", Direction::kExport, 2020, "0"),
      F("KOR", "CHN", "P1", Direction::kExport, 2020, "30", /*month=*/1),
      F("KOR", "CHN", "P1", Direction::kExport, 2020, "10.5", /*month=*/2),
      F("KOR", kWorld, "P1", Direction::kExport, 2020, "100"),
      F("KOR", "CHN", "P1", Direction::kExport, 2019, "7"),
      F("KOR", "CHN", "P1", Direction::kImport, 2020, "8"),
      F("KOR", "CHN", "P1", Direction::kReExport, 2020, "9"),
      F("KOR", "CHN", "P2", Direction::kExport, 2020, "2.25"),
      F("KOR", "CHN", kAllProducts, Direction::kExport, 2020, "42.75"),
      F("CHN", "KOR", "P1", Direction::kExport, 2020, "5"),
  });
}

TEST(ExportsByPartnerTest, SumsByPartnerInCodeOrderWithoutTheWorld) {
  EXPECT_EQ(Pairs(ExportsByPartner(Korea(), "KOR", "P1", 2020)),
            (Totals{{"CHN", D("40.5")}, {"USA", D("0")}}));
  EXPECT_EQ(Pairs(ExportsByPartner(Korea(), "KOR", "P1", 2019)), (Totals{{"CHN", D("7")}}));
}

TEST(ExportsByPartnerTest, NothingForAMissingYearReporterOrProduct) {
  EXPECT_THAT(ExportsByPartner(Korea(), "KOR", "P1", 2018), IsEmpty());
  EXPECT_THAT(ExportsByPartner(Korea(), "JPN", "P1", 2020), IsEmpty());
  EXPECT_THAT(ExportsByPartner(Korea(), "KOR", "P9", 2020), IsEmpty());
  EXPECT_THAT(ExportsByPartner(FlowTable(), "KOR", "P1", 2020), IsEmpty());
}

TEST(ExportsByProductTest, SumsByProductInCodeOrderWithoutAllProducts) {
  EXPECT_EQ(Pairs(ExportsByProduct(Korea(), "KOR", "CHN", 2020)),
            (Totals{{"P1", D("40.5")}, {"P2", D("2.25")}}));
  // The world is a partner like any other here.
  EXPECT_EQ(Pairs(ExportsByProduct(Korea(), "KOR", kWorld, 2020)), (Totals{{"P1", D("100")}}));
  EXPECT_THAT(ExportsByProduct(Korea(), "KOR", "JPN", 2020), IsEmpty());
  EXPECT_THAT(ExportsByProduct(Korea(), "KOR", "CHN", 2021), IsEmpty());
}

TEST(YearExportsTest, TheYearsTotalInItsCurrency) {
  absl::StatusOr<CurrencyAmount> a = YearExports(Korea(), {"KOR", "CHN", "P1"}, 2020);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->value, D("40.5"));
  EXPECT_EQ(a->currency, "USD");
  absl::StatusOr<CurrencyAmount> zero = YearExports(Korea(), {"KOR", "USA", "P1"}, 2020);
  ASSERT_TRUE(zero.ok()) << zero.status();
  EXPECT_EQ(zero->value, D("0"));  // a zero total is a total, not a gap
}

TEST(YearExportsTest, AMissingYearNamesWhatIsLacking) {
  absl::StatusOr<CurrencyAmount> a = YearExports(Korea(), {"KOR", "CHN", "P1"}, 2018);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(a.status().message(), "the dataset lacks 2018 exports of P1 from KOR to CHN");
  absl::StatusOr<CurrencyAmount> world = YearExports(Korea(), {kWorld, kWorld, kAllProducts}, 2020);
  ASSERT_FALSE(world.ok());
  EXPECT_EQ(world.status().message(),
            "the dataset lacks 2020 exports of all products (product TOTAL) from the world "
            "(reporter WLD) to the world (partner WLD)");
}

TEST(YearExportsTest, MixedCurrenciesAreAnError) {
  const FlowTable mixed(std::vector<Flow>{
      F("KOR", "CHN", "P1", Direction::kExport, 2020, "1"),
      F("KOR", "CHN", "P1", Direction::kExport, 2020, "2", /*month=*/0, "KRW"),
  });
  absl::StatusOr<CurrencyAmount> a = YearExports(mixed, {"KOR", "CHN", "P1"}, 2020);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(a.status().message(), HasSubstr("KRW"));
}

}  // namespace
}  // namespace culturetrade
