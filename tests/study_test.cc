// The study's figures, computed from the shipped dataset exactly as a user would get them,
// and compared with the digits printed in the study's text.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "proto/money_convert.h"
#include "service/analyses.h"
#include "service/seed.h"
#include "service/sqlite_store.h"

namespace culturetrade {
namespace {

// A rate as the text prints it: a percentage with `digits` decimals.
std::string Pct(double rate, int digits) { return absl::StrFormat("%.*f", digits, rate * 100); }

class StudyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = absl::StrCat(::testing::TempDir(), "/study-",
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name(), ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    store_ = *SqliteStore::Open(path);
    ASSERT_TRUE(SeedIfNew(*store_).ok());
    v1::AnalyzeBalanceRequest request;
    request.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
    request.set_reporter("CHN");
    request.set_partner("KOR");
    request.set_product_code("TV_DRAMAS");
    absl::StatusOr<v1::AnalyzeBalanceResponse> r = AnalyzeBalance(*store_, request);
    ASSERT_TRUE(r.ok()) << r.status();
    balance_ = *r;
  }
  const v1::BalanceYear& Year(int year) const {
    for (const auto& y : balance_.years()) {
      if (y.year() == year) return y;
    }
    static const v1::BalanceYear kNone;
    ADD_FAILURE() << "no row for " << year;
    return kNone;
  }
  std::unique_ptr<SqliteStore> store_;
  v1::AnalyzeBalanceResponse balance_;
};

// "The annual average growth rate ... was about 26.85%."
TEST_F(StudyTest, ExportsGrewOnAverage2685PercentAYear) {
  ASSERT_TRUE(balance_.export_growth().has_rate());
  EXPECT_EQ(balance_.export_growth().start_year(), 2010);
  EXPECT_EQ(balance_.export_growth().end_year(), 2016);
  EXPECT_EQ(Pct(balance_.export_growth().rate(), 2), "26.85");
}

// "The average annual growth rate is about 54.98%."
TEST_F(StudyTest, ImportsGrewOnAverage5498PercentAYear) {
  ASSERT_TRUE(balance_.import_growth().has_rate());
  EXPECT_EQ(Pct(balance_.import_growth().rate(), 2), "54.98");
}

// "441.29 million yuan, a year-on-year increase of 496%, close to 500%."
TEST_F(StudyTest, Imports2014Rose496Percent) {
  const v1::BalanceYear& y2014 = Year(2014);
  ASSERT_TRUE(y2014.has_import_growth());
  EXPECT_EQ(Pct(y2014.import_growth(), 0), "496");
  // 2013 is derived from that growth and flagged so.
  EXPECT_EQ(Year(2013).import_status(), v1::VALUE_STATUS_DERIVED);
}

// 16.96 - 289.83 = -272.87 million yuan, exactly.
TEST_F(StudyTest, Balance2016IsADeficitOf27287MillionYuan) {
  const v1::BalanceYear& y2016 = Year(2016);
  ASSERT_TRUE(y2016.has_balance());
  EXPECT_EQ(y2016.balance().currency_code(), "CNY");
  EXPECT_EQ(DecimalFromMoney(y2016.balance())->ToString(), "-272870000");
}

// Years the text does not give stay absent: no zeros are invented.
TEST_F(StudyTest, YearsTheTextDoesNotGiveAreAbsent) {
  std::vector<int> years;
  for (const auto& y : balance_.years()) years.push_back(y.year());
  EXPECT_EQ(years, (std::vector<int>{2010, 2013, 2014, 2016}));
  EXPECT_FALSE(Year(2013).has_exports());
  EXPECT_FALSE(Year(2013).has_balance());
}

}  // namespace
}  // namespace culturetrade
