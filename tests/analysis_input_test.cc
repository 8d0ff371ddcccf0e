// The analyses of stored datasets, on every store (store_fixture.h): an analysis of one pair of a
// dataset not in memory reads only the blocks that may hold the pair, and answers exactly as it
// does from the whole dataset in memory (which a CachingStore then loads in the background).
#include "service/analyses/analysis_input.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/flow_block_builder.h"
#include "service/analyses/analyses.h"
#include "service/model/dataset_resource.h"
#include "service/storage/caching_store.h"
#include "tests/store_fixture.h"

namespace culturetrade {
namespace {

using ::culturetrade::testing::BackendName;
using ::culturetrade::testing::CreateWith;
using ::culturetrade::testing::EveryBackend;
using ::culturetrade::testing::StoreTest;
using ::google::protobuf::util::MessageDifferencer;

constexpr const char* kEconomies[] = {"KOR", "CHN", "USA", "FRA", "GBR", "DEU", "JPN",
                                      "ITA", "ESP", "BRA", "IND", "MEX", "CAN", "AUS",
                                      "NLD", "SWE", "NOR", "FIN", "DNK", "POL"};
constexpr int kEconomyCount = 20;
constexpr int kFirstYear = 2000, kLastYear = 2012, kSplitYear = 2007;

// The flows `reporter` reports with its two neighbours in kEconomies, of two products, both
// ways, over [from, to].
FlowBlock ReporterBlock(int reporter, int from, int to) {
  FlowBlockBuilder b;
  for (int partner :
       {(reporter + 1) % kEconomyCount, (reporter + kEconomyCount - 1) % kEconomyCount}) {
    for (const char* product : {"FILMS", "TV_DRAMAS"}) {
      for (Direction direction : {Direction::kExport, Direction::kImport}) {
        for (int year = from; year <= to; ++year) {
          FlowBlockBuilder::Row row;
          row.reporter = b.Economy(kEconomies[reporter]);
          row.partner = b.Economy(kEconomies[partner]);
          row.product = b.Product(Classification::kFree, product, "");
          row.currency = b.Currency("USD");
          row.direction = direction;
          row.period.year = year;
          // Cents that differ flow by flow, so that only exact sums agree.
          row.value = Decimal::FromNanos(absl::int128(1000 + reporter * 37 + partner * 11 +
                                                      (year - kFirstYear) * 53 +
                                                      (direction == Direction::kExport ? 7 : 0)) *
                                         10'010'000'000);
          b.Add(row);
        }
      }
    }
  }
  return b.Take();
}

// A dataset of 40 blocks, two a reporter (its years split), with US dollar to euro rates.
std::vector<FlowBlock> World() {
  std::vector<FlowBlock> blocks;
  for (int reporter = 0; reporter < kEconomyCount; ++reporter) {
    blocks.push_back(ReporterBlock(reporter, kFirstYear, kSplitYear - 1));
    blocks.push_back(ReporterBlock(reporter, kSplitYear, kLastYear));
  }
  return blocks;
}

std::string Metadata() {
  v1::Dataset d;
  d.set_display_name("a world in blocks");
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    v1::ExchangeRate* rate = d.add_exchange_rates();
    rate->mutable_period()->set_year(year);
    rate->set_base_currency_code("USD");
    rate->set_quote_currency_code("EUR");
    rate->set_rate(absl::StrCat("0.9", year % 10));
  }
  return StoredMetadata(d);
}

template <typename Request>
Request OfKoreaAndChina(Request r) {
  r.set_dataset("datasets/world");
  r.set_reporter("KOR");
  r.set_partner("CHN");
  r.set_product_code("FILMS");
  return r;
}

class AnalysisInputTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(CreateWith(*store_, "world", World(), Metadata()).ok());
    cache_ = std::make_unique<CachingStore>(*store_, 1'000'000);
  }

