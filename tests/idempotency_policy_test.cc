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

TEST(IdempotencyPolicyTest, WritesWithoutARequestIdAreNot) {
  const IdempotencyPolicy policy;
  EXPECT_EQ(policy.CreateDataset({}), Idempotency::kNonIdempotent);
  EXPECT_EQ(policy.DeleteDataset({}), Idempotency::kNonIdempotent);
  EXPECT_EQ(policy.UploadFlows({}), Idempotency::kNonIdempotent);
  v1::UploadFlowsHeader append;
  append.set_dataset("datasets/d");
  EXPECT_EQ(policy.UploadFlows(append), Idempotency::kNonIdempotent);
}

TEST(IdempotencyPolicyTest, CreatesWithARequestIdAre) {
  const IdempotencyPolicy policy;
  v1::CreateDatasetRequest create;
  create.set_dataset_id("d");
  create.set_request_id("0b7d2a4e-5c1f-4e8b-9a63-2f0d1c8e7b45");
  EXPECT_EQ(policy.CreateDataset(create), Idempotency::kIdempotent);
  v1::UploadFlowsHeader header;
  *header.mutable_create() = create;
  EXPECT_EQ(policy.UploadFlows(header), Idempotency::kIdempotent);
}

}  // namespace
}  // namespace culturetrade
