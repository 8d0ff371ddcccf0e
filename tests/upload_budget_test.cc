#include "service/api/upload_budget.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace culturetrade {
namespace {

using ::testing::HasSubstr;

TEST(UploadBudgetTest, LeasesGrowUntilTheBudgetIsSpent) {
  UploadBudget budget(100);
  UploadBudget::Lease a(budget);
  ASSERT_TRUE(a.GrowTo(60).ok());
  UploadBudget::Lease b(budget);
  EXPECT_TRUE(b.GrowTo(40).ok());
  const absl::Status refused = b.GrowTo(41);
  EXPECT_EQ(refused.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(refused.message(), HasSubstr("retry later"));
  EXPECT_EQ(b.held(), 40) << "a refused growth keeps what the lease held";
  EXPECT_EQ(budget.in_use(), 100);
}

TEST(UploadBudgetTest, ShrinkingIsANoOpAndAGoneLeaseGivesBack) {
  UploadBudget budget(100);
  {
    UploadBudget::Lease a(budget);
    ASSERT_TRUE(a.GrowTo(80).ok());
    EXPECT_TRUE(a.GrowTo(10).ok());
    EXPECT_EQ(a.held(), 80);
  }
  EXPECT_EQ(budget.in_use(), 0);
  UploadBudget::Lease c(budget);
  EXPECT_TRUE(c.GrowTo(100).ok());
}

}  // namespace
}  // namespace culturetrade
