#include "client/idempotency_policy.h"

#include <gtest/gtest.h>

namespace culturetrade {
namespace {

TEST(IdempotencyPolicyTest, ReadsAndAnalysesAreIdempotent) {
  const IdempotencyPolicy policy;
  EXPECT_EQ(policy.GetDataset({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.ListDatasets({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.ReadFlows({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.AnalyzeBalance({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.AnalyzeGrowth({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.CompareExporters({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.AnalyzeDealPrices({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.EstimateSpillover({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.ProjectBalance({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.ComputeIndicators({}), Idempotency::kIdempotent);
  EXPECT_EQ(policy.ReconcileMirror({}), Idempotency::kIdempotent);
}

TEST(IdempotencyPolicyTest, WritesAreNot) {
  const IdempotencyPolicy policy;
  EXPECT_EQ(policy.CreateDataset({}), Idempotency::kNonIdempotent);
  EXPECT_EQ(policy.DeleteDataset({}), Idempotency::kNonIdempotent);
  EXPECT_EQ(policy.UploadFlows({}), Idempotency::kNonIdempotent);
}

}  // namespace
}  // namespace culturetrade
