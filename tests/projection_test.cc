#include "core/projection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

bool Mentions(absl::string_view text, absl::string_view words) {
  return text.find(words) != absl::string_view::npos;
}

// China → Korea TV dramas, million CNY: 2016 values and the study's 2010–2016 growth rates.
const Decimal kDramaExports2016 = *Decimal::Parse("16.96");
const Decimal kDramaImports2016 = *Decimal::Parse("289.83");
constexpr double kDramaExportGrowth = 0.268527;
constexpr double kDramaImportGrowth = 0.549771;

TEST(ProjectTest, StudyCaseHandComputed) {
  absl::StatusOr<std::vector<ProjectedYear>> rows = Project(
      2016, kDramaExports2016, kDramaImports2016, kDramaExportGrowth, kDramaImportGrowth, 2018);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].year, 2016);
  EXPECT_EQ((*rows)[0].exports, D("16.96"));
  EXPECT_EQ((*rows)[0].balance, D("-272.87"));
  // 16.96 × 1.268527 and 289.83 × 1.549771, exact in nine decimals.
  EXPECT_EQ((*rows)[1].year, 2017);
  EXPECT_EQ((*rows)[1].exports, D("21.51421792"));
  EXPECT_EQ((*rows)[1].imports, D("449.17012893"));
  EXPECT_EQ((*rows)[1].balance, D("-427.65591101"));
  // 16.96 × 1.268527² = 27.29136631540384, 289.83 × 1.549771² = 696.11083988197503.
  EXPECT_EQ((*rows)[2].exports, D("27.291366315"));
  EXPECT_EQ((*rows)[2].imports, D("696.110839882"));
  EXPECT_EQ((*rows)[2].balance, D("-668.819473567"));
}

TEST(ProjectTest, EachYearComesFromTheBaseNotFromTheRoundedYearBefore) {
  // One nano growing 50 % a year: 1.5 → 2, 2.25 → 2, 3.375 → 3. Compounding the rounded
  // values would give 2, 3, 5 instead.
  absl::StatusOr<std::vector<ProjectedYear>> rows =
      Project(2000, D("0.000000001"), D("0"), 0.5, 0.0, 2003);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[1].exports, D("0.000000002"));
  EXPECT_EQ((*rows)[2].exports, D("0.000000002"));
  EXPECT_EQ((*rows)[3].exports, D("0.000000003"));
  EXPECT_EQ((*rows)[3].imports, D("0"));
}

TEST(ProjectTest, RefusesBadSpansAndRates) {
  const Decimal x = D("1"), m = D("2");
  EXPECT_EQ(Project(2016, x, m, 0.1, 0.1, 2016).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Project(2016, x, m, 0.1, 0.1, 2010).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Project(2016, x, m, 0.1, 0.1, 2217).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Project(2016, x, m, 0.1, 0.1, 2216).ok());
  EXPECT_EQ(Project(2016, x, m, -1.0, 0.1, 2020).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Project(2016, x, m, 0.1, -1.5, 2020).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      Project(2016, x, m, std::numeric_limits<double>::quiet_NaN(), 0.1, 2020).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Project(2016, D("-1"), m, 0.1, 0.1, 2020).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ProjectTest, OverflowIsReportedNotWrapped) {
  // 289.83 × 1.549771^t passes 2^126 nanos (about 8.5e28) in 2156, long before 2216.
  absl::StatusOr<std::vector<ProjectedYear>> rows = Project(
      2016, kDramaExports2016, kDramaImports2016, kDramaExportGrowth, kDramaImportGrowth, 2216);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(Mentions(rows.status().message(), "imports")) << rows.status();
}

TEST(DeficitClosingTest, StudyCaseNeverCloses) {
  absl::StatusOr<DeficitClosing> r = FirstYearDeficitCloses(
      2016, kDramaExports2016, kDramaImports2016, kDramaExportGrowth, kDramaImportGrowth);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->closes);
  EXPECT_TRUE(Mentions(r->reason, "grow")) << r->reason;
  EXPECT_TRUE(Mentions(r->reason, "54.98 %")) << r->reason;
  EXPECT_TRUE(Mentions(r->reason, "26.85 %")) << r->reason;
  // Rates and the base year, but no amount: only the client knows the scale its reader uses.
  EXPECT_TRUE(Mentions(r->reason, "from a larger base in 2016")) << r->reason;
  EXPECT_FALSE(Mentions(r->reason, "289.83")) << r->reason;
}

TEST(DeficitClosingTest, ClosesExactlyOnAWholeYear) {
  // 100 × 1.1² = 121: the logarithms give t = 2 up to an ulp either way.
  absl::StatusOr<DeficitClosing> r = FirstYearDeficitCloses(2016, D("100"), D("121"), 0.10, 0.0);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->closes);
  EXPECT_EQ(r->year, 2018);
  // The projection shows the same year.
  absl::StatusOr<std::vector<ProjectedYear>> rows =
      Project(2016, D("100"), D("121"), 0.10, 0.0, 2018);
  ASSERT_TRUE(rows.ok());
  EXPECT_LT((*rows)[1].exports, (*rows)[1].imports);
  EXPECT_EQ((*rows)[2].exports, D("121"));
}

