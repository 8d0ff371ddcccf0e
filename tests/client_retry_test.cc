// The SDK's default connection over a real gRPC channel, against an in-process server over
// loopback whose DatasetService fails the first calls: that MakeConnection stacks the gRPC
// stub, the bearer token and the retries, and that gRPC's statuses and metadata cross the wire.
// The retry rules themselves are tested without a server in retry_connection_test.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>

#include "client/client.h"
#include "culturetrade/v1/dataset_service.grpc.pb.h"

namespace culturetrade {
namespace {

class FlakyDatasets final : public v1::DatasetService::Service {
 public:
  explicit FlakyDatasets(int failures) : failures_(failures) {}
  grpc::Status GetDataset(grpc::ServerContext* context, const v1::GetDatasetRequest* request,
                          v1::Dataset* response) override {
    auto token = context->client_metadata().find("authorization");
    if (token != context->client_metadata().end()) {
      last_token_ = std::string(token->second.data(), token->second.size());
    }
    if (calls_++ < failures_) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "warming up");
    response->set_name(request->name());
    return grpc::Status::OK;
  }
  int calls() const { return calls_; }
  std::string last_token() const { return last_token_; }

 private:
  const int failures_;
  std::atomic<int> calls_{0};
  std::string last_token_;
};

class ClientRetryTest : public ::testing::Test {
 protected:
  void Serve(int failures) {
    service_ = std::make_unique<FlakyDatasets>(failures);
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
  }
  void TearDown() override { server_->Shutdown(); }
  Options Fast() const {
    Options o;
    o.endpoint = "127.0.0.1:" + std::to_string(port_);
    o.retry.initial_backoff = absl::Milliseconds(1);
    o.retry.max_backoff = absl::Milliseconds(5);
    return o;
  }
  std::unique_ptr<FlakyDatasets> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

TEST_F(ClientRetryTest, ReadsAreRetriedUntilTheyWork) {
  Serve(2);
  absl::StatusOr<v1::Dataset> d = Client(MakeConnection(Fast())).GetDataset("datasets/a");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(service_->calls(), 3);
}

TEST_F(ClientRetryTest, TheBearerTokenTravelsAsMetadata) {
  Serve(0);
  Options o = Fast();
  o.bearer_token = "t0ken";
  ASSERT_TRUE(Client(MakeConnection(o)).GetDataset("datasets/a").ok());
  EXPECT_EQ(service_->last_token(), "Bearer t0ken");
}

}  // namespace
}  // namespace culturetrade
