// The study's figures, computed from the shipped dataset exactly as a user would get them,
// and compared with the digits printed in the study's text.
#include <gtest/gtest.h>

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/decimal.h"
#include "proto/money_convert.h"
#include "service/analyses/analyses.h"
#include "service/model/dataset_resource.h"
#include "service/server/seed.h"
#include "service/storage/sqlite/sqlite_store.h"

namespace culturetrade {
namespace {

// A rate as the text prints it: a percentage with `digits` decimals.
std::string Pct(double rate, int digits) { return absl::StrFormat("%.*f", digits, rate * 100); }

class StudyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path =
        absl::StrCat(::testing::TempDir(), "/study-",
                     ::testing::UnitTest::GetInstance()->current_test_info()->name(), ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    store_ = *SqliteStore::Open(path);
    ASSERT_TRUE(SeedIfNew(*store_).ok());
    v1::AnalyzeBalanceRequest request;
    request.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
    request.set_reporter("CHN");
    request.set_partner("KOR");
    request.set_product_code("TV_DRAMAS");
    absl::StatusOr<v1::AnalyzeBalanceResponse> r = AnalyzeBalance(*store_, request, NoCaller());
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

// "the total export ratio of China and South Korea to the TV drama industry is 1/10":
// 105 M CNY at the 2013 rate of 6.1937 CNY/USD is US$16.95 M against Korea's US$150 M, a ratio of
// 0.1130, one in 8.85: about one ninth, which the text rounds to 1/10.
TEST_F(StudyTest, ChinaExportedAboutOneNinthOfKoreasTvDramasIn2013) {
  v1::CompareExportersRequest r;
  r.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
  r.set_product_code("TV_DRAMAS");
  r.set_year(2013);
  r.set_reporter_a("CHN");
  r.set_reporter_b("KOR");
  r.set_target_currency("USD");
  absl::StatusOr<v1::CompareExportersResponse> c = CompareExporters(*store_, r, NoCaller());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(DecimalFromMoney(c->a().converted())->ToString(), "16952710.01178617");
  EXPECT_EQ(absl::StrFormat("%.4f", c->ratio()), "0.1130");
  EXPECT_EQ(absl::StrFormat("%.2f", c->inverse_ratio()), "8.85");
  EXPECT_EQ(std::lround(c->inverse_ratio()), 9);
}

v1::AnalyzeDealPricesRequest DealsRequest(const std::string& currency) {
  v1::AnalyzeDealPricesRequest r;
  r.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
  r.set_target_currency(currency);
  r.set_numerator_title("Descendants of the Sun");
  r.set_denominator_title("You from the Stars");
  r.set_origin_a("KOR");
  r.set_origin_b("CHN");
  return r;
}

// "the price of a single set is about 6 times the price of 'You from the stars'":
// US$230,000 / US$40,000 = 5.75 exactly.
TEST_F(StudyTest, DescendantsOfTheSunCostAbout6TimesYouFromTheStars) {
  absl::StatusOr<v1::AnalyzeDealPricesResponse> d =
      AnalyzeDealPrices(*store_, DealsRequest("USD"), NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->title_ratio().ratio(), 5.75);
  EXPECT_EQ(std::lround(d->title_ratio().ratio()), 6);
}

// "The gap of ten times or even hundreds of times": in yuan at each deal's year rate, Korea's
// cheapest episode (247,748 CNY) is 82.58 times China's dearest illustrative price (3,000 CNY),
// and Korea's median (887,934 CNY) is 507.39 times China's median (1,750 CNY).
TEST_F(StudyTest, KoreanEpisodesCostTensToHundredsOfTimesChineseOnes) {
  absl::StatusOr<v1::AnalyzeDealPricesResponse> d =
      AnalyzeDealPrices(*store_, DealsRequest("CNY"), NoCaller());
  ASSERT_TRUE(d.ok()) << d.status();
  ASSERT_EQ(d->by_origin_size(), 2);
  const v1::PriceStats& chn = d->by_origin(0);
  const v1::PriceStats& kor = d->by_origin(1);
  EXPECT_EQ(chn.key(), "CHN");
  EXPECT_EQ(chn.weakest_status(), v1::VALUE_STATUS_ESTIMATED);
  EXPECT_EQ(DecimalFromMoney(kor.min())->ToString(), "247748");
  EXPECT_EQ(DecimalFromMoney(kor.median())->ToString(), "887934");
  EXPECT_EQ(absl::StrFormat("%.2f", d->origin_gap().lowest_ratio()), "82.58");
  // 1,528,120 / 500: the dearest Korean episode against the cheapest Chinese one.
  EXPECT_EQ(absl::StrFormat("%.2f", d->origin_gap().highest_ratio()), "3056.24");
  EXPECT_EQ(absl::StrFormat("%.2f", d->origin_gap().median_ratio()), "507.39");
}

// "for every US$100 increase in Korean cultural industry exports, it could boost Korean
// merchandise exports by $412": applied to Korea's US$150 M of 2013 drama exports, US$618 M.
TEST_F(StudyTest, KoreasDramaExportsInduceFourTimesAsMuchMerchandise) {
  v1::EstimateSpilloverRequest r;
  r.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
  r.set_multiplier_id("kexim-2012");
  r.set_reporter("KOR");
  r.set_product_code("TV_DRAMAS");
  r.set_year(2013);
  absl::StatusOr<v1::EstimateSpilloverResponse> s = EstimateSpillover(*store_, r, NoCaller());
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->induced_exports().currency_code(), "USD");
  EXPECT_EQ(DecimalFromMoney(s->induced_exports())->ToString(), "618000000");
  r.clear_multiplier_id();
  *r.mutable_multiplier() = s->multiplier();
  r.mutable_cultural_exports()->set_currency_code("USD");
  r.mutable_cultural_exports()->set_units(100);
  EXPECT_EQ(EstimateSpillover(*store_, r, NoCaller())->induced_exports().units(), 412);
}

// The study's conclusion in numbers: at 2010-2016 growth the deficit never closes; closing it
// by 2030 would take exports growing 89.81 % a year.
TEST_F(StudyTest, AtRecentGrowthTheDeficitNeverCloses) {
  v1::ProjectBalanceRequest r;
  r.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV_DRAMAS");
  r.set_to_year(2030);
  r.set_close_by_year(2030);
  absl::StatusOr<v1::ProjectBalanceResponse> p = ProjectBalance(*store_, r, NoCaller());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->base_year(), 2016);
  EXPECT_FALSE(p->deficit_closes());
  EXPECT_NE(p->never_closes_reason().find("54.98"), std::string::npos);
  EXPECT_EQ(Pct(p->required_export_growth(), 2), "89.81");
  EXPECT_EQ(p->years_size(), 14);
}

// Growth of imports: the 2014 spike, the trend, and the cumulative total of the years given.
TEST_F(StudyTest, ImportGrowthSpikesIn2014) {
  v1::AnalyzeGrowthRequest r;
  r.set_dataset(absl::StrCat("datasets/", kStudyDatasetId));
  r.set_reporter("CHN");
  r.set_partner("KOR");
  r.set_product_code("TV_DRAMAS");
  r.set_direction(v1::FLOW_DIRECTION_IMPORT);
  absl::StatusOr<v1::AnalyzeGrowthResponse> g = AnalyzeGrowth(*store_, r, NoCaller());
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->spikes_size(), 1);
  EXPECT_EQ(g->spikes(0).year(), 2014);
  EXPECT_EQ(Pct(g->compound().rate(), 2), "54.98");
  EXPECT_EQ(g->trend().points(), 4);
  EXPECT_EQ(DecimalFromMoney(g->cumulative().total())->ToString(), "826080000");
  EXPECT_EQ(g->cumulative().years_missing_size(), 3);
}

// Facts the study states without data behind them are kept and cited, never computed.
TEST_F(StudyTest, CitedFactsAreKeptWithTheirSources) {
  absl::StatusOr<DatasetRecord> record = store_->Get(kStudyDatasetId);
  ASSERT_TRUE(record.ok()) << record.status();
  absl::StatusOr<v1::Dataset> d = ResourceOf(*record);
  ASSERT_TRUE(d.ok()) << d.status();
  std::vector<std::string> values;
  for (const auto& f : d->cited_facts()) values.push_back(f.value() + " " + f.unit());
  EXPECT_EQ(values, (std::vector<std::string>{"75 percent", "50 percent", "1.1 percent"}));
  for (const auto& f : d->cited_facts()) EXPECT_FALSE(f.source().quote().empty());
}

}  // namespace
}  // namespace culturetrade