TEST(DeficitClosingTest, ClosesBetweenWholeYears) {
  // 50 × 1.2^t = 100 × 1.05^t at t = 5.19: year 5 is 124.416 < 127.628, year 6 is
  // 149.299 > 134.010.
  absl::StatusOr<DeficitClosing> r = FirstYearDeficitCloses(2020, D("50"), D("100"), 0.2, 0.05);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->closes);
  EXPECT_EQ(r->year, 2026);
}

TEST(DeficitClosingTest, NoDeficitClosesInTheBaseYear) {
  absl::StatusOr<DeficitClosing> r = FirstYearDeficitCloses(2016, D("5"), D("5"), 0.0, 0.3);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->closes);
  EXPECT_EQ(r->year, 2016);
}

TEST(DeficitClosingTest, NeverClosesAndSaysWhy) {
  absl::StatusOr<DeficitClosing> zero = FirstYearDeficitCloses(2016, D("0"), D("10"), 0.5, 0.0);
  ASSERT_TRUE(zero.ok());
  EXPECT_FALSE(zero->closes);
  EXPECT_TRUE(Mentions(zero->reason, "zero")) << zero->reason;

  absl::StatusOr<DeficitClosing> same = FirstYearDeficitCloses(2016, D("5"), D("10"), 0.1, 0.1);
  ASSERT_TRUE(same.ok());
  EXPECT_FALSE(same->closes);
  EXPECT_TRUE(Mentions(same->reason, "at least as fast")) << same->reason;

  // 1 × 1.0001^t = 10^20 needs about 460,000 years.
  absl::StatusOr<DeficitClosing> slow =
      FirstYearDeficitCloses(2016, D("1"), D("100000000000000000000"), 0.0001, 0.0);
  ASSERT_TRUE(slow.ok());
  EXPECT_FALSE(slow->closes);
  EXPECT_TRUE(Mentions(slow->reason, "1000-year")) << slow->reason;
}

TEST(DeficitClosingTest, RefusesImpossibleRates) {
  EXPECT_EQ(FirstYearDeficitCloses(2016, D("1"), D("2"), -1.0, 0.0).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstYearDeficitCloses(2016, D("1"), D("2"), 0.1, -2.0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ExportGrowthToCloseTest, StudyCaseBy2030) {
  // (289.83 / 16.96)^(1/14) × 1.549771 − 1, worked out to 40 digits.
  absl::StatusOr<double> g =
      ExportGrowthToClose(2016, kDramaExports2016, kDramaImports2016, kDramaImportGrowth, 2030);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_NEAR(*g, 0.898098644922625859, 1e-9);
  // At that rate the deficit closes in 2030, give or take the rounding of the rate.
  absl::StatusOr<std::vector<ProjectedYear>> rows =
      Project(2016, kDramaExports2016, kDramaImports2016, *g, kDramaImportGrowth, 2030);
  ASSERT_TRUE(rows.ok());
  EXPECT_NEAR(Ratio(rows->back().exports, rows->back().imports), 1.0, 1e-12);
}

TEST(ExportGrowthToCloseTest, HandComputedAndErrors) {
  // 100 → 400 in two years with flat imports: doubling each year.
  EXPECT_NEAR(*ExportGrowthToClose(2020, D("100"), D("400"), 0.0, 2022), 1.0, 1e-15);
  EXPECT_EQ(ExportGrowthToClose(2020, D("0"), D("400"), 0.0, 2022).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ExportGrowthToClose(2020, D("100"), D("400"), 0.0, 2020).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ExportGrowthToClose(2020, D("100"), D("400"), 0.0, 2019).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(InducedExportsTest, SpilloverIsExact) {
  EXPECT_EQ(*InducedExports(D("100"), D("412"), D("100")), D("412"));
  EXPECT_EQ(*InducedExports(D("150000000"), D("412"), D("100")), D("618000000"));
  EXPECT_EQ(InducedExports(D("150000000"), D("412"), D("100"))->ToString(), "618000000");
  EXPECT_EQ(*InducedExports(D("0.01"), D("412"), D("100")), D("0.0412"));
}

TEST(InducedExportsTest, RoundsOnceHalfAwayFromZero) {
  EXPECT_EQ(*InducedExports(D("1"), D("1"), D("3")), D("0.333333333"));
  EXPECT_EQ(*InducedExports(D("2"), D("1"), D("3")), D("0.666666667"));
  EXPECT_EQ(*InducedExports(D("-2"), D("1"), D("3")), D("-0.666666667"));
  EXPECT_EQ(*InducedExports(D("0.000000001"), D("1"), D("2")), D("0.000000001"));
  EXPECT_EQ(*InducedExports(D("5"), D("0"), D("100")), D("0"));
}

TEST(InducedExportsTest, RefusesMeaninglessMultipliers) {
  EXPECT_EQ(InducedExports(D("100"), D("412"), D("0")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(InducedExports(D("100"), D("412"), D("-100")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(InducedExports(D("100"), D("-412"), D("100")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace culturetrade
