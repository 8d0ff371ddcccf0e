#include "core/deal_prices.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/exchange_rates.h"

namespace culturetrade {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

DealPrice Deal(const char* title, const char* origin, int year, const char* price,
               const char* currency, ValueStatus status = ValueStatus::kReported) {
  DealPrice d;
  d.title = title;
  d.origin = origin;
  d.year = year;
  d.price_per_episode = D(price);
  d.currency = currency;
  d.status = status;
  return d;
}

bool Contains(const absl::Status& status, const std::string& text) {
  return std::string(status.message()).find(text) != std::string::npos;
}

DealPrice Sun() { return Deal("Descendants of the Sun", "KOR", 2016, "230000", "USD"); }
DealPrice Stars() { return Deal("You from the Stars", "KOR", 2013, "40000", "USD"); }

TEST(DealPricesTest, DescendantsOfTheSunCostFiveAndThreeQuarterTimesYouFromTheStars) {
  const std::vector<DealPrice> deals = {Sun(), Stars()};
  const absl::StatusOr<double> ratio =
      TitlePriceRatio(deals, "Descendants of the Sun", "You from the Stars");
  ASSERT_TRUE(ratio.ok()) << ratio.status();
  EXPECT_EQ(*ratio, 5.75);
}

TEST(DealPricesTest, StatsByTitleWithOddAndEvenMedians) {
  const std::vector<DealPrice> deals = {
      Deal("B", "CHN", 2015, "10", "CNY"),
      Deal("A", "CHN", 2015, "5", "CNY", ValueStatus::kDerived),
      Deal("A", "CHN", 2016, "1", "CNY"),
      Deal("B", "CHN", 2016, "25", "CNY", ValueStatus::kEstimated),
      Deal("A", "CHN", 2017, "3", "CNY"),
  };
  const absl::StatusOr<std::vector<PriceStats>> stats = PriceStatsByTitle(deals);
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(stats->size(), 2u);
  const PriceStats& a = (*stats)[0];
  EXPECT_EQ(a.key, "A");
  EXPECT_EQ(a.count, 3);
  EXPECT_EQ(a.min, D("1"));
  EXPECT_EQ(a.median, D("3"));
  EXPECT_EQ(a.max, D("5"));
  EXPECT_EQ(a.weakest_status, ValueStatus::kDerived);
  EXPECT_EQ(a.currency, "CNY");
  const PriceStats& b = (*stats)[1];
  EXPECT_EQ(b.key, "B");
  EXPECT_EQ(b.count, 2);
  EXPECT_EQ(b.median, D("17.5"));
  EXPECT_EQ(b.weakest_status, ValueStatus::kEstimated);
}

TEST(DealPricesTest, StatsByOriginAreSortedByOrigin) {
  const std::vector<DealPrice> deals = {Sun(), Deal("X", "CHN", 2015, "100", "USD"), Stars()};
  const absl::StatusOr<std::vector<PriceStats>> stats = PriceStatsByOrigin(deals);
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(stats->size(), 2u);
  EXPECT_EQ((*stats)[0].key, "CHN");
  EXPECT_EQ((*stats)[1].key, "KOR");
  EXPECT_EQ((*stats)[1].median, D("135000"));  // (40000 + 230000) / 2
}

TEST(DealPricesTest, EmptyInputGivesNoStats) {
  const absl::StatusOr<std::vector<PriceStats>> stats = PriceStatsByTitle({});
  ASSERT_TRUE(stats.ok());
  EXPECT_TRUE(stats->empty());
}

TEST(DealPricesTest, MixedCurrenciesAreRefused) {
  const std::vector<DealPrice> deals = {Sun(), Deal("X", "CHN", 2015, "3000", "CNY")};
  for (const absl::Status& s :
       {PriceStatsByTitle(deals).status(), PriceStatsByOrigin(deals).status()}) {
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_TRUE(Contains(s, "USD")) << s;
    EXPECT_TRUE(Contains(s, "CNY")) << s;
    EXPECT_TRUE(Contains(s, "convert them first")) << s;
  }
  EXPECT_EQ(TitlePriceRatio(deals, "X", "Descendants of the Sun").status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(DealPricesTest, DealsOutsideTheComparisonMayUseOtherCurrencies) {
  const std::vector<DealPrice> deals = {Sun(), Stars(), Deal("X", "CHN", 2015, "3000", "CNY")};
  EXPECT_EQ(*TitlePriceRatio(deals, "Descendants of the Sun", "You from the Stars"), 5.75);
  EXPECT_TRUE(OriginPriceGap(deals, "KOR", "KOR").ok());
}

TEST(DealPricesTest, BadDealsAreRejected) {
  const std::vector<DealPrice> negative = {Deal("X", "CHN", 2015, "-1", "CNY")};
  EXPECT_EQ(PriceStatsByTitle(negative).status().code(), absl::StatusCode::kInvalidArgument);
  const std::vector<DealPrice> untitled = {Deal("", "CHN", 2015, "1", "CNY")};
  EXPECT_EQ(PriceStatsByTitle(untitled).status().code(), absl::StatusCode::kInvalidArgument);
  const std::vector<DealPrice> no_currency = {Deal("X", "CHN", 2015, "1", "")};
  EXPECT_EQ(PriceStatsByOrigin(no_currency).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(DealPricesTest, UnknownTitleIsNotFound) {
  const std::vector<DealPrice> deals = {Sun(), Stars()};
  const absl::Status s = TitlePriceRatio(deals, "Goblin", "You from the Stars").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(Contains(s, "'Goblin'")) << s;
  EXPECT_EQ(TitlePriceRatio(deals, "You from the Stars", "Goblin").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(DealPricesTest, RatioToAZeroPriceIsUndefined) {
  const std::vector<DealPrice> deals = {Sun(), Deal("Free", "KOR", 2016, "0", "USD")};
  const absl::Status s = TitlePriceRatio(deals, "Descendants of the Sun", "Free").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(s, "'Free'")) << s;
  EXPECT_EQ(OriginPriceGap(deals, "CHN", "KOR").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(OriginPriceGap(deals, "KOR", "KOR").status().code(),
            absl::StatusCode::kFailedPrecondition);
}

// Korean deals priced in USD, converted to CNY at the 2013 and 2016 annual rates, against two
// illustrative Chinese deals priced in CNY.
TEST(DealPricesTest, KoreanOverChineseGapAfterConversion) {
  const ExchangeRates rates(
      {{2013, 0, 0, "USD", "CNY", D("6.1937")}, {2016, 0, 0, "USD", "CNY", D("6.6440")}});
  std::vector<DealPrice> deals = {Deal("CN drama 1", "CHN", 2015, "3000", "CNY"),
                                  Deal("CN drama 2", "CHN", 2015, "500", "CNY")};
  for (DealPrice korean : {Stars(), Sun()}) {
    const absl::StatusOr<Decimal> cny =
        rates.Convert(korean.price_per_episode, korean.currency, "CNY", korean.year);
    ASSERT_TRUE(cny.ok()) << cny.status();
    korean.price_per_episode = *cny;
    korean.currency = "CNY";
    deals.push_back(korean);
  }
  const absl::StatusOr<std::vector<PriceStats>> stats = PriceStatsByOrigin(deals);
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(stats->size(), 2u);
  const PriceStats& chn = (*stats)[0];
  const PriceStats& kor = (*stats)[1];
  EXPECT_EQ(kor.min, D("247748"));     // 40000 × 6.1937
  EXPECT_EQ(kor.max, D("1528120"));    // 230000 × 6.6440
  EXPECT_EQ(kor.median, D("887934"));  // (247748 + 1528120) / 2
  EXPECT_EQ(chn.median, D("1750"));    // (3000 + 500) / 2
  // The cheapest Korean deal against the dearest Chinese one: 247748 / 3000 = 82.58...
  EXPECT_NEAR(Ratio(kor.min, chn.max), 82.582666666667, 1e-9);

  const absl::StatusOr<OriginGap> gap = OriginPriceGap(deals, "KOR", "CHN");
  ASSERT_TRUE(gap.ok()) << gap.status();
  EXPECT_EQ(gap->origin_a, "KOR");
  EXPECT_EQ(gap->origin_b, "CHN");
  EXPECT_EQ(gap->median_a, D("887934"));
  EXPECT_EQ(gap->median_b, D("1750"));
  EXPECT_NEAR(gap->median_ratio, 507.390857142857, 1e-9);  // 887934 / 1750
  EXPECT_DOUBLE_EQ(gap->ratio_to_b_max, 295.978);          // 887934 / 3000
  EXPECT_DOUBLE_EQ(gap->ratio_to_b_min, 1775.868);         // 887934 / 500
}

}  // namespace
}  // namespace culturetrade