  // Runs `analysis` twice: first with the dataset not in memory, from the blocks of its pair,
  // then, once the cache has loaded the whole dataset in the background, from memory. Expects
  // the same answer.
  template <typename Analysis, typename Request>
  void ExpectSameAnswers(Analysis analysis, const Request& request) {
    auto cold = analysis(*cache_, request, NoCaller());
    ASSERT_TRUE(cold.ok()) << cold.status();
    EXPECT_EQ(cache_->partial_loads(), 1);
    cache_->WaitForWarmUp();
    EXPECT_EQ(cache_->misses(), 1);
    EXPECT_EQ(cache_->cached_flows(), 40 * 52);
    auto warm = analysis(*cache_, request, NoCaller());
    ASSERT_TRUE(warm.ok()) << warm.status();
    EXPECT_EQ(cache_->hits(), 1);
    EXPECT_TRUE(MessageDifferencer::Equals(*cold, *warm)) << cold->DebugString() << "\nvs\n"
                                                          << warm->DebugString();
  }

  std::unique_ptr<CachingStore> cache_;
};
INSTANTIATE_TEST_SUITE_P(Stores, AnalysisInputTest, ::testing::ValuesIn(EveryBackend()),
                         BackendName);

TEST_P(AnalysisInputTest, ABalanceFromItsBlocksIsTheBalanceFromTheWholeDataset) {
  v1::AnalyzeBalanceRequest r = OfKoreaAndChina(v1::AnalyzeBalanceRequest());
  r.set_target_currency("EUR");
  ExpectSameAnswers(AnalyzeBalance, r);
}

TEST_P(AnalysisInputTest, AGrowthFromItsBlocksIsTheGrowthFromTheWholeDataset) {
  v1::AnalyzeGrowthRequest r = OfKoreaAndChina(v1::AnalyzeGrowthRequest());
  r.set_direction(v1::FLOW_DIRECTION_IMPORT);
  r.set_start_year(2003);
  ExpectSameAnswers(AnalyzeGrowth, r);
}

TEST_P(AnalysisInputTest, AProjectionFromItsBlocksIsTheProjectionFromTheWholeDataset) {
  v1::ProjectBalanceRequest r = OfKoreaAndChina(v1::ProjectBalanceRequest());
  r.set_to_year(2020);
  ExpectSameAnswers(ProjectBalance, r);
}

TEST_P(AnalysisInputTest, AMirrorFromItsBlocksIsTheMirrorFromTheWholeDataset) {
  v1::ReconcileMirrorRequest r = OfKoreaAndChina(v1::ReconcileMirrorRequest());
  r.set_direction(v1::FLOW_DIRECTION_EXPORT);
  ExpectSameAnswers(ReconcileMirror, r);
}

TEST_P(AnalysisInputTest, AStoreReadsOnlyTheBlocksOfAPair) {
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> read =
      store_->GetAnalyzable("world", BlocksSelected({0, {{"KOR", "CHN", "FILMS"}}}), NoCaller());
  ASSERT_TRUE(read.ok()) << read.status();
  // KOR's two blocks: 2 partners × 2 products × 2 directions × 13 years.
  EXPECT_EQ((*read)->flows.size(), 104u);
  EXPECT_EQ((*read)->record.flow_count, 40 * 52);
  EXPECT_EQ((*read)->record.revision, 1);
}

TEST_P(AnalysisInputTest, AnAnalysisOfManyBlocksLoadsTheWholeDatasetToKeep) {
  // 2003 is in every reporter's first block: half the blocks.
  absl::StatusOr<std::shared_ptr<const AnalyzableDataset>> read =
      cache_->GetAnalyzable("world", BlocksSelected({2003, {}}), NoCaller());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ((*read)->flows.size(), 40u * 52u);
  EXPECT_EQ(cache_->partial_loads(), 0);
  EXPECT_EQ(cache_->misses(), 1);
  EXPECT_EQ(cache_->cached_flows(), 40 * 52);
  // And the pair is then read from memory.
  ASSERT_TRUE(
      cache_->GetAnalyzable("world", BlocksSelected({0, {{"KOR", "CHN", "FILMS"}}}), NoCaller())
          .ok());
  EXPECT_EQ(cache_->hits(), 1);
  EXPECT_EQ(cache_->partial_loads(), 0);
}

}  // namespace
}  // namespace culturetrade
