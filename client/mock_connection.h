// A gmock Connection, so that code using culturetrade::Client can be tested without a server:
//
//   auto mock = std::make_shared<culturetrade::MockConnection>();
//   EXPECT_CALL(*mock, GetDataset).WillOnce(Return(dataset));
//   culturetrade::Client client(mock);
#ifndef CULTURETRADE_CLIENT_MOCK_CONNECTION_H_
#define CULTURETRADE_CLIENT_MOCK_CONNECTION_H_

#include <gmock/gmock.h>

#include "client/connection.h"

namespace culturetrade {

class MockConnection : public Connection {
 public:
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, CreateDataset, (const v1::CreateDatasetRequest&),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, GetDataset, (const v1::GetDatasetRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ListDatasetsResponse>, ListDatasets,
              (const v1::ListDatasetsRequest&), (override));
  MOCK_METHOD(absl::Status, DeleteDataset, (const v1::DeleteDatasetRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, UploadFlows,
              (const v1::UploadFlowsHeader&, absl::Span<const v1::TradeFlow>), (override));
  MOCK_METHOD(absl::StatusOr<v1::Dataset>, UploadBlocks,
              (const v1::UploadFlowsHeader&, const FlowBlockSourceFactory&), (override));
  MOCK_METHOD(absl::StatusOr<std::string>, ReadFlows,
              (const v1::ReadFlowsRequest&, absl::FunctionRef<absl::Status(const v1::FlowBlock&)>),
              (override));
  MOCK_METHOD(absl::StatusOr<v1::AnalyzeBalanceResponse>, AnalyzeBalance,
              (const v1::AnalyzeBalanceRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::AnalyzeGrowthResponse>, AnalyzeGrowth,
              (const v1::AnalyzeGrowthRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::CompareExportersResponse>, CompareExporters,
              (const v1::CompareExportersRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::AnalyzeDealPricesResponse>, AnalyzeDealPrices,
              (const v1::AnalyzeDealPricesRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::EstimateSpilloverResponse>, EstimateSpillover,
              (const v1::EstimateSpilloverRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ProjectBalanceResponse>, ProjectBalance,
              (const v1::ProjectBalanceRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ComputeIndicatorsResponse>, ComputeIndicators,
              (const v1::ComputeIndicatorsRequest&), (override));
  MOCK_METHOD(absl::StatusOr<v1::ReconcileMirrorResponse>, ReconcileMirror,
              (const v1::ReconcileMirrorRequest&), (override));
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CLIENT_MOCK_CONNECTION_H_
