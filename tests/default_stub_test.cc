// DefaultStub's streams over a real gRPC channel to an in-process DatasetService that records
// what arrives: blocks go out one a message after the header, a source's error cancels the
// upload rather than closing it (a closed stream would be stored), and a read hands over every
// block or stops the stream when the visitor fails.
#include "client/internal/default_stub.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <vector>

namespace culturetrade {
namespace internal {
namespace {

// How an upload stream ended on the server.
struct Upload {
  std::string target;  // the header's dataset
  int blocks = 0;
  bool cancelled = false;
};

class RecordingDatasets final : public v1::DatasetService::Service {
 public:
  grpc::Status UploadFlows(grpc::ServerContext* context,
                           grpc::ServerReader<v1::UploadFlowsRequest>* reader,
                           v1::Dataset* response) override {
    Upload upload;
    v1::UploadFlowsRequest message;
    int64_t flows = 0;
    while (reader->Read(&message)) {
      if (message.has_header()) upload.target = message.header().dataset();
      if (message.has_block()) {
        ++upload.blocks;
        flows += message.block().reporter_size();
      }
    }
    upload.cancelled = context->IsCancelled();
    response->set_flow_count(flows);
    uploads_.set_value(upload);
    return grpc::Status::OK;
  }

  grpc::Status ReadFlows(grpc::ServerContext*, const v1::ReadFlowsRequest* request,
                         grpc::ServerWriter<v1::ReadFlowsResponse>* writer) override {
    if (request->name() != "datasets/a") return grpc::Status(grpc::NOT_FOUND, "no such dataset");
    for (int year = 2020; year < 2024; ++year) {
      v1::ReadFlowsResponse message;
      message.set_etag("e5");
      message.mutable_block()->add_year(year);
      if (!writer->Write(message)) break;
    }
    return grpc::Status::OK;
  }

  // The upload, once its handler has returned.
  Upload NextUpload() { return uploads_future_.get(); }

 private:
  std::promise<Upload> uploads_;
  std::future<Upload> uploads_future_ = uploads_.get_future();
};

// `count` blocks of one flow each, then the end, or `error` in place of block `fail_at`.
class Blocks : public FlowBlockSource {
 public:
  Blocks(int count, int fail_at = -1) : count_(count), fail_at_(fail_at) {}
  absl::StatusOr<bool> Next(v1::FlowBlock& block) override {
    if (next_ == fail_at_) return absl::InvalidArgumentError("line 9, column 'value': 'x'");
    if (next_++ == count_) return false;
    block.Clear();
    block.add_reporter(0);
    return true;
  }

 private:
  int count_, fail_at_, next_ = 0;
};

class DefaultStubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    std::shared_ptr<grpc::Channel> channel = server_->InProcessChannel(grpc::ChannelArguments());
    stub_ = std::make_unique<DefaultStub>(v1::DatasetService::NewStub(channel),
                                          v1::AnalysisService::NewStub(channel));
  }
  void TearDown() override { server_->Shutdown(); }

  v1::UploadFlowsHeader Header() const {
    v1::UploadFlowsHeader header;
    header.set_dataset("datasets/a");
    return header;
  }

  RecordingDatasets service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<DefaultStub> stub_;
};

TEST_F(DefaultStubTest, AnUploadSendsTheHeaderThenEveryBlock) {
  grpc::ClientContext context;
  Blocks blocks(3);
  absl::StatusOr<v1::Dataset> d = stub_->UploadFlows(context, Header(), blocks);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->flow_count(), 3);
  const Upload upload = service_.NextUpload();
  EXPECT_EQ(upload.target, "datasets/a");
  EXPECT_EQ(upload.blocks, 3);
  EXPECT_FALSE(upload.cancelled);
}

TEST_F(DefaultStubTest, ASourceErrorCancelsTheUploadAndIsReturned) {
  grpc::ClientContext context;
  Blocks blocks(3, /*fail_at=*/2);
  const absl::Status s = stub_->UploadFlows(context, Header(), blocks).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "line 9, column 'value': 'x'");
  EXPECT_TRUE(service_.NextUpload().cancelled);
}

TEST_F(DefaultStubTest, AReadHandsOverEveryMessage) {
  grpc::ClientContext context;
  v1::ReadFlowsRequest request;
  request.set_name("datasets/a");
  std::vector<int> years;
  const absl::Status s = stub_->ReadFlows(context, request, [&](const v1::ReadFlowsResponse& m) {
    EXPECT_EQ(m.etag(), "e5");
    years.push_back(m.block().year(0));
    return absl::OkStatus();
  });
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(years, (std::vector<int>{2020, 2021, 2022, 2023}));
}

TEST_F(DefaultStubTest, AVisitorErrorEndsTheRead) {
  grpc::ClientContext context;
  v1::ReadFlowsRequest request;
  request.set_name("datasets/a");
  int seen = 0;
  const absl::Status s = stub_->ReadFlows(context, request, [&](const v1::ReadFlowsResponse&) {
    return ++seen == 2 ? absl::ResourceExhaustedError("disk full") : absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(seen, 2);
}

TEST_F(DefaultStubTest, AReadOfAMissingDatasetFails) {
  grpc::ClientContext context;
  v1::ReadFlowsRequest request;
  request.set_name("datasets/missing");
  const absl::Status s = stub_->ReadFlows(
      context, request, [](const v1::ReadFlowsResponse&) { return absl::OkStatus(); });
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace internal
}  // namespace culturetrade
