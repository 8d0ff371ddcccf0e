// The names of a report's titles: economies by name, the product by its description.
#include "report/report_names.h"

#include <gtest/gtest.h>

namespace culturetrade::report {
namespace {

TEST(EconomyTitle, NameOrCode) {
  EXPECT_EQ(EconomyTitle("KOR"), "South Korea");
  EXPECT_EQ(EconomyTitle("CHN"), "China");
  EXPECT_EQ(EconomyTitle("WLD"), "World");
  EXPECT_EQ(EconomyTitle("QQQ"), "QQQ");
}

TEST(ProductTitle, DescriptionInASentence) {
  EXPECT_EQ(ProductTitle("TV_DRAMAS", "Television dramas"), "television dramas");
  EXPECT_EQ(ProductTitle("TV_DRAMAS", "TV dramas"), "TV dramas");
  EXPECT_EQ(ProductTitle("SK1", ""), "SK1");
  EXPECT_EQ(ProductTitle("TOTAL", ""), "all products");
}

}  // namespace
}  // namespace culturetrade::report
